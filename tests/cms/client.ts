import { inject } from 'vitest';
import type { CmsContext } from './context.ts';

export const cms = (): CmsContext => inject('cms');

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export interface StrapiList<T = Record<string, unknown>> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

export interface StrapiErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { errors?: { path: string[]; message: string }[] } };
}

/** One HTTP call to the test Strapi; `auth` picks the caller: anonymous, an API token or the admin. */
export async function call<T = unknown>(method: string, path: string, options: { auth?: 'public' | 'full' | 'read' | 'admin'; body?: unknown } = {}): Promise<ApiResponse<T>> {
  const context = cms();
  const token = { public: undefined, full: context.fullToken, read: context.readToken, admin: context.adminToken }[options.auth ?? 'public'];
  const response = await fetch(`${context.url}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (e.g. a 405 text body); tests look at the status
  }
  return { status: response.status, body: body as T };
}

/** Every entry of a collection, following pagination to the end. */
export async function listAll<T = Record<string, unknown>>(plural: string, query = '', auth: 'public' | 'full' | 'read' = 'public'): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const { status, body } = await call<StrapiList<T>>('GET', `/api/${plural}?pagination[page]=${page}&pagination[pageSize]=100${query ? `&${query}` : ''}`, { auth });
    if (status !== 200) throw new Error(`GET /api/${plural} page ${page} answered ${status}: ${JSON.stringify(body)}`);
    items.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return items;
  }
}

/** The field paths a Strapi validation error names, e.g. ["endsAt", "recurrence.until"]. */
export function errorPaths(body: unknown): string[] {
  const errors = (body as StrapiErrorBody).error?.details?.errors ?? [];
  return errors.map((e) => e.path.join('.'));
}
