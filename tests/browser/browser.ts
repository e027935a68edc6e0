import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { allFiles, urlPathOf } from '../support/site-output.ts';

/** Debian's Chromium, never a downloaded one; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run that talks to no host but the test server. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** Every HTML page of a built site as a site path ("/", "/wydarzenia/", "/404.html"). */
export function sitePaths(dir: string): string[] {
  return allFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => urlPathOf(path.relative(dir, file)))
    .sort();
}
