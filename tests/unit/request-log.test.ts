import { describe, expect, it } from 'vitest';
import requestLog from '../../cms/src/middlewares/request-log';

const logged = async (method: string, url: string): Promise<string[]> => {
  const lines: string[] = [];
  const strapi = { log: { http: (line: string) => lines.push(line) } } as unknown as Parameters<typeof requestLog>[1]['strapi'];
  const [path] = url.split('?');
  await requestLog({}, { strapi })({ method, url, path: path!, status: 200 }, async () => {});
  return lines;
};

describe('the request log', () => {
  it('leaves the token of a mailed link out, whatever the case of the path', async () => {
    expect(await logged('GET', '/api/signups/confirm?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toEqual([expect.stringMatching(/^GET \/api\/signups\/confirm \(\d+ ms\) 200$/)]);
    expect((await logged('GET', '/API/Signups/cancel?token=secret'))[0]).not.toContain('secret');
    expect(await logged('GET', '/api/room-requests/withdraw?token=sekret')).toEqual([expect.stringMatching(/^GET \/api\/room-requests\/withdraw \(\d+ ms\) 200$/)]);
  });

  it('keeps the query of other requests, as Strapi logs them', async () => {
    expect((await logged('GET', '/api/events?populate=*'))[0]).toMatch(/^GET \/api\/events\?populate=\* \(\d+ ms\) 200$/);
  });
});
