import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

/** What one built page costs a visitor on first load, gzipped, in bytes. */
export interface PageWeight {
  /** The HTML plus every stylesheet it links. */
  htmlCss: number;
  /** Every script it loads from the site plus its inline scripts. */
  js: number;
}

const gzipped = (content: string | Buffer): number => gzipSync(content, { level: 9 }).length;

/**
 * Weighs a page of a built site as a first visit would load it: external stylesheets and scripts
 * of the site itself are read from the output folder (a missing one is an error, not a zero);
 * other hosts are not counted because the site has none.
 */
export function pageWeight(siteDir: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const styles: string[] = [];
  const scripts: string[] = [];
  let inline = '';
  let inScript = false;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'link' && /\bstylesheet\b/i.test(attribs.rel ?? '') && attribs.href) styles.push(attribs.href);
      if (name === 'script') {
        if (attribs.src) scripts.push(attribs.src);
        // JSON-LD is data for search engines, not code the browser runs.
        else if (!/json/i.test(attribs.type ?? '')) inScript = true;
      }
    },
    ontext(text) {
      if (inScript) inline += text;
    },
    onclosetag(name) {
      if (name === 'script') inScript = false;
    },
  });
  parser.write(html);
  parser.end();

  const local = (href: string): Buffer => {
    const url = new URL(href, 'http://site.invalid/');
    if (url.host !== 'site.invalid') throw new Error(`${htmlFile} loads ${href} from another host`);
    const file = path.join(siteDir, decodeURIComponent(url.pathname));
    if (!existsSync(file)) throw new Error(`${htmlFile} links ${href}, which is not in the build`);
    return readFileSync(file);
  };
  return {
    htmlCss: gzipped(html) + styles.reduce((sum, href) => sum + gzipped(local(href)), 0),
    js: (inline.trim() ? gzipped(inline) : 0) + scripts.reduce((sum, src) => sum + gzipped(local(src)), 0),
  };
}

/** Site paths of every HTML page in a build ("/", "/wydarzenia/", "/404.html"). */
export function htmlPages(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base)).flatMap((name) => {
    const relative = path.posix.join(base, name);
    if (statSync(path.join(dir, relative)).isDirectory()) return htmlPages(dir, relative);
    if (!name.endsWith('.html')) return [];
    return [name === 'index.html' ? `/${base ? `${base}/` : ''}` : `/${relative}`];
  });
}
