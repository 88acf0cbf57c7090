/**
 * The figures on a small phone and in forced colours (docs/figures.md): at 320 px no label of the
 * density curve, the motif close-up or the stack plots overlaps another or is cut by the viewport,
 * and nothing of theirs sticks out of it (bounding boxes); with Chromium's forced-colours
 * emulation, light and dark, at 390 and 1280 px, axe-core finds no serious or critical violation
 * in any figure. Screenshots land in artifacts/screenshots.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { StackPlotData } from '../../src/viz/core/types';
import { ARTIFACTS, collectErrors, scrollIntoView, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

/** Figures checked: the sweep, the density curve, the intermediate plot, the motif model and its first close-up. */
const FIGURES = ['sweep-figure', 'density-curve', 'intermediate-plot', 'motif-plot', 'motif-closeup-0'];

async function openAt(width: number, options: { colorScheme?: 'light' | 'dark'; forcedColors?: 'active' } = {}): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 900 }, bypassCSP: true, ...options });
  collectErrors(page, consoleErrors);
  await page.goto(baseUrl);
  for (const id of FIGURES) {
    const figure = page.locator(`#${id}`);
    await figure.waitFor({ timeout: 90_000 });
    await scrollIntoView(figure);
  }
  // The curve and the close-up draw once their data has arrived.
  await expect
    .poll(() => page.locator('#density-curve').evaluate((el) => el.shadowRoot?.querySelectorAll('rect.hit').length ?? 0), {
      timeout: 90_000,
    })
    .toBeGreaterThan(0);
  return page;
}

/** Every drawn label of figure `id` (its <text>s with words, in its shadow roots), as viewport boxes. */
function labelBoxes(page: Page, id: string): Promise<{ text: string; left: number; right: number; top: number; bottom: number }[]> {
  return page.locator(`#${id}`).evaluate((host) => {
    const roots = [host.shadowRoot, ...Array.from(host.shadowRoot?.querySelectorAll('*') ?? []).map((e) => e.shadowRoot)].filter(
      (r): r is ShadowRoot => r !== null && r !== undefined,
    );
    return roots.flatMap((root) =>
      Array.from(root.querySelectorAll('svg text'))
        .filter(
          (t) =>
            (t.textContent ?? '').trim() !== '' && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).display !== 'none',
        )
        .map((t) => {
          const box = t.getBoundingClientRect();
          return {
            text: (t.textContent ?? '').trim(),
            left: box.left,
            right: box.right,
            top: box.top + window.scrollY,
            bottom: box.bottom + window.scrollY,
          };
        }),
    );
  });
}

/** The viewport-relative horizontal extent of every <svg> and top-level group of figure `id`. */
function groupExtents(page: Page, id: string): Promise<{ what: string; left: number; right: number }[]> {
  return page.locator(`#${id}`).evaluate((host) => {
    const roots = [host.shadowRoot, ...Array.from(host.shadowRoot?.querySelectorAll('*') ?? []).map((e) => e.shadowRoot)].filter(
      (r): r is ShadowRoot => r !== null && r !== undefined,
    );
    return roots.flatMap((root) =>
      Array.from(root.querySelectorAll('svg, svg > g, svg > g > g'))
        .map((g) => {
          const box = g.getBoundingClientRect();
          return { what: `${g.localName}.${g.getAttribute('class') ?? ''}`, left: box.left, right: box.right, width: box.width };
        })
        .filter((b) => b.width > 0),
    );
  });
}

/** Pairs of labels whose boxes overlap by more than `slack` px each way. */
function overlaps(boxes: readonly { text: string; left: number; right: number; top: number; bottom: number }[], slack = 1): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > slack && y > slack) found.push(`"${a.text}" × "${b.text}"`);
    }
  });
  return found;
}

describe('the figures at 320 px and in forced colours', () => {
  it('at 320 px, no label overlaps another or is cut, and nothing sticks out of the viewport', async () => {
    const page = await openAt(320);
    // The sweep's panels included: they draw at their laid-out width even where Chromium reports no resize (svg-figure.ts).
    for (const id of FIGURES) {
      const labels = await labelBoxes(page, id);
      expect(labels.length, id).toBeGreaterThan(0);
      expect(overlaps(labels), id).toEqual([]);
      expect(
        labels.filter((l) => l.left < -0.5 || l.right > 320.5).map((l) => l.text),
        id,
      ).toEqual([]);
      const groups = await groupExtents(page, id);
      expect(
        groups.filter((g) => g.left < -0.5 || g.right > 320.5).map((g) => g.what),
        id,
      ).toEqual([]);
    }
    await page.locator('#density-curve').screenshot({ path: `${ARTIFACTS}/figure-layout-curve-320.png` });
    await page.locator('#motif-closeup-0').screenshot({ path: `${ARTIFACTS}/figure-layout-motif-320.png` });
    await page.close();
  });

  it('at 320 px the live plot’s note on its clipped y range wraps inside the plot instead of running off it', async () => {
    const page = await browser().newPage({ viewport: { width: 320, height: 900 } });
    collectErrors(page, consoleErrors);
    await page.goto(`${baseUrl}?section=live`);
    const live = page.locator('#live-plot');
    await live.waitFor({ timeout: 90_000 });
    // The live plot's own model, its two tallest stacks made ten times taller, drawn at the live plot's
    // width in the importance order: the range then holds 9 in 10 columns and clips the two, and says so.
    await expect.poll(() => live.evaluate((el) => (el as HTMLElement & { data?: StackPlotData }).data?.neurons.length ?? 0)).toBe(40);
    await page.evaluate(() => {
      type Plot = HTMLElement & { data: StackPlotData };
      const source = document.querySelector<Plot>('#live-plot');
      if (!source) throw new Error('no live plot');
      const height = (n: StackPlotData['neurons'][number]) => n.weights.reduce((sum, w) => sum + Math.abs(w.inWeight), 0);
      const tallest = [...source.data.neurons].sort((a, b) => height(b) - height(a)).slice(0, 2);
      const neurons = source.data.neurons.map((n) =>
        tallest.includes(n) ? { ...n, weights: n.weights.map((w) => ({ ...w, inWeight: w.inWeight * 10 })) } : n,
      );
      const copy = document.createElement('neuron-stack-plot') as unknown as Plot;
      copy.id = 'clipped-live-plot';
      copy.data = { ...source.data, neurons, yMax: undefined, order: 'importance' };
      source.after(copy);
    });
    const clipped = page.locator('#clipped-live-plot');
    await scrollIntoView(clipped);
    await expect
      .poll(() => clipped.evaluate((el) => el.shadowRoot?.querySelectorAll('text.scale-note tspan').length ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const boxes = await labelBoxes(page, 'clipped-live-plot');
    const note = await clipped.evaluate((el) => {
      const text = el.shadowRoot?.querySelector('text.scale-note');
      const svg = el.shadowRoot?.querySelector('svg');
      return { right: text?.getBoundingClientRect().right ?? Number.NaN, svgRight: svg?.getBoundingClientRect().right ?? Number.NaN };
    });
    expect(note.right).toBeLessThanOrEqual(note.svgRight + 0.5);
    expect(boxes.filter((l) => l.left < -0.5 || l.right > 320.5).map((l) => l.text)).toEqual([]);
    expect(overlaps(boxes)).toEqual([]);
    // A clip, not an element screenshot: the live model trains meanwhile and the section never holds still.
    const area = await clipped.boundingBox();
    if (area) await page.screenshot({ path: `${ARTIFACTS}/figure-layout-live-clipped-320.png`, clip: area });
    await page.close();
  });

  it('at 1280 px the page keeps one grid: figures on the column’s axis, downloads in the column, margin notes beside it, the chosen plot beside the curve', async () => {
    const page = await openAt(1280);
    const geometry = await page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect();
      const column = box(document.querySelector('#sweep .prose')!);
      const figures = [...document.querySelectorAll('main > * figure, main figure')].filter((f) => box(f).width > 0);
      return {
        column: { left: column.left, right: column.right },
        figureCentres: figures
          .filter((f) => !f.closest('.two-up, .curve-pair, .recipe-panels'))
          .map((f) => (box(f).left + box(f).right) / 2),
        downloadLefts: [...document.querySelectorAll('figure-download')]
          .filter((d) => box(d).width > 0 && !d.closest('.two-up'))
          .map((d) => box(d).left),
        notes: [...document.querySelectorAll('.margin-note')].map((n) => ({ left: box(n).left, right: box(n).right })),
        curve: box(document.querySelector('#density-curve')!).right,
        plot: box(document.querySelector('#curve-plot')!).left,
      };
    });
    const centre = (geometry.column.left + geometry.column.right) / 2;
    for (const c of geometry.figureCentres) expect(Math.abs(c - centre)).toBeLessThan(1);
    // No download row starts at the page's left edge while the prose is centred: under a page-wide figure it starts in the column.
    expect(geometry.downloadLefts.length).toBeGreaterThan(0);
    for (const left of geometry.downloadLefts) expect(left).toBeGreaterThanOrEqual(geometry.column.left - 1);
    expect(geometry.notes.length).toBeGreaterThanOrEqual(3);
    for (const note of geometry.notes) {
      expect(note.left).toBeGreaterThan(geometry.column.right);
      expect(note.right).toBeLessThanOrEqual(1280);
    }
    expect(geometry.plot).toBeGreaterThan(geometry.curve);
    await page.close();
  });

  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`in forced colours (${colorScheme}, ${width} px), axe finds no serious or critical violation in the figures`, async () => {
        const page = await openAt(width, { colorScheme, forcedColors: 'active' });
        const require = createRequire(import.meta.url);
        await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
        const violations = await page.evaluate(async (ids) => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  context: unknown,
                  options: never,
                ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
              };
            }
          ).axe;
          const include = ids.filter((id) => document.getElementById(id)).map((id) => `#${id}`);
          const result = await axe.run({ include }, { resultTypes: ['violations'] } as never);
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
          }));
        }, FIGURES);
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
        await page.locator('#density-curve').screenshot({ path: `${ARTIFACTS}/figure-forced-${colorScheme}-${width}.png` });
        await page.close();
      });
    }
  }

  it('logged no console errors in any of the above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
