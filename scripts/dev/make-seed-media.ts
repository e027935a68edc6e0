/**
 * Creates the demo pictures the seed content refers to (cms/seed/media/images): simple
 * geometric illustrations and initials logos, rendered from SVG with sharp. Run it after adding
 * an image reference to the seed; existing files are kept. The outputs are committed, so seeding
 * never needs this script.
 *
 *   npx tsx scripts/dev/make-seed-media.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { SEED_DIR } from '../lib/paths.ts';

const require = createRequire(import.meta.url);
// sharp comes with Strapi's upload plugin; resolving it from cms/ keeps one copy in the tree.
const sharp = require(require.resolve('sharp', { paths: [path.join(SEED_DIR, '..')] })) as typeof import('sharp').default;

const IMAGES_DIR = path.join(SEED_DIR, 'media', 'images');
const PALETTES = [
  ['#0b4ea2', '#f2c14e', '#e8eef7'],
  ['#1f6f50', '#f4a259', '#e6f2ec'],
  ['#7a2e7c', '#56c3c9', '#f3e9f3'],
  ['#b23a48', '#f7d08a', '#f8ecec'],
  ['#27476e', '#9bc53d', '#e9eef5'],
  ['#8a5a00', '#5aa9e6', '#f6efe2'],
];

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  if (lines.length <= 3) return lines;
  // Cut at three lines and say so, rather than stopping mid-sentence.
  const kept = lines.slice(0, 3);
  kept[2] = `${kept[2]!.replace(/[,:;]?\s*\S*$/, '')}…`;
  return kept;
}

function illustration(name: string, caption: string): string {
  const seed = hash(name);
  const [dark, accent, light] = PALETTES[seed % PALETTES.length]!;
  const shapes: string[] = [];
  for (let i = 0; i < 7; i += 1) {
    const s = hash(`${name}:${i}`);
    const x = s % 960;
    const y = (s >>> 10) % 540;
    const r = 40 + ((s >>> 20) % 140);
    const fill = i % 3 === 0 ? accent : i % 3 === 1 ? dark : '#ffffff';
    shapes.push(i % 2 === 0
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" fill-opacity="0.55"/>`
      : `<rect x="${x - r}" y="${y - r / 2}" width="${r * 2}" height="${r}" rx="18" fill="${fill}" fill-opacity="0.5"/>`);
  }
  const lines = wrap(caption, 34).map((line, i) => `<text x="56" y="${410 + i * 42}" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="#ffffff">${escapeXml(line)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540" viewBox="0 0 960 540">
  <rect width="960" height="540" fill="${light}"/>
  ${shapes.join('\n  ')}
  <rect x="0" y="360" width="960" height="180" fill="${dark}" fill-opacity="0.88"/>
  ${lines.join('\n  ')}
</svg>`;
}

function logo(name: string, label: string): string {
  const [dark, accent] = PALETTES[hash(name) % PALETTES.length]!;
  const initials = label
    .replace(/^Logo\s+/i, '')
    .split(/\s+/)
    .filter((w) => w.length > 2 && /^\p{Lu}/u.test(w))
    .slice(0, 3)
    .map((w) => w[0])
    .join('') || label.slice(0, 2).toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" rx="40" fill="${dark}"/>
  <circle cx="200" cy="56" r="34" fill="${accent}"/>
  <text x="128" y="158" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="${initials.length > 2 ? 70 : 92}" font-weight="bold" fill="#ffffff">${escapeXml(initials)}</text>
</svg>`;
}

/** Every `{ file, alt }` image reference in the seed JSON and Markdown front matter. */
function referencedImages(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /"?file"?\s*:\s*"?([\w.-]+\.(?:jpg|jpeg|png))"?\s*,\s*"?alt"?\s*:\s*"?([^"}\n]+)"?/g;
  const files = [
    ...readdirSync(SEED_DIR).filter((f) => f.endsWith('.json')).map((f) => path.join(SEED_DIR, f)),
    ...['articles', 'guides', 'pages'].flatMap((dir) => readdirSync(path.join(SEED_DIR, dir)).map((f) => path.join(SEED_DIR, dir, f))),
  ];
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) found.set(match[1]!, match[2]!.trim());
  }
  return found;
}

let made = 0;
for (const [file, alt] of referencedImages()) {
  const target = path.join(IMAGES_DIR, file);
  if (existsSync(target)) continue;
  const isLogo = file.startsWith('logo-');
  const svg = Buffer.from(isLogo ? logo(file, alt) : illustration(file, alt));
  const image = sharp(svg);
  await (file.endsWith('.png') ? image.png({ compressionLevel: 9, palette: true }) : image.jpeg({ quality: 68, mozjpeg: true })).toFile(target);
  made += 1;
  console.log(`made ${path.relative(SEED_DIR, target)}`);
}
console.log(`${made} new image(s).`);
