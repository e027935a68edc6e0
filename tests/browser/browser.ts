import { chromium, type Browser } from 'playwright-core';
import { assertChromium, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { htmlPages } from '../../scripts/lib/page-weight.ts';

export function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** Every HTML page of a built site as a site path, sorted. */
export const sitePaths = (dir: string): string[] => htmlPages(dir).sort();
