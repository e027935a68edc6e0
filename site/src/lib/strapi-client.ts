import qs from 'qs';

/**
 * The one way the site talks to Strapi. Every failure becomes a StrapiError that names the URL
 * and the status, so a broken build says exactly what went wrong; nothing is turned into an
 * empty list.
 */
export class StrapiError extends Error {
  constructor(
    message: string,
    readonly url: string,
    /** HTTP status, or null when no response arrived (network error, timeout). */
    readonly status: number | null,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StrapiError';
  }
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface StrapiClientOptions {
  /** e.g. http://127.0.0.1:1337 */
  baseUrl: string;
  /** Read-only API token; optional because published content is public. */
  token?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after the first, for network errors, 5xx and 429. */
  retries?: number;
  /** First backoff; doubles on every retry. */
  backoffMs?: number;
  /** Largest page Strapi serves (its api.rest.maxLimit). */
  pageSize?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export type Query = Record<string, unknown>;

const MAX_RETRY_AFTER_MS = 30_000;

export interface StrapiClient {
  /** One request to /api/<path>; the parsed JSON body. */
  get<T>(path: string, query?: Query): Promise<T>;
  /** Every entry of a collection, page by page until `pageCount`, checked against `total`. */
  findAll<T>(collection: string, query?: Query): Promise<T[]>;
  /** A single type's data (e.g. "global"). */
  findSingle<T>(singular: string, query?: Query): Promise<T>;
}

/**
 * The sort with the primary key last. Entries that tie on the sort (two events at the same hour)
 * otherwise come in any order, and on PostgreSQL one may come on two pages and another on none
 * (strapi/strapi#21393); the key makes the order, and so the paging, total.
 */
export function withUniqueLastKey(sort: unknown): string[] {
  const keys = sort === undefined || sort === null ? [] : (Array.isArray(sort) ? sort : [sort]).flatMap((key) => String(key).split(','));
  return keys.some((key) => key.split(':')[0] === 'id') ? keys : [...keys, 'id:asc'];
}

export function createStrapiClient(options: StrapiClientOptions): StrapiClient {
  const {
    baseUrl,
    token,
    timeoutMs = 15_000,
    retries = 3,
    backoffMs = 500,
    pageSize = 100,
    fetch: doFetch = globalThis.fetch,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  } = options;
  const root = baseUrl.replace(/\/+$/, '');

  const urlFor = (path: string, query?: Query) => {
    const search = query && Object.keys(query).length > 0 ? `?${qs.stringify(query, { encodeValuesOnly: true })}` : '';
    return `${root}/api/${path.replace(/^\/+/, '')}${search}`;
  };

  async function get<T>(path: string, query?: Query): Promise<T> {
    const url = urlFor(path, query);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;

    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const reason = timedOut ? `no answer within ${timeoutMs} ms` : `network error: ${error instanceof Error ? error.message : String(error)}`;
        if (attempt <= retries) {
          await sleep(backoffMs * 2 ** (attempt - 1));
          continue;
        }
        throw new StrapiError(`GET ${url} failed after ${attempt} attempts: ${reason}. Is Strapi running at ${root}?`, url, null, attempt, { cause: error });
      }

      if (response.ok) {
        const text = await response.text();
        try {
          return JSON.parse(text) as T;
        } catch (error) {
          throw new StrapiError(`GET ${url} answered ${response.status} with a body that is not valid JSON: ${text.slice(0, 120)}`, url, response.status, attempt, { cause: error });
        }
      }

      const retryable = response.status >= 500 || response.status === 429;
      if (retryable && attempt <= retries) {
        await response.body?.cancel();
        await sleep(retryDelay(response, backoffMs * 2 ** (attempt - 1)));
        continue;
      }
      const detail = await errorDetail(response);
      const hint = response.status === 401 || response.status === 403 ? ' Check STRAPI_TOKEN and the Public role permissions.' : '';
      throw new StrapiError(`GET ${url} answered ${response.status} ${response.statusText}${attempt > 1 ? ` after ${attempt} attempts` : ''}${detail ? `: ${detail}` : ''}.${hint}`, url, response.status, attempt);
    }
  }

  async function findAll<T>(collection: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    let pagination: Pagination | undefined;
    const sort = withUniqueLastKey(query.sort);
    for (let page = 1; ; page += 1) {
      const body = await get<unknown>(collection, { ...query, sort, pagination: { page, pageSize } });
      const { data, meta } = asPage<T>(body, urlFor(collection));
      if (pagination && meta.pagination.total !== pagination.total) {
        throw new StrapiError(`${collection} changed while it was being read (${pagination.total} → ${meta.pagination.total} entries); build again.`, urlFor(collection), 200, 1);
      }
      pagination = meta.pagination;
      items.push(...data);
      if (page >= pagination.pageCount) break;
    }
    if (items.length !== pagination.total) {
      throw new StrapiError(`${collection}: read ${items.length} entries but Strapi reports ${pagination.total}; refusing an incomplete list.`, urlFor(collection), 200, 1);
    }
    const seen = new Set<unknown>();
    const twice = items.map((item) => (item as { documentId?: unknown }).documentId).find((id) => id !== undefined && (seen.has(id) || !seen.add(id)));
    if (twice !== undefined) {
      throw new StrapiError(`${collection}: entry ${String(twice)} came on two pages, so another one came on none; refusing an incomplete list.`, urlFor(collection), 200, 1);
    }
    return items;
  }

  async function findSingle<T>(singular: string, query?: Query): Promise<T> {
    const body = await get<{ data?: T | null }>(singular, query);
    if (!body || body.data === undefined || body.data === null) {
      throw new StrapiError(`${singular}: Strapi returned no data.`, urlFor(singular), 200, 1);
    }
    return body.data;
  }

  return { get, findAll, findSingle };
}

function asPage<T>(body: unknown, url: string): { data: T[]; meta: { pagination: Pagination } } {
  const candidate = body as { data?: unknown; meta?: { pagination?: Partial<Pagination> } } | null;
  const pagination = candidate?.meta?.pagination;
  const valid = Array.isArray(candidate?.data) && pagination && ['page', 'pageSize', 'pageCount', 'total'].every((key) => Number.isInteger(pagination[key as keyof Pagination]));
  if (!valid) throw new StrapiError(`GET ${url} did not answer with a Strapi list ({ data: [], meta: { pagination } }).`, url, 200, 1);
  return candidate as { data: T[]; meta: { pagination: Pagination } };
}

/** Retry-After in seconds or as a date, else the backoff; capped so a build never hangs on it. */
function retryDelay(response: Response, fallback: number): number {
  const header = response.headers.get('retry-after');
  if (!header) return fallback;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : fallback;
}

/** Strapi's own error message, when the body has one. */
async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
    return message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
