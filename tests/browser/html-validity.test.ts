import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { brokenLinks, readSite, report } from '../support/site-output.ts';
import { sitePaths } from './browser.ts';

const site = inject('site');

/**
 * html-validate's "standard" preset: the HTML specification's content models, attributes and
 * nesting, without its style preferences. The accessibility preset is left to axe, which sees
 * the rendered page.
 */
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

describe('valid HTML', () => {
  it('reports errors in a page made to have them, so a clean result means something', async () => {
    const result = await validator.validateString('<!doctype html><html lang="pl"><head><title>x</title></head><body><ul><div>nie w liście</div></ul><p id="a"></p><p id="a"></p></body></html>');
    const rules = result.results.flatMap((r) => r.messages).filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['element-permitted-content', 'no-dup-id']));
  });

  it('has no validation error on any page of the seed site', { timeout: 300_000 }, async () => {
    const files = sitePaths(site.dir).map((urlPath) => path.join(site.dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath));
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      const result = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const message of result.results.flatMap((r) => r.messages)) {
        if (message.severity === 2) problems.push(`${path.relative(site.dir, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems, report(`HTML errors over ${files.length} pages`, problems)).toEqual([]);
  });
});

describe('links', () => {
  it('has no broken internal link or anchor anywhere in the seed site', () => {
    const output = readSite(site.dir);
    const { broken, checked } = brokenLinks(output, 'https://co.krakow.pl');
    expect(checked).toBeGreaterThan(5_000);
    expect(broken, report('broken internal links', broken)).toEqual([]);
  });
});
