/**
 * Launching Chromium for a test file (screenshots go to artifacts/), and collecting console errors.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../build/site';

export const ARTIFACTS = 'artifacts/screenshots';

/**
 * One Chromium for the calling test file: launched before its tests, closed after them. Call the
 * returned function inside a test to get it.
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/**
 * Every console error and uncaught exception on the page, appended to `errors` as they happen
 * (returned too), for a "no console errors" check.
 */
export function collectErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Scrolls `locator` into view and waits two frames. Sections use `content-visibility: auto`, so
 * until the frame after the scroll their content is skipped by hit testing: a pointer event sent at
 * once would miss it, which a reader (slower than one frame) never sees.
 */
export async function scrollIntoView(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator.page().evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Scrolls `locator` into view and returns its box once it has held still for 200 ms. Figures above
 * it finish loading while a test starts (the sweep, the density curve), and a drag aimed at a box
 * measured before they settle lands beside the control.
 */
export async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = '';
  for (let attempt = 0; attempt < 100; attempt++) {
    await scrollIntoView(locator);
    const box = await locator.boundingBox();
    const key = JSON.stringify(box);
    if (box && key === previous) return box;
    previous = key;
    await locator.page().waitForTimeout(200);
  }
  throw new Error('the element kept moving for 20 s');
}
