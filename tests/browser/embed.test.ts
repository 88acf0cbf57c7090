/**
 * Embed mode (`?embed=<figure>`, docs/embedding.md) in Chromium: each embeddable figure loads
 * standalone at 320 and 1280 px with no console error and no horizontal overflow, shows its
 * figure with its caption and nothing else of the article, and links back to the full article
 * (the same URL without `embed`). An unknown figure gives the full article with a notice. The
 * computation figure and the stack plot draw the model the link names, and their data attributes
 * say which; the stack plot's columns are the shipped file's own neurons.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { plotOf } from '../../src/article/figures/view-parts';
import { analyseFile } from '../../src/article/shipped/shipped-models';
import { forward } from '../../src/model/network';
import { parseWeightsFile } from '../../src/model/weights-file';
import type { StackPlotData } from '../../src/viz/core/types';
import { ARTIFACTS, collectErrors, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** What shows that each figure has drawn. */
const DRAWN: Record<string, string> = {
  sweep: '#sweep-figure neuron-stack-plot',
  curve: 'figure.curve-figure density-curve',
  live: '#live-plot',
  motif: '#motif-plot',
  computation: 'computation-figure [data-neuron]',
  stack: '#stack-plot',
};

/** Opens `query` at `width` px and waits for `drawn`; console errors go to `errors`. */
async function open(query: string, width: number, drawn: string, errors: string[]): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 800 } });
  collectErrors(page, errors);
  await page.goto(`${baseUrl}${query}`);
  await page.locator(drawn).first().waitFor({ timeout: 60_000 });
  return page;
}

/** How far the page's content reaches past the viewport's right edge, px (0 or less: nothing sticks out). */
const overflowOf = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A shipped sweep's level, as the page analyses and plots it. */
function shippedPlot(name: string, density: number): StackPlotData {
  const file = analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/weights/${name}`, 'utf8'))));
  const model = file.models.find((m) => m.density === density);
  if (!model) throw new Error(`${name} has no level at ${density}`);
  return plotOf(model.analysis);
}

describe('embed mode', () => {
  for (const figure of Object.keys(DRAWN)) {
    for (const width of [320, 1280]) {
      it(`?embed=${figure} at ${width} px: the figure alone, its caption, the link back`, async () => {
        const page = await browser().newPage({ viewport: { width, height: 800 } });
        const errors = collectErrors(page);
        await page.goto(`${baseUrl}?embed=${figure}&density=0.1`);
        await page.locator(DRAWN[figure]!).first().waitFor({ timeout: 60_000 });
        const shown = page.locator('.embed-figure');
        expect(await shown.count()).toBe(1);
        expect(await shown.isVisible()).toBe(true);
        expect(await shown.locator('figcaption').first().isVisible()).toBe(true);
        // No page chrome: no section heading, no skip link, no table of contents, no other section.
        expect(await page.locator('h2:visible').count()).toBe(0);
        expect(await page.locator('.skip-link').count()).toBe(0);
        expect(await page.locator('[data-section]').count()).toBe(1);
        const link = page.getByRole('link', { name: 'open the full article' });
        const back = new URL((await link.getAttribute('href'))!, page.url());
        expect(back.pathname).toBe(new URL(page.url()).pathname);
        expect(back.searchParams.has('embed')).toBe(false);
        expect(back.searchParams.get('density')).toBe('0.1');
        expect(await link.getAttribute('target')).toBe('_top');
        expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
        expect(await overflowOf(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${ARTIFACTS}/embed-${figure}-${width}.png`, fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  for (const width of [320, 1280]) {
    it(`?embed=computation at ${width} px: the model and input the link names, said on the figure`, async () => {
      const errors: string[] = [];
      const query = '?embed=computation&computation-model=converged:0.03:1&input=2:0.5,9:-0.75';
      const page = await open(query, width, DRAWN['computation']!, errors);
      const figure = page.locator('.embed-figure computation-figure');
      expect(await figure.getAttribute('data-figure')).toBe('computation');
      expect(await figure.getAttribute('data-budget')).toBe('converged');
      expect(await figure.getAttribute('data-seed')).toBe('1');
      expect(await figure.getAttribute('data-density')).toBe('0.03');
      // The picker names the model drawn, and is the only control beside the figure.
      expect(await page.locator('#computation-model-select').inputValue()).toBe('converged:0.03:1');
      // Every output it draws is the shipped model's on the link's input (a float64 forward pass here).
      const file = parseWeightsFile(JSON.parse(readFileSync('public/weights/sweep-converged-seed1.json', 'utf8')));
      const x = new Float64Array(file.config.n);
      x[2] = 0.5;
      x[9] = -0.75;
      const expected = forward(file.instances.find((i) => i.density === 0.03)!, x).output;
      const outputs = await figure.evaluate((el) =>
        [...(el.shadowRoot?.querySelectorAll('[data-output]') ?? [])].map((g) => [
          Number(g.getAttribute('data-feature')),
          Number(g.getAttribute('data-output')),
        ]),
      );
      // A phone shows the outputs of the features set and a few others; a wide screen shows every one.
      expect(outputs.map(([feature]) => feature)).toEqual(expect.arrayContaining([2, 9]));
      if (width === 1280) expect(outputs.length).toBe(file.config.n);
      for (const [feature, output] of outputs) expect(output).toBeCloseTo(expected[feature!]!, 4);
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS}/embed-computation-model-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`?embed=stack at ${width} px: the shipped model budget, sweep-seed and density pick, its own neurons`, async () => {
      const errors: string[] = [];
      const page = await open('?embed=stack&budget=converged&sweep-seed=2&density=0.01', width, '#stack-plot g.column', errors);
      const plot = page.locator('.embed-figure #stack-plot');
      expect(await plot.getAttribute('data-figure')).toBe('stack');
      expect(await plot.getAttribute('data-budget')).toBe('converged');
      expect(await plot.getAttribute('data-seed')).toBe('2');
      expect(await plot.getAttribute('data-density')).toBe('0.01');
      const expected = shippedPlot('sweep-converged-seed2.json', 0.01);
      const drawn = await plot.evaluate((el) => (el as HTMLElement & { data: StackPlotData }).data.neurons);
      expect(drawn.map((n) => [n.neuron, n.weights.map((w) => [w.feature, w.inWeight])])).toEqual(
        expected.neurons.map((n) => [n.neuron, n.weights.map((w) => [w.feature, w.inWeight])]),
      );
      // The columns on screen, left to right, are those neurons.
      const columns = await plot.evaluate((el) =>
        [...(el.shadowRoot?.querySelectorAll('g.column') ?? [])]
          .map((g) => ({ x: g.getBoundingClientRect().x, neuron: Number(g.getAttribute('data-neuron')) }))
          .sort((a, b) => a.x - b.x)
          .map((c) => c.neuron),
      );
      expect(columns).toEqual(expected.neurons.map((n) => n.neuron));
      expect(await page.locator('.embed-figure figcaption').textContent()).toMatch(
        /The model at 1 − S = 0\.01 from the shipped converged models \(seed 2\): \d+ of 40 neurons monosemantic/,
      );
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTIFACTS}/embed-stack-model-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('?embed=stack between levels and on the replication budget: the nearest level, and the caption says so', async () => {
    const errors: string[] = [];
    const page = await open('?embed=stack&budget=replication&density=0.05', 1280, '#stack-plot g.column', errors);
    const plot = page.locator('#stack-plot');
    expect(await plot.getAttribute('data-budget')).toBe('replication');
    expect(await plot.getAttribute('data-density')).toBe('0.03');
    expect(await page.locator('figcaption').textContent()).toMatch(
      /No shipped level at 1 − S = 0\.05; this is the nearest, 1 − S = 0\.03\./,
    );
    const expected = shippedPlot('sweep.json', 0.03);
    const drawn = await plot.evaluate((el) => (el as HTMLElement & { data: StackPlotData }).data.neurons.map((n) => n.neuron));
    expect(drawn).toEqual(expected.neurons.map((n) => n.neuron));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a hostile figure name: the full article, with the notice as text', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}?embed=${encodeURIComponent('<img src=x onerror=f()>')}`);
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
    expect(await page.locator('article-notices img').count()).toBe(0);
    expect(await page.locator('article-notices').textContent()).toContain('There is no figure "<img src=x onerror=f()>" to embed');
    await page.close();
  });

  it('an unknown figure: the full article, with a notice naming the figures', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}?embed=nope`);
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
    expect(await page.locator('[data-section]').count()).toBeGreaterThan(5);
    expect(await page.locator('article-notices').textContent()).toMatch(
      /There is no figure "nope" to embed \(one of sweep, curve, live, motif, computation, stack\)/,
    );
    await page.close();
  });
});
