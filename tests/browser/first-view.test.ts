/**
 * The first view (issue 24): the computation figure, the article's first, draws its default model
 * from its own small file while every converged sweep file is held back; a permalink to another
 * converged model shows a loading sentence and no figure until that model's file is there, then
 * exactly that model; when the small file fails, the default model still draws from its seed's
 * converged file and no failure stays on the page.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectErrors, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const SWEEP_FILES = '**/weights/sweep*.json';

/** Opens `query` with the sweep files held until `release` is called; `fail` answers 404 for the paths matched. */
async function openHeld(query: string, fail?: string): Promise<{ page: Page; errors: string[]; requested: string[]; release: () => void }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const held: Route[] = [];
  let holding = true;
  await page.route(SWEEP_FILES, (route) => (holding ? held.push(route) : route.continue()));
  if (fail) await page.route(fail, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
  await page.goto(`${baseUrl}${query}`);
  const release = (): void => {
    holding = false;
    for (const route of held.splice(0)) void route.continue();
  };
  return { page, errors, requested, release };
}

const figure = (page: Page) => page.locator('#computation-figure');

describe('the first view', () => {
  it('draws the default computation model from its own file while every sweep file is held back', { timeout: 120_000 }, async () => {
    const { page, errors, requested, release } = await openHeld('');
    await figure(page).locator('[data-neuron]').first().waitFor({ timeout: 60_000 });
    expect(await figure(page).getAttribute('data-density')).toBe('0.01');
    expect(await figure(page).getAttribute('data-seed')).toBe('0');
    expect(requested).toContain('/weights/computation-default.json');
    expect(requested).not.toContain('/weights/activation-statistics.json');
    expect(await page.evaluate(() => performance.getEntriesByName('first-figure').length)).toBe(1);
    // Once the figure is drawn the sweep files are asked for; released, Figure 1 draws.
    await expect.poll(() => requested.filter((p) => /sweep-converged-seed\d\.json$/.test(p)).length, { timeout: 30_000 }).toBe(3);
    release();
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#computation-model-select option').count()).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a permalink to another converged model shows a loading sentence, never another model, until its file is there', {
    timeout: 120_000,
  }, async () => {
    const { page, errors, release } = await openHeld('?computation-model=converged:0.1:2&input=1:0.5');
    const section = page.locator('#computation');
    await section.getByText('Loading the converged model at 1 − S = 0.1, seed 2…').waitFor({ timeout: 60_000 });
    // The default model's file has long loaded; still no figure is drawn.
    await page.waitForTimeout(500);
    expect(await figure(page).count()).toBe(0);
    release();
    await figure(page).locator('[data-neuron]').first().waitFor({ timeout: 60_000 });
    expect(await figure(page).getAttribute('data-density')).toBe('0.1');
    expect(await figure(page).getAttribute('data-seed')).toBe('2');
    expect(await page.locator('#computation-model-select').inputValue()).toBe('converged:0.1:2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the small file fails, the default model draws from its seed’s converged file and no failure stays', {
    timeout: 120_000,
  }, async () => {
    const { page, errors, release } = await openHeld('', '**/weights/computation-default.json');
    await page.getByRole('alert').filter({ hasText: 'computation-default.json was not found (HTTP 404)' }).waitFor({ timeout: 60_000 });
    release();
    await figure(page).locator('[data-neuron]').first().waitFor({ timeout: 60_000 });
    expect(await figure(page).getAttribute('data-density')).toBe('0.01');
    expect(await figure(page).getAttribute('data-seed')).toBe('0');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'computation-default.json' }).count(), { timeout: 10_000 }).toBe(0);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await page.close();
  });
});
