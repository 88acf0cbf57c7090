/**
 * One shipped file that never answers (motif.json, routed to hang): the sweep and the density curve
 * still draw, the motif section says which file failed once its silence limit passes and offers a
 * Retry that loads it, and a live permalink that needs no shipped file trains.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { liveStatus } from '../../build/site';
import { SILENCE_LIMIT_MS } from '../../src/article/shipped/fetch-weights';
import { collectErrors, scrollIntoView, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** Opens `query` with motif.json hanging until `release` is called (then it is served as usual). */
async function openStalled(query: string): Promise<{ page: Page; errors: string[]; release: () => void }> {
  const page = await browser().newPage({ viewport: { width: 1200, height: 900 } });
  const errors = collectErrors(page);
  let stalled = true;
  const hanging: Route[] = [];
  await page.route('**/weights/motif.json', (route) => {
    if (stalled) hanging.push(route);
    else void route.continue();
  });
  await page.goto(`${baseUrl}${query}`);
  return { page, errors, release: () => (stalled = false) };
}

describe('a shipped file that never answers', () => {
  it('holds back neither the sweep nor the curve; the motif section names it and Retry loads it', { timeout: 180_000 }, async () => {
    const { page, errors, release } = await openStalled('');
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor({ timeout: 60_000 });
    await scrollIntoView(page.locator('#curve'));
    await page.locator('#density-curve rect.hit').first().waitFor({ timeout: 90_000 });
    const motif = page.locator('#motif');
    await scrollIntoView(motif);
    const failure = motif.locator('.notice.error');
    await failure.waitFor({ timeout: SILENCE_LIMIT_MS + 60_000 });
    expect(await failure.textContent()).toMatch(/weights\/motif\.json sent nothing for 15 s/);
    expect(await page.locator('#motif-plot').count()).toBe(0);
    release();
    await failure.getByRole('button', { name: 'Retry' }).click();
    await page.locator('#motif-plot').waitFor({ timeout: 60_000 });
    expect(await motif.locator('.notice.error').count()).toBe(0);
    expect(errors.filter((e) => !/motif\.json/.test(e))).toEqual([]);
    await page.close();
  });

  it('a live permalink that needs no shipped file trains', { timeout: 180_000 }, async () => {
    const { page, errors } = await openStalled('?section=live&density=0.1&steps=300');
    await scrollIntoView(page.locator('#live'));
    await expect.poll(async () => (await liveStatus(page)).step, { timeout: 120_000 }).toBeGreaterThan(0);
    expect(errors.filter((e) => !/motif\.json/.test(e))).toEqual([]);
    await page.close();
  });
});
