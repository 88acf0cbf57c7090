/**
 * The density curve in Chromium (issue 17): its grid files load only when the section nears the
 * screen; hovering a density, or moving along the curve with the keyboard, shows that density's
 * stack plot; screenshots at desktop (1280 px) and phone (390 px) width land in artifacts/screenshots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, collectErrors, scrollIntoView, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

async function openCurve(width: number): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 900 } });
  collectErrors(page, consoleErrors);
  await page.goto(`${baseUrl}?section=curve`);
  await page.locator('#density-curve rect.hit').first().waitFor({ timeout: 60_000 });
  await scrollIntoView(page.locator('#density-curve'));
  return page;
}

/** The densities of the curve's focusable columns, densest first. */
const columnDensities = (page: Page): Promise<number[]> =>
  page.locator('#density-curve rect.hit[role="button"]').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-density'))));

const plotDensity = async (page: Page): Promise<number> => Number(await page.locator('#curve-plot').getAttribute('data-density'));

describe('the density curve in Chromium', () => {
  it('fetches the grid files only once the reader nears the curve', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    collectErrors(page, consoleErrors);
    const requested: string[] = [];
    page.on('request', (request) => request.url().includes('curve-converged') && requested.push(request.url()));
    await page.goto(baseUrl);
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
    await page.waitForTimeout(500);
    expect(requested).toEqual([]);
    await scrollIntoView(page.locator('#curve'));
    await page.locator('#density-curve rect.hit').first().waitFor({ timeout: 60_000 });
    expect(requested.length).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('hovering a density shows its stack plot, and the arrow keys move along the curve', async () => {
    const page = await openCurve(1280);
    const densities = await columnDensities(page);
    expect(densities.length).toBeGreaterThanOrEqual(7);
    for (const density of [densities[1]!, densities[Math.floor(densities.length / 2)]!, densities.at(-1)!]) {
      await page.locator(`#density-curve rect.hit[role="button"][data-density="${density}"]`).hover();
      await expect.poll(() => plotDensity(page)).toBe(density);
      expect(await page.locator('#curve-readout').textContent()).toContain('the density chosen on the curve');
    }
    const last = densities.at(-1)!;
    await page.locator(`#density-curve rect.hit[role="button"][data-density="${last}"]`).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => plotDensity(page)).toBe(densities.at(-2)!);
    await page.keyboard.press('Home');
    await expect.poll(() => plotDensity(page)).toBe(densities[0]!);
    // The column chosen is named with its numbers and marked current.
    const chosen = page.locator('#density-curve rect.hit[aria-current="true"]');
    expect(await chosen.getAttribute('aria-label')).toMatch(/^1 − S = 1, \d seeds: monosemantic neurons/);
    await page.locator('#curve').screenshot({ path: `${ARTIFACTS}/curve-1280.png` });
    await page.close();
  });

  it('draws a band, a median and a dot per density in every panel, and fits a phone', async () => {
    const page = await openCurve(390);
    const densities = await columnDensities(page);
    const drawn = await page.locator('#density-curve').evaluate((el) => {
      const root = el.shadowRoot!;
      return {
        panels: root.querySelectorAll('g.panel').length,
        dots: root.querySelectorAll('circle.dot').length,
        bands: root.querySelectorAll('path.band').length,
        width: root.querySelector('svg')!.getBoundingClientRect().width,
      };
    });
    expect(drawn.panels).toBe(4);
    expect(drawn.dots).toBe(4 * densities.length);
    expect(drawn.bands).toBe(4);
    expect(drawn.width).toBeLessThanOrEqual(390);
    // A hover redraws in place (keyed joins): the marks drawn before it are the same elements after it.
    const marked = 'path.band, circle.dot, .x.axis .tick, text.panel-title';
    await page.locator('#density-curve').evaluate((el, sel) => {
      for (const node of el.shadowRoot!.querySelectorAll(sel)) node.setAttribute('data-drawn-before', '');
    }, marked);
    await page.locator(`#density-curve rect.hit[role="button"][data-density="${densities[3]}"]`).hover();
    await expect.poll(() => plotDensity(page)).toBe(densities[3]!);
    const kept = await page.locator('#density-curve').evaluate((el, sel) => {
      const nodes = [...el.shadowRoot!.querySelectorAll(sel)];
      return { all: nodes.length, kept: nodes.filter((n) => n.hasAttribute('data-drawn-before')).length };
    }, marked);
    expect(kept.all).toBeGreaterThan(0);
    expect(kept.kept).toBe(kept.all);
    expect(await page.locator('#density-curve').evaluate((el) => el.shadowRoot!.querySelectorAll('line.chosen-rule').length)).toBe(4);
    await page.locator('#curve').screenshot({ path: `${ARTIFACTS}/curve-390.png` });
    await page.close();
  });

  it('marks the live slider on the curve, and between paper levels both figures show the nearest grid model at once', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    collectErrors(page, consoleErrors);
    await page.goto(`${baseUrl}?section=curve&density=0.02`);
    await page.locator('#density-curve rect.hit').first().waitFor({ timeout: 60_000 });
    const densities = await columnDensities(page);
    const nearest = densities.reduce((best, d) => (Math.abs(Math.log(d / 0.02)) < Math.abs(Math.log(best / 0.02)) ? d : best));
    expect(
      await page.locator('#density-curve').evaluate((el) => el.shadowRoot!.querySelector('g.entry[data-entry="slider"] text')?.textContent),
    ).toBe('slider: 0.02');
    expect(await plotDensity(page)).toBe(nearest);
    expect(await page.locator('#curve-readout').textContent()).toContain('the grid density nearest the live slider');
    // The live model starts once the live section is on screen, which under load can come first: while
    // the live figure shows a precomputed model (data-source "shipped"), it must be the grid's.
    const shown = async (): Promise<string> =>
      (await page.locator('#live-figure').getAttribute('data-source')) === 'shipped'
        ? ((await page.locator('#live figcaption').first().textContent()) ?? '')
        : 'the live model is training';
    await expect.poll(shown).toMatch(/the density curve’s nearest grid level|the live model is training/);
    await page.close();
  });

  it('logged no console errors in any of the above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
