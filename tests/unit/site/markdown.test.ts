import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { imageUrls, linkUrls, plainText, readingMinutes, renderMarkdown } from '../../../site/src/lib/markdown';

interface Element {
  name: string;
  attribs: Record<string, string>;
}

/** Parses the output independently of the sanitizer, the way a browser tokenizes tags. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const parser = new Parser({ onopentag: (name, attribs) => found.push({ name, attribs }) }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return found;
}

const SAFE_TAGS = new Set(['p', 'br', 'hr', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'del', 's', 'sup', 'sub', 'code', 'pre', 'blockquote', 'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'abbr']);
const URL_ATTRIBUTES = new Set(['href', 'src']);

/** Everything that would let content run script, load foreign documents or restyle the page. */
function problems(html: string): string[] {
  const found: string[] = [];
  for (const { name, attribs } of elements(html)) {
    if (!SAFE_TAGS.has(name)) found.push(`<${name}>`);
    for (const [attribute, value] of Object.entries(attribs)) {
      if (attribute.startsWith('on') || ['style', 'srcdoc', 'formaction', 'srcset', 'xlink:href', 'action'].includes(attribute)) found.push(`${name}[${attribute}]`);
      if (URL_ATTRIBUTES.has(attribute)) {
        const url = value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
        if (!/^(https?:|mailto:|tel:|\/(?!\/)|#|[a-z0-9._~-]+(\/|$))/.test(url) || url.startsWith('//')) found.push(`${name}[${attribute}=${value}]`);
      }
    }
  }
  return found;
}

// Classic and Markdown-specific XSS vectors (OWASP cheat sheet, marked and sanitizer bug reports).
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<img src=JaVaScRiPt:alert(1)>',
  '<img src="jav&#x09;ascript:alert(1)">',
  '<img src="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">',
  '<img """><script>alert(1)</script>">',
  '<img src=/ onerror="alert(1)">',
  '<img srcset="javascript:alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JAVASCRIPT:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="&#14;javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.example">x</a>',
  '<a href="https://example.org" onclick="alert(1)">x</a>',
  '<a href="https://example.org" onmouseover=alert(1)>x</a>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<style>@import "javascript:alert(1)";</style>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<td background="javascript:alert(1)">x</td>',
  '<h2 onclick=alert(1)>Nagłówek</h2>',
  '<p style="position:fixed;top:0">przykrywa stronę</p>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](  javascript:alert(1)  )',
  '[x](<javascript:alert(1)>)',
  '[x](vbscript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x" onerror="alert(1)](https://example.org/a.png)',
  '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
  '<javascript:alert(1)>',
  '[ref]: javascript:alert(1)\n\n[x][ref]',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<a href="https://example.org"><img src=x onerror=alert(1)></a>',
  '<x onclick=alert(1)>klik</x>',
  '<img src="x` `<script>alert(1)</script>"` `>',
];

describe('Markdown sanitizing', () => {
  it('has a corpus of at least 50 attack vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(VECTORS.map((v) => [v]))('neutralises %s', (vector) => {
    const { html } = renderMarkdown(`Tekst przed.\n\n${vector}\n\nTekst po.`);
    expect(problems(html)).toEqual([]);
    expect(html).toContain('Tekst przed.');
    // Text is escaped, so a literal "<script" could only be a real tag.
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps the text around a removed element', () => {
    const { html } = renderMarkdown('Przed <script>alert(1)</script> po <iframe src="https://evil.example"></iframe> koniec.');
    expect(html).toBe('<p>Przed  po  koniec.</p>\n');
  });

  it('keeps ordinary formatting, tables, lists and safe links', () => {
    const { html } = renderMarkdown('Zobacz **ważne** i _pochylone_.\n\n| Termin | Co |\n| --- | --- |\n| 31 marca | sprawozdanie |\n\n1. jeden\n2. dwa\n\n> cytat\n\n[KRS](https://ekrs.ms.gov.pl) [napisz](mailto:biuro@co.example.pl) [zadzwoń](tel:+48123456700) [strona](/baza-wiedzy/)');
    expect(html).toContain('<strong>ważne</strong>');
    expect(html).toContain('<table>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('href="mailto:biuro@co.example.pl"');
    expect(html).toContain('href="tel:+48123456700"');
    expect(html).toContain('<a href="/baza-wiedzy/">strona</a>');
  });

  it('marks links to other sites as external', () => {
    const { html } = renderMarkdown('[KRS](https://ekrs.ms.gov.pl) [my](https://co.krakow.pl/kontakt/)', { siteUrl: 'https://co.krakow.pl' });
    expect(html).toContain('<a href="https://ekrs.ms.gov.pl" class="external" rel="noopener noreferrer external">KRS</a>');
    expect(html).toContain('<a href="https://co.krakow.pl/kontakt/">my</a>');
  });
});

describe('headings', () => {
  it('get readable, unique Polish ids and form a table of contents', () => {
    const { html, headings } = renderMarkdown('# Tytuł w treści\n\n## Jak założyć fundację?\n\n### Krok 1: statut\n\n## Jak założyć fundację?\n\n#### Szczegół');
    expect(headings).toEqual([
      { depth: 2, text: 'Tytuł w treści', id: 'tytul-w-tresci' },
      { depth: 2, text: 'Jak założyć fundację?', id: 'jak-zalozyc-fundacje' },
      { depth: 3, text: 'Krok 1: statut', id: 'krok-1-statut' },
      { depth: 2, text: 'Jak założyć fundację?', id: 'jak-zalozyc-fundacje-2' },
      { depth: 3, text: 'Szczegół', id: 'szczegol' },
    ]);
    expect(html).toContain('<h2 id="jak-zalozyc-fundacje">');
    expect(html).toContain('<h3 id="krok-1-statut">');
    // #### straight after ## would skip h3: it becomes an h3 that keeps an h4's size.
    expect(html).toContain('<h3 id="szczegol" class="size-h4">');
    expect(html).not.toContain('<h1');
  });

  /** The heading levels of an HTML text, in order, with the size class where there is one. */
  const levels = (html: string) => elements(html).filter((e) => /^h\d$/.test(e.name)).map((e) => e.name + (e.attribs.class ? `.${e.attribs.class}` : ''));

  it('never skip a level, whatever levels the editor typed, and keep the typed size', () => {
    // An event description written with ### only: h2s under the page's h1, looking like h3s.
    expect(levels(renderMarkdown('### Program\n\ntekst\n\n### Dla kogo\n\ntekst').html)).toEqual(['h2.size-h3', 'h2.size-h3']);
    expect(levels(renderMarkdown('### A\n\n##### B\n\n#### C\n\n### D\n\n## E\n\n### F').html)).toEqual(['h2.size-h3', 'h3.size-h4', 'h3.size-h4', 'h2.size-h3', 'h2', 'h3']);
    // Deeper than h4 stays at h4, and "#" counts as "##".
    expect(levels(renderMarkdown('# A\n\n## B\n\n### C\n\n#### D\n\n###### E').html)).toEqual(['h2', 'h2', 'h3', 'h4', 'h4']);
    // Headings typed as HTML are levelled like Markdown ones, and an editor's class does not stay.
    expect(levels(renderMarkdown('## A\n\n<h4 class="size-h2">B</h4>\n\n<h1>C</h1>').html)).toEqual(['h2', 'h3.size-h4', 'h2']);
  });

  it('start one level lower in a section that has its own h2', () => {
    const { html, headings } = renderMarkdown('## Jak zgłosić\n\n### Formularz\n\n#### Załączniki', { headingLevel: 3 });
    expect(levels(html)).toEqual(['h3.size-h2', 'h4.size-h3', 'h4']);
    expect(headings).toEqual([{ depth: 3, text: 'Jak zgłosić', id: 'jak-zglosic' }]);
  });

  it('keep inline formatting but not markup in their text', () => {
    const { headings } = renderMarkdown('## Co z **RODO** <img src=x onerror=alert(1)>?');
    expect(headings[0]).toEqual({ depth: 2, text: 'Co z RODO ?', id: 'co-z-rodo' });
  });
});

describe('images', () => {
  it('are rewritten to the site’s own copies, lazy-loaded and never without alt', () => {
    const local = new Map([['/uploads/sala_1.jpg', '/media/sala-1.jpg']]);
    const { html } = renderMarkdown('![Sala konferencyjna](/uploads/sala_1.jpg)\n\n<img src="/uploads/sala_1.jpg">', { resolveAsset: (url) => local.get(url) });
    expect(html).toContain('<img src="/media/sala-1.jpg" alt="Sala konferencyjna" loading="lazy" decoding="async" />');
    expect(html).toContain('<img src="/media/sala-1.jpg" alt="" loading="lazy" decoding="async" />');
  });

  it('stop the build when the resolver refuses one', () => {
    expect(() => renderMarkdown('![x](http://127.0.0.1:1337/uploads/brak.png)', { resolveAsset: (url) => { throw new Error(`not copied: ${url}`); } })).toThrow(/not copied/);
  });

  it('are all listed before rendering, from Markdown and inline HTML', () => {
    expect(imageUrls('![a](/uploads/a.png)\n\ntekst <img src="/uploads/b.png" alt="b"> i [link](/x)')).toEqual(['/uploads/a.png', '/uploads/b.png']);
  });
});

describe('reading time', () => {
  it('counts about 200 words a minute, at least one', () => {
    expect(readingMinutes('krótko')).toBe(1);
    expect(readingMinutes(Array.from({ length: 1000 }, () => 'słowo').join(' '))).toBe(5);
  });
});

describe('images with a known size', () => {
  it('get width and height, so the page does not jump while they load', () => {
    const { html } = renderMarkdown('![Plan sali](/uploads/plan.png)', { resolveAsset: () => ({ src: '/_astro/plan.webp', width: 900, height: 600 }) });
    expect(html).toContain('<img src="/_astro/plan.webp" alt="Plan sali" width="900" height="600" loading="lazy" decoding="async" />');
  });
});

describe('plain text of a Markdown field', () => {
  it('drops markup, keeps words apart and does not double-escape', () => {
    expect(plainText('## Zapisy\n\nPrzyjdź **we wtorek** & <b>zabierz</b> laptop.\n\n- jeden\n- dwa')).toBe('Zapisy Przyjdź we wtorek & zabierz laptop. jeden dwa');
  });

  it('shortens at a word boundary with an ellipsis', () => {
    const text = plainText('Centrum Obywatelskie zaprasza organizacje pozarządowe na bezpłatne szkolenie.', 40);
    expect(text).toBe('Centrum Obywatelskie zaprasza…');
    expect(text.length).toBeLessThanOrEqual(40);
  });

  it('never lets a script through', () => {
    expect(plainText('<script>alert(1)</script>Tekst')).toBe('Tekst');
  });
});

describe('images the build has no copy of', () => {
  it('are left out rather than pointing elsewhere or nowhere', () => {
    const { html } = renderMarkdown('Tekst ![x](x) <img src=x onerror=alert(1)> koniec', { resolveAsset: () => null });
    expect(html).not.toContain('<img');
    expect(html).toContain('Tekst');
    expect(html).toContain('koniec');
  });
});

describe('links to CMS files', () => {
  it('are all listed, from Markdown and inline HTML', () => {
    expect(linkUrls('[a](/uploads/a.pdf) i <a href="/uploads/b.docx">b</a> oraz [c](https://example.org)')).toEqual(['/uploads/a.pdf', '/uploads/b.docx', 'https://example.org']);
  });

  it('point at the site’s own copy when the resolver has one', () => {
    const { html } = renderMarkdown('[wzór](/uploads/wzor.pdf) i [inny](https://example.org)', { resolveLink: (href) => (href === '/uploads/wzor.pdf' ? '/pliki/abc/wzor.pdf' : undefined), siteUrl: 'https://co.krakow.pl' });
    expect(html).toContain('<a href="/pliki/abc/wzor.pdf">wzór</a>');
    expect(html).toContain('<a href="https://example.org" class="external"');
  });
});
