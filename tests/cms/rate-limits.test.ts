import knex, { type Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { createLimiter, RATE_LIMIT_TABLE } from '../../cms/src/public-forms/rate-limit';
import { cms } from './client.ts';
import { sql } from './database.ts';

// Two CMS instances on one PostgreSQL each hold their own knex pool: two pools here stand in for them.
describe.runIf(cms().env.DATABASE_CLIENT === 'postgres')('rate limits on PostgreSQL', () => {
  const pools: Knex[] = [];
  const pool = () => {
    const made = knex({ client: 'pg', connection: cms().env.DATABASE_URL, pool: { min: 0, max: 2 } });
    pools.push(made);
    return made;
  };
  afterAll(async () => {
    for (const made of pools) await made.destroy();
  });

  it('are counted across instances: a client cannot double its allowance by reaching the other one', async () => {
    const limits = { perIp: 3, perEmail: 2 };
    const first = createLimiter('test-form', limits, { kind: 'postgres', knex: pool(), secret: 'test-secret' });
    const second = createLimiter('test-form', limits, { kind: 'postgres', knex: pool(), secret: 'test-secret' });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const route = `test-route-${Date.now()}`;
    const answers = [await first.allow(route, ip), await second.allow(route, ip), await first.allow(route, ip), await second.allow(route, ip), await first.allow(route, ip)];
    expect(answers).toEqual([true, true, true, false, false]);
    // Per address too, whichever instance the requests reach.
    const email = `limit.${Date.now()}@example.org`;
    const byAddress = [await first.allow(`${route}-mail`, '203.0.113.1', email), await second.allow(`${route}-mail`, '203.0.113.2', email), await first.allow(`${route}-mail`, '203.0.113.3', email)];
    expect(byAddress).toEqual([true, true, false]);
    // Another route keeps its own count.
    expect(await second.allow(`${route}-other`, ip)).toBe(true);
  });

  it('keep each form\'s allowance apart, also for routes of the same name', async () => {
    // Four forms have a "confirm" route: a confirmation on one must not use up another's.
    const limits = { perIp: 1, perEmail: 1 };
    const rooms = createLimiter('test-rooms', limits, { kind: 'postgres', knex: pool(), secret: 'test-secret' });
    const volunteering = createLimiter('test-volunteering', limits, { kind: 'postgres', knex: pool(), secret: 'test-secret' });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    expect(await rooms.allow('confirm', ip)).toBe(true);
    expect(await volunteering.allow('confirm', ip)).toBe(true);
    expect(await rooms.allow('confirm', ip)).toBe(false);
  });

  it('keep no addresses in the database, only hashes of the keys', async () => {
    const rows = await sql(cms().env, `SELECT key FROM ${RATE_LIMIT_TABLE}`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(String(key)).toMatch(/^[a-z0-9-]+:(ip|email):[0-9a-f]{64}$/);
  });
});
