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
