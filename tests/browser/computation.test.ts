/**
 * The computation figure as a reader opens it from a permalink (issue 23): every activation and
 * output it shows equals a float64 forward pass of the named shipped file, computed here in Node
 * (network.ts's `forward`), to 1e-4; dragging and the keyboard change the input and the link; the
 * random-input button; axe-core; screenshots at 390 and 1280 px, light and dark.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { forward } from '../../src/model/network';
import { parseWeightsFile } from '../../src/model/weights-file';
import { ARTIFACTS, collectErrors, settledBox, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

async function open(query: string, width = 1280, bypassCSP = false): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 900 }, bypassCSP });
  collectErrors(page, consoleErrors);
  await page.goto(`${baseUrl}${query}`);
  await page.locator('computation-figure [data-neuron]').first().waitFor();
  return page;
}

/** What the figure shows: each neuron's activation and each output, by index, and its model attributes. */
function shown(page: Page) {
  return page.locator('computation-figure').evaluate((figure) => {
    const root = figure.shadowRoot!;
    const activations: Record<number, number> = {};
    const outputs: Record<number, number> = {};
    for (const g of root.querySelectorAll('[data-neuron]'))
      activations[Number(g.getAttribute('data-neuron'))] = Number(g.getAttribute('data-activation'));
    for (const g of root.querySelectorAll('[data-output]'))
      outputs[Number(g.getAttribute('data-feature'))] = Number(g.getAttribute('data-output'));
    const { budget, seed, density } = (figure as HTMLElement).dataset;
    return { activations, outputs, budget, seed: Number(seed), density: Number(density) };
  });
}

/** The float64 forward pass of a shipped file's instance at `density` on a sparse input. */
function reference(file: string, density: number, input: readonly (readonly [number, number])[]) {
  const parsed = parseWeightsFile(JSON.parse(readFileSync(`public/weights/${file}`, 'utf8')) as unknown);
  const weights = parsed.instances.find((i) => i.density === density)!;
  const x = new Float64Array(parsed.config.n);
  for (const [f, v] of input) x[f] = v;
  return forward(weights, x);
}

const CASES = [
  {
    model: 'converged:0.01:0',
    file: 'sweep-converged-seed0.json',
    density: 0.01,
    budget: 'converged',
    seed: 0,
    input: [
      [0, 0.83],
      [7, -0.41],
      [23, 0.6],
    ],
  },
  {
    model: 'converged:0.003:1',
    file: 'sweep-converged-seed1.json',
    density: 0.003,
    budget: 'converged',
    seed: 1,
    input: [
      [2, -1],
      [5, 0.25],
      [40, 0.7],
      [99, -0.05],
    ],
  },
  { model: 'converged:0.1:2', file: 'sweep-converged-seed2.json', density: 0.1, budget: 'converged', seed: 2, input: [[1, 0.5]] },
  {
    model: 'motif',
    file: 'motif.json',
    density: 0.25,
    budget: 'motif',
    seed: 3,
    input: [
      [0, 0.9],
      [3, -0.7],
      [9, 0.2],
    ],
  },
] as const;

describe('the computation figure in Chromium', () => {
  for (const c of CASES) {
    it(`shows exactly the float64 forward pass of ${c.file} at 1 − S = ${c.density} on the link's input`, async () => {
      const input = c.input.map(([f, v]) => `${f}:${v}`).join(',');
      const page = await open(`?section=computation&computation-model=${c.model}&input=${input}`);
      const figure = await shown(page);
      expect(figure).toMatchObject({ budget: c.budget, seed: c.seed, density: c.density });
      const pass = reference(c.file, c.density, c.input);
      expect(Object.keys(figure.activations)).toHaveLength(pass.hidden.length);
      for (const [j, h] of pass.hidden.entries()) expect(Math.abs(figure.activations[j]! - h)).toBeLessThan(1e-4);
      const drawn = Object.entries(figure.outputs);
      expect(drawn.length).toBeGreaterThan(0);
      for (const [i, y] of drawn) expect(Math.abs(y - pass.output[Number(i)]!)).toBeLessThan(1e-4);
      // The active features' outputs are drawn, whatever the width.
      for (const [f] of c.input) expect(figure.outputs[f]).toBeDefined();
      await page.close();
    });
  }

  it('dragging and the keyboard change the input and the link; the random-input button draws a new input', async () => {
    const page = await open('?section=computation&computation-model=converged:0.01:0&input=0:0.5');
    const strip = page.locator('computation-figure .input-strip');
    const box = await settledBox(page.locator('computation-figure .strip-bg'));
    // Drag on feature 0's slot (the strip's left edge) towards the top: x_0 rises towards 1.
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 2, box.y + 3, { steps: 5 });
    await page.mouse.up();
    await page
      .waitForFunction(() => /input=0%3A(0\.[6-9]|1)/.test(location.search), null, { timeout: 10_000 })
      .catch(() => {
        throw new Error(`after the drag the link is ${page.url()}`);
      });
    // Keyboard: → to feature 1, ↑ sets it.
    await strip.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => /%2C1%3A0\.\d/.test(location.search), null, { timeout: 10_000 });
    const before = new URL(page.url()).searchParams.get('input');
    await page.getByRole('button', { name: 'Random input at this density' }).click();
    await page.waitForFunction((old) => new URLSearchParams(location.search).get('input') !== old, before, { timeout: 10_000 });
    // What the figure shows is still the forward pass of the link's input.
    const pairs = (new URL(page.url()).searchParams.get('input') ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => p.split(':').map(Number) as [number, number]);
    const pass = reference('sweep-converged-seed0.json', 0.01, pairs);
    const figure = await shown(page);
    for (const [j, h] of pass.hidden.entries()) expect(Math.abs(figure.activations[j]! - h)).toBeLessThan(1e-4);
    await page.close();
  });

  it('the motif model’s toggle removes the inhibition neuron and puts it back', async () => {
    const page = await open('?section=computation&computation-model=motif');
    const remove = page.getByRole('button', { name: /Remove inhibition neuron/ });
    await remove.click();
    await page.getByRole('button', { name: /Restore inhibition neuron/ }).waitFor();
    expect(await page.locator('computation-figure').evaluate((f) => f.shadowRoot!.textContent)).toMatch(/is removed/);
    await page.close();
  });

  it('writes no two miss labels on each other, at 320, 390 and 1280 px, for several inputs on two models', {
    timeout: 240_000,
  }, async () => {
    // `poles`: also no label across another's pole. On the dense inputs (10 and 12 features at once) a
    // run of labels reaching both ends of a 320 px plot may leave a label across a pole (label-flags.ts).
    const inputs = [
      { query: 'converged:0.01:0&input=0:0.83,7:-0.41,23:0.6', poles: true },
      { query: 'converged:0.01:0&input=0:1,1:1,2:-1,3:0.5,4:0.7,20:0.9,21:-0.9,22:0.4,23:0.6,60:1,61:1,99:1', poles: false },
      { query: 'converged:0.003:1&input=2:-1,5:0.25,40:0.7,99:-0.05', poles: true },
      { query: 'converged:0.003:1&input=10:1,11:1,12:1,13:1,14:1,15:-1,16:1,97:1,98:-1,99:1', poles: true },
      { query: 'converged:0.003:1&input=3:1,30:0.5,60:-0.7', poles: true },
    ];
    for (const width of [320, 390, 1280]) {
      const page = await open(`?section=computation&computation-model=${inputs[0]!.query}`, width);
      for (const { query, poles } of inputs) {
        // To the next input as the history does (a reload per input and width would take minutes).
        await page.evaluate((search) => {
          history.pushState(null, '', search);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, `?section=computation&computation-model=${query}`);
        const active = (query.split('input=')[1] ?? '').split(',').map((pair) => pair.split(':')[0]);
        await page.waitForFunction(
          (features) => {
            const root = document.querySelector('computation-figure')?.shadowRoot;
            return features.every((f) => root?.querySelector(`g.miss-flag[data-feature="${f}"]`));
          },
          active,
          { timeout: 30_000 },
        );
        await settledBox(page.locator('computation-figure'));
        // Each label with its pole (the line from under it down to its own output), in px on the page.
        const flags = await page.locator('computation-figure').evaluate((f) =>
          [...f.shadowRoot!.querySelectorAll('g.miss-flag')].map((g) => {
            const b = g.querySelector('text.miss-label')!.getBoundingClientRect();
            const pole = g.querySelector('line.miss-pole')!.getBoundingClientRect();
            return {
              text: `${g.querySelector('text')!.textContent} (output ${g.getAttribute('data-feature')})`,
              box: { left: b.left, right: b.right, top: b.top, bottom: b.bottom },
              pole: { x: (pole.left + pole.right) / 2, top: pole.top, bottom: pole.bottom },
            };
          }),
        );
        const plot = await page.locator('computation-figure svg').evaluate((svg) => svg.getBoundingClientRect());
        expect(flags.length, query).toBeGreaterThan(2);
        for (const [k, p] of flags.entries()) {
          const at = `${query} at ${width} px: ${p.text}`;
          expect(p.box.left, at).toBeGreaterThanOrEqual(plot.left);
          expect(p.box.right, at).toBeLessThanOrEqual(plot.right);
          // The pole stands under its own label and reaches down to its output.
          expect(p.pole.x, at).toBeGreaterThanOrEqual(p.box.left - 4);
          expect(p.pole.bottom, at).toBeGreaterThanOrEqual(p.box.bottom - 2);
          for (const [l, q] of flags.entries()) {
            if (l === k) continue;
            if (l > k) {
              const meet = p.box.left < q.box.right && q.box.left < p.box.right && p.box.top < q.box.bottom && q.box.top < p.box.bottom;
              expect(meet, `${at} meets ${q.text}`).toBe(false);
            }
            // No other label lies across this label's pole.
            if (!poles) continue;
            const across = q.box.left < p.pole.x && p.pole.x < q.box.right && q.box.top < p.pole.bottom && p.pole.top < q.box.bottom;
            expect(across, `${q.text} lies across the pole of ${at}`).toBe(false);
          }
        }
      }
      await page.close();
    }
  });

  it('has no serious or critical axe-core violation, and is screenshotted at 390 and 1280 px, light and dark', async () => {
    for (const width of [390, 1280]) {
      const page = await open('?section=computation&computation-model=converged:0.01:0&input=0:0.83,7:-0.41,23:0.6', width, true);
      const require = createRequire(import.meta.url);
      await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (c: Element, o: never) => Promise<{ violations: { id: string; impact: string }[] }> } }
        ).axe;
        const result = await axe.run(document.querySelector('#computation')!, { resultTypes: ['violations'] } as never);
        return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await settledBox(page.locator('#computation'));
        await page.locator('#computation').screenshot({ path: `${ARTIFACTS}/computation-${width}-${colorScheme}.png` });
      }
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
  });
});
