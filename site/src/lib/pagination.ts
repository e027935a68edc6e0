/**
 * Which page numbers a list's pagination shows. Linking every page to every other made each list
 * page grow with the list (1,500 links on each of 1,500 news pages at 15,000 news: quadratic bytes);
 * a window around the current page plus the first and the last keeps every page small, and every
 * page stays reachable in a few steps.
 */

/** A page number to link, or a gap ("…") between two that are not neighbours. */
export type PageItem = { page: number } | { gap: true };

/** Pages shown on each side of the current one. */
const WINDOW = 2;

export function pageItems(current: number, last: number, window: number = WINDOW): PageItem[] {
  if (!Number.isInteger(current) || !Number.isInteger(last) || last < 1 || current < 1 || current > last) {
    throw new RangeError(`pagination: page ${current} of ${last} does not exist`);
  }
  const shown = new Set<number>([1, last]);
  for (let page = Math.max(1, current - window); page <= Math.min(last, current + window); page++) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const items: PageItem[] = [];
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    // A gap of exactly one page shows that page instead of "…", which would take as much room.
    if (previous !== undefined && page - previous === 2) items.push({ page: previous + 1 });
    else if (previous !== undefined && page - previous > 2) items.push({ gap: true });
    items.push({ page });
  });
  return items;
}
