import { expect, inject } from 'vitest';
import { TEST_ADMIN, type CmsContext } from './context.ts';

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

let admin: string | null = null;

/** When a JWT stops being accepted (its `exp`), in ms; 0 when it does not say. */
const expiresAt = (token: string): number => {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
};

/**
 * An admin access token, signed in again when the one held has less than 5 minutes left: Strapi's
 * access tokens last 30 minutes, and a slow run of the suite outlives the one the global setup got.
 */
export async function adminToken(): Promise<string> {
  admin ??= cms().adminToken;
  const expires = expiresAt(admin);
  if (expires !== 0 && expires - Date.now() < 5 * 60_000) {
    const response = await fetch(`${cms().url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(TEST_ADMIN) });
    if (!response.ok) throw new Error(`Signing the test admin in again failed: ${response.status} ${await response.text()}`);
    admin = ((await response.json()) as { data: { token: string } }).data.token;
  }
  return admin;
}

/** One HTTP call to the test Strapi; `auth` picks the caller: anonymous, an API token or the admin. */
export async function call<T = unknown>(method: string, path: string, options: { auth?: 'public' | 'full' | 'read' | 'admin'; body?: unknown } = {}): Promise<ApiResponse<T>> {
  const context = cms();
  const token = options.auth === 'admin' ? await adminToken() : { public: undefined, full: context.fullToken, read: context.readToken }[options.auth ?? 'public'];
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

/** Asserts a 400 ValidationError that names `path` with a message matching `message`. */
export function expectRejected(response: ApiResponse, path: string, message: RegExp): void {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  const body = response.body as StrapiErrorBody;
  expect(body.error.name).toBe('ValidationError');
  expect(errorPaths(body)).toContain(path);
  expect(body.error.details!.errors!.find((e) => e.path.join('.') === path)!.message).toMatch(message);
}

/** An ISO instant `days` from now at `hour`:00 UTC. */
export function inDays(days: number, hour = 17): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Uploads a 1×1 PNG through the REST API with the full-access token; alt text only when given. */
export async function uploadImage(alternativeText?: string): Promise<{ id: number; documentId: string }> {
  const form = new FormData();
  form.append('files', new Blob([Buffer.from(ONE_PIXEL_PNG, 'base64')], { type: 'image/png' }), 'piksel.png');
  if (alternativeText !== undefined) form.append('fileInfo', JSON.stringify({ alternativeText }));
  const response = await fetch(`${cms().url}/api/upload`, { method: 'POST', headers: { Authorization: `Bearer ${cms().fullToken}` }, body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: number; documentId: string }[])[0]!;
}

/** Changes the alt text of an uploaded file, as an editor does in the media library. */
export async function setAltText(fileId: number, alternativeText: string): Promise<void> {
  const form = new FormData();
  form.append('fileInfo', JSON.stringify({ alternativeText }));
  const response = await fetch(`${cms().url}/api/upload?id=${fileId}`, { method: 'POST', headers: { Authorization: `Bearer ${cms().fullToken}` }, body: form });
  expect(response.status).toBe(200);
}
