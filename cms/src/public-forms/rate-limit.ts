/**
 * Rate limits of the public write routes, per route and client IP and per route and e-mail
 * address (normalised), with rate-limiter-flexible. On PostgreSQL the counts live in a table of
 * the CMS's database, so several CMS instances behind one proxy share them; on SQLite (one
 * instance) they live in the process's memory. The key is the route's name, never the request
 * path or body as sent, so changing the case of the path or adding a field does not reset the
 * count; it is stored hashed, so the table holds no addresses.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export const WINDOW_SECONDS = 600;
/** The shared counts' table (rate-limiter-flexible creates it on first use). */
export const RATE_LIMIT_TABLE = 'co_rate_limits';

export interface RateLimits {
  perIp: number;
  perEmail: number;
}

export interface Limiter {
  /** False when the client or the address has used up its requests for the window. */
  allow(route: string, ip: string, email?: string | null): Promise<boolean>;
}

/** Where the counts are kept: this process, or a PostgreSQL database every instance reaches (a knex instance). */
export type LimiterStore = { kind: 'memory' } | { kind: 'postgres'; knex: unknown };

/** The store for the CMS as configured: PostgreSQL's when it runs on it. */
export function limiterStoreOf(strapi: Core.Strapi | undefined): LimiterStore {
  return strapi?.db?.dialect.client === 'postgres' ? { kind: 'postgres', knex: strapi.db.connection } : { kind: 'memory' };
}

const hashed = (key: string): string => createHash('sha256').update(key).digest('hex');

export function createLimiter({ perIp, perEmail }: RateLimits, store: LimiterStore = limiterStoreOf((globalThis as { strapi?: Core.Strapi }).strapi)): Limiter {
  const make = (keyPrefix: string, points: number): { limiter: RateLimiterAbstract; ready: Promise<void> } => {
    if (store.kind === 'memory') return { limiter: new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS }), ready: Promise.resolve() };
    let limiter!: RateLimiterPostgres;
    const ready = new Promise<void>((resolve, reject) => {
      limiter = new RateLimiterPostgres({ storeClient: store.knex, storeType: 'knex', tableName: RATE_LIMIT_TABLE, keyPrefix, points, duration: WINDOW_SECONDS, clearExpiredByTimeout: true }, (error?: Error) =>
        error ? reject(new Error(`Rate limits: could not create the table ${RATE_LIMIT_TABLE} in PostgreSQL: ${error.message}`, { cause: error })) : resolve(),
      );
    });
    // Awaited by every request; a failure is reported there, not as an unhandled rejection.
    ready.catch(() => {});
    return { limiter, ready };
  };
  const byIp = make('ip', perIp);
  const byEmail = make('email', perEmail);
  const take = async ({ limiter, ready }: { limiter: RateLimiterAbstract; ready: Promise<void> }, key: string): Promise<boolean> => {
    await ready;
    try {
      await limiter.consume(hashed(key));
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  };
  return {
    async allow(route, ip, email) {
      if (!(await take(byIp, `${route}:${ip}`))) return false;
      return email ? take(byEmail, `${route}:${email}`) : true;
    },
  };
}
