/**
 * The figures as a reader follows and saves them (docs/figures.md): a live plot whose columns hold
 * still while the model trains, a timeline that scrubs to any kept snapshot and draws exactly its
 * weights, and downloads that open on their own with a heading and a legend. Screenshots at
 * desktop (1280 px) and phone (390 px) width land in artifacts/screenshots.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForLivePhase } from '../../build/site';
import type { NeuronStackPlot } from '../../src/viz/stack-plot/neuron-stack-plot';
import { ARTIFACTS, collectErrors, scrollIntoView, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

/** `bypassCSP`: for a page that injects axe-core, which the page's Content Security Policy would block. */
async function open(query = '', width = 1280, bypassCSP = false): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 900 }, acceptDownloads: true, bypassCSP });
  collectErrors(page, consoleErrors);
  await page.goto(`${baseUrl}${query}`);
  await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
  return page;
}

/** The live plot's neurons, left to right (by each column's x), and which model it draws. */
function liveColumns(page: Page): Promise<{ source: string; step: string; neurons: number[] }> {
  return page.evaluate(() => {
    const figure = document.querySelector('#live-figure');
    const plot = document.querySelector('#live-plot');
    const columns = Array.from(plot?.shadowRoot?.querySelectorAll('g.column') ?? []).map((g) => ({
      neuron: Number(g.getAttribute('data-neuron')),
      x: Number(/translate\(([-\d.]+)/.exec(g.getAttribute('transform') ?? '')?.[1] ?? Number.NaN),
    }));
    columns.sort((a, b) => a.x - b.x);
    return {
      source: figure?.getAttribute('data-source') ?? '',
      step: figure?.getAttribute('data-step') ?? '',
      neurons: columns.map((c) => c.neuron),
    };
  });
}

describe('the figures in Chromium', () => {
  it('during a live run at 1 − S = 0.03, sampled every 0.5 s, the columns change position at most once; the timeline then scrubs to every kept snapshot and the plot draws its weights', async () => {
    const page = await open('?section=live&density=0.03&steps=1200', 1280, true);
    await scrollIntoView(page.locator('#live'));
    await page.waitForFunction(() => document.querySelector('#live-figure')?.getAttribute('data-source') === 'live', null, {
      timeout: 90_000,
    });
    // A reader focuses the sixth column: it stays marked, with its number, on the same neuron while the model trains.
    const plot = page.locator('#live-plot');
    const followed = (await liveColumns(page)).neurons[5]!;
    await plot.locator(`g.column[data-neuron="${followed}"]`).focus();
    const mark = () =>
      plot.evaluate((element) => {
        const root = element.shadowRoot!;
        return {
          neuron: root.querySelector('rect.column-mark.shown')?.getAttribute('data-neuron') ?? null,
          label: root.querySelector('text.column-label.shown')?.textContent ?? null,
        };
      });
    const samples: { step: string; neurons: number[] }[] = [];
    for (;;) {
      const sample = await liveColumns(page);
      if (sample.source === 'live') samples.push(sample);
      expect(await mark()).toEqual({ neuron: String(followed), label: String(followed) });
      const phase = await page.locator('#live-status').getAttribute('data-phase');
      if (phase !== 'training' && phase !== 'starting') break;
      await page.waitForTimeout(500);
    }
    await waitForLivePhase(page, ['completed']);
    await page.waitForTimeout(500);
    samples.push(await liveColumns(page));
    const changes = samples.filter((s, k) => k > 0 && s.neurons.join() !== samples[k - 1]!.neurons.join()).length;
    expect(new Set(samples.map((s) => s.step)).size).toBeGreaterThan(3);
    expect(changes).toBeLessThanOrEqual(1);
    expect(await mark()).toEqual({ neuron: String(followed), label: String(followed) });
    await page.locator('#live .two-up').screenshot({ path: `${ARTIFACTS}/live-trained-1280.png` });

    // Scrub: Home, then → through every kept snapshot; the plot draws that snapshot's weights.
    const kept = ((await page.locator('#live-figure').getAttribute('data-timeline-steps')) ?? '').split(',').map(Number);
    expect(kept[0]).toBe(0);
    expect(kept.length).toBeGreaterThan(3);
    const range = page.locator('#live-timeline input[type=range]');
    await range.focus();
    await page.keyboard.press('Home');
    for (let k = 0; k < kept.length; k++) {
      if (k > 0) await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('#live-figure').getAttribute('data-step')).toBe(String(kept[k]));
      const mismatch = await page.evaluate((index) => {
        const frame = document.querySelector('superposition-article')!.timelineForTesting('live')![index]!;
        const { n, W1 } = frame.instances[0]!;
        const plot = document.querySelector('#live-plot') as NeuronStackPlot;
        for (const column of plot.data.neurons) {
          const row = W1.subarray(column.neuron * n, (column.neuron + 1) * n);
          const largest = Math.max(...Array.from(row, Math.abs));
          for (const w of column.weights) {
            if (Math.abs(w.inWeight - row[w.feature]! / largest) > 1e-6) return `neuron ${column.neuron} feature ${w.feature}`;
          }
          // Every weight the plot leaves out is under 1 % of the neuron's largest.
          const drawn = new Set(column.weights.map((w) => w.feature));
          for (let i = 0; i < n; i++)
            if (!drawn.has(i) && Math.abs(row[i]!) / largest >= 0.01) return `neuron ${column.neuron} misses feature ${i}`;
        }
        return plot.data.neurons.length === frame.instances[0]!.m ? null : 'column count';
      }, k);
      expect(mismatch).toBeNull();
      if (k === 1) await page.locator('#live .two-up').screenshot({ path: `${ARTIFACTS}/live-timeline-early-1280.png` });
    }
    // Replay plays the run from the start, frame by frame, and ends back on the newest weights.
    await page.locator('#live-timeline').getByRole('button', { name: 'Replay' }).click();
    const replayed: number[] = [];
    for (let k = 0; k < 8; k++) {
      replayed.push(Number(await page.locator('#live-figure').getAttribute('data-step')));
      await page.waitForTimeout(150);
    }
    expect(replayed[0]).toBeLessThan(replayed.at(-1)!);
    expect(replayed.every((step, k) => k === 0 || step >= replayed[k - 1]!)).toBe(true);
    await expect
      .poll(() => page.locator('#live-timeline').getByRole('button', { name: 'Latest' }).isDisabled(), { timeout: 60_000 })
      .toBe(true);
    expect(await page.locator('#live-figure').getAttribute('data-step')).toBe(String(kept.at(-1)));

    // The timeline and the marks pass axe-core.
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Element, options: never) => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const result = await axe.run(document.querySelector('#live')!, { resultTypes: ['violations'] } as never);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // The loss chart marks the step drawn.
    expect(await page.locator('#live-loss').evaluate((chart) => chart.shadowRoot?.querySelector('.marker-label')?.textContent)).toBe(
      `step ${kept.at(-1)!.toLocaleString('en')}`,
    );
    await page.close();
  });

  it('downloads the whole seven-panel sweep as an SVG that opens on its own, with its heading, panels and legend', async () => {
    const page = await open();
    const button = page.getByRole('button', { name: 'Download all panels as SVG' });
    await scrollIntoView(button);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    // The converged sweep trained each level with its own recipe: the file names the budget, not a step.
    expect(download.suggestedFilename()).toBe('sweep_7-levels_shipped_seed-0_converged.svg');
    const text = readFileSync((await download.path())!, 'utf8');
    // Read it as a viewer would, in a page of its own with nothing of the article's.
    const viewer = await browser().newPage();
    const file = await viewer.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = doc.documentElement;
      const labels = Array.from(doc.querySelectorAll('[aria-label]'), (e) => e.getAttribute('aria-label') ?? '');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.localName,
        title: doc.querySelector('svg > title')?.textContent ?? '',
        panels: root.querySelectorAll(':scope > svg').length,
        texts: doc.querySelectorAll('text').length,
        labels,
      };
    }, text);
    expect(file.error).toBeNull();
    expect(file).toMatchObject({
      root: 'svg',
      title: 'Neuron weights across the sparsity sweep, trained to convergence',
      panels: 8,
      texts: 0,
    });
    for (const words of ['1 − S = 1', '1 − S = 0.001', 'feature superposition', '0 (orthogonal)', '40 of 40 neurons monosemantic']) {
      expect(file.labels.some((l) => l.includes(words))).toBe(true);
    }
    expect(file.labels.some((l) => l.startsWith('Shipped weights: a recipe per level (batch 128–16,384, 5,000–40,000 Adam steps'))).toBe(
      true,
    );
    await viewer.setContent(`<body style="margin:0">${text.replace(/^<\?xml[^>]*>/, '')}</body>`);
    await viewer.screenshot({ path: `${ARTIFACTS}/download-sweep-all.png`, fullPage: true });
    await viewer.close();

    // A PNG of the live section's plot, named by what it shows (the shipped model, or the live one once it trains).
    const png = page.getByRole('button', { name: 'Download the live stack plot as PNG' });
    await scrollIntoView(png);
    const [image] = await Promise.all([page.waitForEvent('download'), png.click()]);
    expect(image.suggestedFilename()).toMatch(/^live_1-S-0\.03_(shipped|trained-here)_seed-0_step-\d+(-of-\d+)?\.png$/);
    const bytes = readFileSync((await image.path())!);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    await page.close();
  });

  it('looks right at desktop and phone width (screenshots of every figure)', async () => {
    for (const width of [1280, 390]) {
      const page = await open('?section=sweep', width);
      for (const [name, selector] of [
        ['sweep', '#sweep figure'],
        ['live', '#live .two-up'],
        ['motif-plot', '#motif-plot'],
        ['motif-closeup', '#motif-closeup-0'],
      ] as const) {
        const target = page.locator(selector).first();
        await scrollIntoView(target);
        await target.screenshot({ path: `${ARTIFACTS}/figure-${name}-${width}.png` });
      }
      // Nothing is wider than the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.close();
    }
  });

  it('logged no console errors in any of the above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
