import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlPages, pageWeight } from '../../scripts/lib/page-weight.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'co-weight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
};
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

describe('page weight for the audit', () => {
  const css = 'body{color:#111;font-family:system-ui}'.repeat(20);
  const js = 'document.documentElement.dataset.ready="1";'.repeat(10);
  const inline = 'var s=1;';
  const html = `<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"><script type="application/ld+json">{"@type":"Event"}</script><script>${inline}</script></head><body><script src="/_astro/b.js"></script></body></html>`;
  write('_astro/a.css', css);
  write('_astro/b.js', js);
  write('index.html', html);
  write('wydarzenia/index.html', '<!doctype html><title>x</title>');
  write('404.html', '<!doctype html><title>404</title>');
  write('broken/index.html', '<link rel="stylesheet" href="/_astro/missing.css">');

  it('adds linked stylesheets to the HTML and counts scripts, but not JSON-LD', () => {
    expect(pageWeight(dir, path.join(dir, 'index.html'))).toEqual({ htmlCss: gz(html) + gz(css), js: gz(inline) + gz(js) });
  });

  it('fails on a stylesheet the build does not contain instead of counting it as nothing', () => {
    expect(() => pageWeight(dir, path.join(dir, 'broken/index.html'))).toThrow(/missing\.css, which is not in the build/);
  });

  it('lists every page by the path it is served at', () => {
    expect(htmlPages(dir).sort()).toEqual(['/', '/404.html', '/broken/', '/wydarzenia/']);
  });
});
