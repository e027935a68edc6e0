/**
 * How Strapi's document service receives relations, media and components in a write, and how a
 * value sent or read back compares with the stored one. Pure, so the many accepted shapes are
 * unit-tested; the middleware uses them to know the entry's state after the write before Strapi
 * stores it, and the editors' rules of the public forms to tell what an edit really changes.
 */
export type Entry = Record<string, unknown>;

export const isRecord = (value: unknown): value is Entry => value !== null && typeof value === 'object' && !Array.isArray(value);

const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/**
 * Whether a to-one relation is set after a write, from any of the shapes Strapi accepts: an id,
 * a documentId, `{ id }`, `{ documentId }`, `{ connect, disconnect }` or `{ set }`, where
 * connect/disconnect/set take one value or a list.
 */
export function resolveToOne(value: unknown, current: boolean): boolean {
  if (value === undefined) return current;
  if (value === null || value === '') return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) {
    if ('set' in value) return asList(value.set).length > 0;
    if (asList(value.connect).length > 0) return true;
    if (asList(value.disconnect).length > 0) return false;
    if (value.id !== undefined || value.documentId !== undefined) return true;
  }
  return current;
}

/** Whether a to-many relation in a write adds anything: an id or documentId, a list of them, `{ connect }` or `{ set }`. */
export function addsToRelation(value: unknown): boolean {
  if (isRecord(value)) return asList(value.connect).length > 0 || asList(value.set).length > 0;
  return asList(value).filter((item) => item !== '').length > 0;
}

export interface MediaRefs {
  ids: number[];
  documentIds: string[];
}

/**
 * The files a write puts into a media field: ids (numbers or numeric strings), documentIds,
 * `{ id }` / `{ documentId }` objects, lists of them, or `{ set | connect: … }`.
 */
export function mediaRefs(value: unknown): MediaRefs {
  const refs: MediaRefs = { ids: [], documentIds: [] };
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) return item.forEach(visit);
    if (typeof item === 'number' && Number.isInteger(item) && item > 0) refs.ids.push(item);
    else if (typeof item === 'string' && /^\d+$/.test(item)) refs.ids.push(Number(item));
    else if (typeof item === 'string' && item.trim()) refs.documentIds.push(item.trim());
    else if (isRecord(item)) {
      if ('set' in item || 'connect' in item) return [item.set, item.connect].forEach((list) => list !== undefined && visit(list));
      if (item.id !== undefined) visit(item.id);
      else if (item.documentId !== undefined) visit(item.documentId);
    }
  };
  visit(value);
  return refs;
}

/**
 * The entry as it will be after the write. A component sent with the `id` of the stored one is
 * updated field by field by Strapi, so it is merged here too; anything else replaces the value.
 */
export function mergeForValidation(current: Entry | null, data: Entry): Entry {
  if (!current) return { ...data };
  const merged: Entry = { ...current };
  for (const [key, value] of Object.entries(data)) {
    const stored = current[key];
    if (isRecord(value) && isRecord(stored) && value.id !== undefined && value.id === stored.id) {
      merged[key] = { ...stored, ...value };
    } else if (Array.isArray(value) && Array.isArray(stored)) {
      merged[key] = value.map((item) => {
        const match = isRecord(item) && item.id !== undefined ? stored.find((s) => isRecord(s) && s.id === item.id) : undefined;
        return isRecord(match) && isRecord(item) ? { ...match, ...item } : item;
      });
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/** Whether a value the admin's form sent back equals the stored one (dates by instant, empty as empty). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return new Date(a as string).getTime() === new Date(b as string).getTime();
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A stored date and time as a UTC ISO string. Strapi's queries give ISO strings already; a Date or
 * epoch milliseconds (from a driver, or a value made in code) come out the same, so rows compare.
 */
export const isoTime = (value: unknown): string => new Date(value instanceof Date || typeof value === 'number' ? value : String(value)).toISOString();
