import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { formatNuMessage, isNuError, nuCheck } from '../support/nu-checker.ts';
import { brokenLinks, readSite, report } from '../support/site-output.ts';
import { sitePaths } from './browser.ts';

const site = inject('site');

/**
 * html-validate's "standard" preset: the HTML specification's content models, attributes and
 * nesting, without its style preferences. The accessibility preset is left to axe, which sees
 * the rendered page.
 */
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

/** Every HTML file of the built site. */
const pageFiles = () => sitePaths(site.dir).map((urlPath) => path.join(site.dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath));

describe('valid HTML', () => {
  it('reports errors in a page made to have them, so a clean result means something', async () => {
    const result = await validator.validateString('<!doctype html><html lang="pl"><head><title>x</title></head><body><ul><div>nie w liście</div></ul><p id="a"></p><p id="a"></p></body></html>');
    const rules = result.results.flatMap((r) => r.messages).filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['element-permitted-content', 'no-dup-id']));
  });

  it('has no validation error on any page of the seed site', { timeout: 300_000 }, async () => {
    const files = pageFiles();
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

/**
 * The W3C Nu Html Checker, which html-validate does not replace: it also checks the heading
 * outline, table structure and ARIA against the specification. All pages go to one Java run.
 */
describe('valid HTML (W3C Nu checker)', () => {
  it('reports errors in a page made to have them, so a clean result means something', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'co-nu-'));
    try {
      const file = path.join(dir, 'zla-strona.html');
      writeFileSync(file, '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Zła strona</title></head><body><main><h1>Tytuł</h1><h3>Pominięty poziom</h3><p id="a">a</p><p id="a">b</p><img src="x.png"></main></body></html>');
      const { messages, checked } = await nuCheck([file]);
      expect(checked).toEqual([file]);
      const errors = messages.filter(isNuError).map((m) => m.message);
      expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/heading “h3”.*skipping 1 heading level/), 'Duplicate ID “a”.', expect.stringMatching(/“img” element must have an “alt” attribute/)]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no error on any page of the seed site', { timeout: 300_000 }, async () => {
    const files = pageFiles();
    expect(files.length).toBeGreaterThan(100);
    const { messages, checked, milliseconds } = await nuCheck(files);
    const seen = new Set(checked);
    const unchecked = files.filter((file) => !seen.has(file)).map((file) => path.relative(site.dir, file));
    const errors = messages.filter(isNuError).map((m) => formatNuMessage(site.dir, m));
    const warnings = messages.filter((m) => !isNuError(m)).map((m) => formatNuMessage(site.dir, m));
    console.log(`Nu checker: ${files.length} pages in ${(milliseconds / 1000).toFixed(1)} s, ${errors.length} errors, ${warnings.length} warnings`);
    if (warnings.length > 0) console.warn(report(`Nu checker warnings over ${files.length} pages`, warnings));
    expect(unchecked, report(`pages the Nu checker was given but did not check`, unchecked)).toEqual([]);
    expect(errors, report(`Nu checker errors over ${files.length} pages`, errors)).toEqual([]);
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
