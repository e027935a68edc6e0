import { describe, expect, it } from 'vitest';
import { pageItems, type PageItem } from '../../../site/src/lib/pagination';

const show = (items: PageItem[]): string => items.map((item) => ('gap' in item ? '…' : String(item.page))).join(' ');

describe('pagination window', () => {
  it('shows every page of a short list', () => {
    expect(show(pageItems(1, 1))).toBe('1');
    expect(show(pageItems(3, 7))).toBe('1 2 3 4 5 6 7');
  });

  it('shows the first, the last and two pages either side of the current one', () => {
    expect(show(pageItems(1, 1500))).toBe('1 2 3 … 1500');
    expect(show(pageItems(750, 1500))).toBe('1 … 748 749 750 751 752 … 1500');
    expect(show(pageItems(1500, 1500))).toBe('1 … 1498 1499 1500');
  });

  it('shows a single missing page instead of a gap', () => {
    expect(show(pageItems(5, 10))).toBe('1 2 3 4 5 6 7 … 10');
    expect(show(pageItems(4, 10))).toBe('1 2 3 4 5 6 … 10');
  });

  it('keeps the number of links the same however long the list is', () => {
    expect(pageItems(5000, 10_000)).toHaveLength(pageItems(50, 100).length);
  });

  it('refuses a page outside the list', () => {
    expect(() => pageItems(0, 5)).toThrow(/page 0 of 5/);
    expect(() => pageItems(6, 5)).toThrow(/page 6 of 5/);
  });
});
