import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../scripts/lib/paths.ts';

// The sample nginx servers as an admin would install them, checked by the nginx CI installs (Debian's).
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const hasNginx = spawnSync(NGINX, ['-v']).status === 0;
if (!hasNginx && process.env.CI) throw new Error('nginx is not installed: .ci/run installs Debian\'s nginx.');
const dir = mkdtempSync(path.join(tmpdir(), 'co-nginx-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deploy file with the machine-specific parts swapped: the checkout for /srv/centrum, no certificates (none exist here). */
const installed = (file: string): string =>
  readFileSync(path.join(ROOT_DIR, 'scripts', 'deploy', file), 'utf8')
    .replaceAll('/srv/centrum', ROOT_DIR)
    .replace(/^\s*ssl_certificate(_key)?\s.*$/gm, '')
    .replace(/listen 443 ssl http2;/g, 'listen 127.0.0.1:18443 http2;')
    .replace(/listen 80;/g, 'listen 127.0.0.1:18080;');

describe.skipIf(!hasNginx)('the sample nginx configuration', () => {
  it('is accepted by nginx: the site, the CMS instances and their proxy settings', () => {
    writeFileSync(path.join(dir, 'site.conf'), installed('nginx.conf'));
    writeFileSync(path.join(dir, 'cms.conf'), installed('nginx-cms.conf'));
    writeFileSync(path.join(dir, 'main.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  include ${dir}/site.conf;\n  include ${dir}/cms.conf;\n}\n`);
    const result = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'main.conf')], { encoding: 'utf8' });
    expect(result.stderr).toContain('syntax is ok');
    expect(result.status, result.stderr).toBe(0);
  });
});
