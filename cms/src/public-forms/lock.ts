/**
 * A lock in the database for periodic work, so that with two CMS instances (each runs every cron
 * task) a job runs in one of them at a time. Taking it is one conditional UPDATE — "set my lease
 * where the lease has run out" — which the database applies atomically on SQLite and PostgreSQL;
 * a crashed holder's lease simply runs out.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const LOCK = 'api::job-lock.job-lock';
/** Who holds a lock: this process, once per start. */
const OWNER = `${process.pid}-${randomBytes(4).toString('hex')}`;

export async function withJobLock<T>(strapi: Core.Strapi, name: string, leaseMs: number, work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  // The lease runs on the real clock, even when the work is given another "now" (tests, a rerun).
  const now = new Date();
  const locks = strapi.db.query(LOCK);
  // The row is made on first use. Two instances may both make one; the UPDATE below covers every
  // row of the name at once, so even then only one of them gets the lock.
  if (!(await locks.findOne({ where: { name } }))) await locks.create({ data: { name, lockedUntil: null, owner: null } });
  const until = new Date(now.getTime() + leaseMs);
  const { count } = await locks.updateMany({
    where: { name, $or: [{ lockedUntil: { $null: true } }, { lockedUntil: { $lt: now } }] },
    data: { lockedUntil: until, owner: OWNER },
  });
  if (count === 0) return { ran: false };
  try {
    return { ran: true, result: await work() };
  } finally {
    await locks.updateMany({ where: { name, owner: OWNER }, data: { lockedUntil: null, owner: null } });
  }
}

/** SQLite refused a write because another process wrote since this transaction began reading. */
const sqliteBusy = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || (typeof message === 'string' && message.includes('database is locked'));
};

/**
 * Runs `work` in a transaction that holds a lock on `key`, for read-then-write work that must not
 * interleave (the last seat of a date, a day's feedback counts). PostgreSQL takes a
 * transaction-scoped advisory lock on the key, so work on other keys goes on; SQLite has a single
 * writer, and one process's transactions already run one at a time. Another process on the same
 * SQLite file (a script run beside the CMS) can still make a transaction that read first fail at
 * its first write, at once and whatever the busy timeout: it was rolled back, so it is run again.
 * `work` must therefore keep its effects inside the transaction and hand results back by return.
 */
export async function withKeyLock<T>(strapi: Core.Strapi, key: string, work: () => Promise<T>): Promise<T> {
  const run = () =>
    strapi.db.transaction(async ({ trx }) => {
      if (strapi.db.dialect.client === 'postgres') await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [key]);
      return work();
    });
  // Inside an outer transaction only that one can be retried, by its own caller.
  if (strapi.db.dialect.client !== 'sqlite' || strapi.db.inTransaction()) return run();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!sqliteBusy(error) || attempt >= 6) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 50 + Math.floor(Math.random() * 50)));
    }
  }
}
