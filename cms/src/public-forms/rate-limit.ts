/**
 * Rate limits of the public write routes, per route and client IP and per route and e-mail
 * address (normalised), with rate-limiter-flexible. On PostgreSQL the counts live in a table of
 * the CMS's database, so several CMS instances behind one proxy share them; on SQLite (one
 * instance) they live in the process's memory. Every limiter has a name of its own (the form),
 * which starts its keys: forms share the table, and two forms' routes of the same name ("confirm")
 * must not share an allowance. The rest of the key is the route's name, never the request path
 * or body as sent, so changing the case of the path or adding a field does not reset the count;
 * in the database it is stored as a keyed hash, so the table holds no addresses.
 */
import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export const WINDOW_SECONDS = 600;
/** The shared counts' table (rate-limiter-flexible creates it on first use, also when two instances race to). */
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
export type LimiterStore = { kind: 'memory' } | { kind: 'postgres'; knex: unknown; schema?: string; secret: string };

/** The store for the CMS as configured: PostgreSQL's when it runs on it. */
export function limiterStoreOf(strapi: Core.Strapi | undefined): LimiterStore {
  if (strapi?.db?.dialect.client !== 'postgres') return { kind: 'memory' };
  const schema = strapi.config.get<string | undefined>('database.connection.connection.schema');
  const keys = strapi.config.get<string[] | undefined>('server.app.keys') ?? [];
  if (keys.length === 0) throw new Error('Rate limits on PostgreSQL need APP_KEYS: the stored keys are hashed with them.');
  return { kind: 'postgres', knex: strapi.db.connection, schema: schema && schema !== 'public' ? schema : undefined, secret: keys.join(',') };
}

/** Limiter names start stored keys: short, lower-case, and never with the separator in them. */
const NAME = /^[a-z][a-z0-9-]{0,40}$/;

export function createLimiter(name: string, { perIp, perEmail }: RateLimits, store: LimiterStore = limiterStoreOf((globalThis as { strapi?: Core.Strapi }).strapi)): Limiter {
  if (!NAME.test(name)) throw new Error(`Rate limiter name "${name}" must be lower-case letters, digits and hyphens.`);
  const make = (kind: 'ip' | 'email', points: number): (() => Promise<RateLimiterAbstract>) => {
    const keyPrefix = `${name}:${kind}`;
    if (store.kind === 'memory') {
      const limiter = new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
      return async () => limiter;
    }
    let ready: Promise<RateLimiterAbstract> | null = null;
    return () =>
      (ready ??= new Promise<RateLimiterAbstract>((resolve, reject) => {
        const limiter: RateLimiterPostgres = new RateLimiterPostgres(
          { storeClient: store.knex, storeType: 'knex', tableName: RATE_LIMIT_TABLE, schemaName: store.schema, keyPrefix, points, duration: WINDOW_SECONDS, clearExpiredByTimeout: true },
          (error?: Error) => (error ? reject(new Error(`Rate limits: could not create the table ${RATE_LIMIT_TABLE} in PostgreSQL: ${error.message}`, { cause: error })) : resolve(limiter)),
        );
      }).catch((error: unknown) => {
        // A database blip at the first request must not disable the form until a restart: the next request tries again.
        ready = null;
        throw error;
      }));
  };
  // Keyed with the instances' shared secret: a plain hash of an IPv4 address is undone by trying all 2³² of them.
  const hashed = (key: string): string => (store.kind === 'memory' ? key : createHmac('sha256', store.secret).update(key).digest('hex'));
  const byIp = make('ip', perIp);
  const byEmail = make('email', perEmail);
  const take = async (limiterOf: () => Promise<RateLimiterAbstract>, key: string): Promise<boolean> => {
    const limiter = await limiterOf();
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
