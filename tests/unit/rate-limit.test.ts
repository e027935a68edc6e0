import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../cms/src/public-forms/rate-limit';

describe('rate limits in one instance\'s memory', () => {
  it('count per route and client, and per address once the client is within its limit', async () => {
    const limiter = createLimiter('test-form', { perIp: 2, perEmail: 1 }, { kind: 'memory' });
    expect([await limiter.allow('signUp', '192.0.2.1', 'a@example.org'), await limiter.allow('signUp', '192.0.2.2', 'a@example.org')]).toEqual([true, false]);
    expect([await limiter.allow('signUp', '192.0.2.1'), await limiter.allow('signUp', '192.0.2.1')]).toEqual([true, false]);
    expect(await limiter.allow('confirm', '192.0.2.1')).toBe(true);
  });

  it('refuse a limiter name that could run into another form\'s keys', () => {
    expect(() => createLimiter('Sign:up', { perIp: 1, perEmail: 1 }, { kind: 'memory' })).toThrow(/Rate limiter name "Sign:up"/);
  });
});
