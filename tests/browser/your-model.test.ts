/**
 * "Bring your own model" in Chromium: an .npz chosen in the "Load weights" picker is drawn and
 * counted like the shipped models; a malformed file is refused with its specific message and the
 * page stays as it was; a file dropped on the page loads too; the shipped models download as .npz
 * and as .safetensors.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { analyseModel } from '../../src/model/analysis';
import { importances } from '../../src/model/config';
import { parseAnalysisJson } from '../../src/model/analysis/export';
import { type NdArray, readModelFiles, readSafetensors, writeNpy, writeNpz } from '../../src/model/import';
import type { NetworkWeights } from '../../src/model/network';
import { createRng } from '../../src/model/random';
import { parseWeightsFile } from '../../src/model/weights-file';
import { ARTIFACTS, collectErrors, scrollIntoView, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** A model that is not the page's 100 × 40: two instances of n = 24 features and m = 10 neurons. */
const N = 24;
const M = 10;
const rng = createRng(2022, 16);
/**
 * Neurons j = 2p and 2p + 1 compute ReLU(±x_p) for the first five features (the ± pairs); instance 1
 * also gives some neurons stray weights on later features, so its count is below instance 0's.
 */
const instances: NetworkWeights[] = [0, 1].map((k) => ({
  W1: Array.from({ length: M }, (_, j) =>
    Array.from({ length: N }, (_, i) =>
      i === j >> 1 ? (j % 2 ? -1 : 1) : k === 1 && i >= M && rng.next() < 0.05 ? 0.4 * (rng.next() - 0.5) : 0,
    ),
  ),
  W2: Array.from({ length: N }, (_, i) => Array.from({ length: M }, (_, j) => (i === j >> 1 ? 1 : 0))),
  b: Array.from({ length: N }, (_, i) => (i < M / 2 ? 0 : 0.05)),
}));
const stacked = (pick: (w: NetworkWeights) => readonly (readonly number[])[]): NdArray => {
  const rows = pick(instances[0]!);
  return { shape: [instances.length, rows.length, rows[0]!.length], data: Float64Array.from(instances.flatMap((w) => pick(w).flat())) };
};
const DENSITIES = [0.1, 0.03];
const npz = writeNpz([
  ['W1', stacked((w) => w.W1)],
  ['W2', stacked((w) => w.W2)],
  ['b_final', { shape: [2, N], data: Float64Array.from(instances.flatMap((w) => w.b)) }],
  ['density', { shape: [2], data: Float64Array.from(DENSITIES) }],
]);
const expectedMonosemantic = instances.map((w) => analyseModel(w, importances({ n: N, importanceDecay: 0.8 })).counts.monosemantic);

/** An .npz whose W1 holds a NaN: refused with a message naming where. */
const nanNpz = writeNpz([
  ['W1', { shape: [1, M, N], data: Float64Array.from({ length: M * N }, (_, e) => (e === 5 ? Number.NaN : 0)) }],
  ['W2', { shape: [1, N, M], data: new Float64Array(N * M) }],
  ['b', { shape: [1, N], data: new Float64Array(N) }],
]);

async function open(viewport = { width: 1200, height: 900 }, query = '?section=your-model'): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP lets the accessibility check inject axe-core; the page's own code runs the same.
  const page = await browser().newPage({ viewport, acceptDownloads: true, bypassCSP: true });
  const errors = collectErrors(page);
  await page.goto(`${baseUrl}${query}`);
  await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
  return { page, errors };
}

async function loadThroughPicker(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByLabel('Load weights').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

/** Waits until every instance is analysed. */
async function analysed(page: Page): Promise<void> {
  await page.locator('#your-model-result[data-analysing="false"]').waitFor({ timeout: 60_000 });
}

/** axe-core's serious and critical violations inside the "Your model" section. */
async function accessibilityViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Element, options: never) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document.querySelector('#your-model')!, { resultTypes: ['violations'] } as never);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** What a reader sees of the loaded model: file name, columns per plot, counts per instance. */
async function shownModel(page: Page) {
  return {
    file: await page.locator('#your-model-result .file-name').first().textContent(),
    columns: await page
      .locator('#your-model-result neuron-stack-plot')
      .evaluateAll((plots) => plots.map((p) => p.shadowRoot?.querySelectorAll('.column').length ?? 0)),
    monosemantic: await page
      .locator('#your-model-counts tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-monosemantic')))),
  };
}

describe('bring your own model', () => {
  it('loads an .npz through the Load weights picker: a stack plot per instance, the counts, the loss', async () => {
    const { page, errors } = await open();
    await loadThroughPicker(page, 'my-model.npz', npz);
    await analysed(page);
    expect(page.url()).toContain('model=local');
    const shown = await shownModel(page);
    expect(shown).toEqual({ file: 'my-model.npz', columns: [M, M], monosemantic: expectedMonosemantic });
    const captions = await page.locator('#your-model-result figcaption').allTextContents();
    expect(captions[0]).toMatch(
      new RegExp(
        `Instance 0: ${expectedMonosemantic[0]} of 10 neurons monosemantic.*Eval loss .* ± .* zero model .* clean solution with 5 neuron pairs`,
      ),
    );
    const reading = await page.locator('#your-model-result ul.reading').textContent();
    expect(reading).toMatch(/W1 \[2, 10, 24\] read as instances × \[m, n\] \(a row per neuron\)/);
    expect(reading).toMatch(/n is the length of b_final/);
    await expect.poll(() => page.locator('#your-model-counts tbody tr').first().locator('td').nth(1).textContent()).toBe('0.1');

    // A malformed file: its specific message, and the page exactly as it was.
    const url = page.url();
    await loadThroughPicker(page, 'broken.npz', nanNpz);
    await expect
      .poll(() => page.locator('#your-model-error').textContent())
      .toBe('W1 holds NaN at [0, 0, 5]: a model with non-finite weights cannot be analysed.');
    expect(await shownModel(page)).toEqual(shown);
    expect(page.url()).toBe(url);
    await loadThroughPicker(
      page,
      'noise.npz',
      Uint8Array.from({ length: 300 }, (_, k) => (k * 97 + 13) % 256),
    );
    await expect.poll(() => page.locator('#your-model-error').textContent()).toMatch(/is not a model file the page reads/);
    expect(await shownModel(page)).toEqual(shown);
    await expect.poll(() => page.locator('#sweep-figure neuron-stack-plot').count()).toBe(7);

    const section = page.locator('#your-model');
    await scrollIntoView(section);
    await section.screenshot({ path: `${ARTIFACTS}/your-model-desktop.png` });
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 390 px: the same model, readable, and the tables scroll inside the page', async () => {
    const { page, errors } = await open({ width: 390, height: 844 });
    await loadThroughPicker(page, 'my-model.npz', npz);
    await analysed(page);
    expect((await shownModel(page)).columns).toEqual([M, M]);
    // Nothing pushes the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const section = page.locator('#your-model');
    await scrollIntoView(section);
    await section.screenshot({ path: `${ARTIFACTS}/your-model-390.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads a file dropped on the page, and changing the decay analyses again', async () => {
    const { page } = await open({ width: 1200, height: 900 }, '');
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.npz'));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    }, Array.from(npz));
    await analysed(page);
    expect((await shownModel(page)).file).toBe('dropped.npz');
    expect(await page.locator('.drop-overlay').count()).toBe(0);
    await page.locator('#your-model input[name="decay"]').fill('0.9');
    await page.getByRole('button', { name: 'Analyse with these settings' }).click();
    await analysed(page);
    expect(await page.locator('#your-model input[name="decay"]').inputValue()).toBe('0.9');
    await page.locator('#your-model input[name="density-1"]').fill('2');
    await page.getByRole('button', { name: 'Analyse with these settings' }).click();
    await expect
      .poll(() => page.locator('.your-settings [role=alert]').textContent())
      .toBe('The density of instance 1 must be a number in (0, 1], like 0.03.');
    await page.close();
  });

  it('a link with model=local shows no model and says why; the shipped sweep downloads as an .npz that reads back', async () => {
    const { page } = await open({ width: 1200, height: 900 }, '?section=your-model&model=local');
    await expect
      .poll(async () => (await page.locator('#your-model-missing').textContent())?.replace(/\s+/g, ' '))
      .toMatch(/never leaves the computer that loaded it/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'sweep.npz' }).click()]);
    expect(download.suggestedFilename()).toBe('sweep.npz');
    const outcome = readModelFiles([{ name: 'sweep.npz', bytes: new Uint8Array(readFileSync((await download.path())!)) }]);
    const sweep = parseWeightsFile(JSON.parse(readFileSync('public/weights/sweep.json', 'utf8')));
    expect(outcome.ok && outcome.model.instances.map((w) => w.W1)).toEqual(sweep.instances.map((w) => w.W1));
    await page.close();
  });

  it('a shipped sweep downloads as .safetensors beside its .npz: the same weights, read back by the page’s safetensors reader', async () => {
    const { page, errors } = await open({ width: 1200, height: 900 }, '?section=your-model');
    const name = 'sweep-converged-seed1';
    const button = page.getByRole('button', { name: `${name}.safetensors` });
    await scrollIntoView(button);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${name}.safetensors`);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const shipped = parseWeightsFile(JSON.parse(readFileSync(`public/weights/${name}.json`, 'utf8')));
    const { n, m } = shipped.config;
    const K = shipped.instances.length;
    const { arrays } = readSafetensors(bytes);
    expect([...arrays.keys()].sort()).toEqual(['W1', 'W2', 'b', 'density', 'importance_decay', 'loss']);
    expect(arrays.get('W1')?.shape).toEqual([K, m, n]);
    expect(arrays.get('W2')?.shape).toEqual([K, n, m]);
    expect(Array.from(arrays.get('W1')!.data)).toEqual(shipped.instances.flatMap((w) => w.W1.flat()));
    expect(Array.from(arrays.get('W2')!.data)).toEqual(shipped.instances.flatMap((w) => w.W2.flat()));
    expect(Array.from(arrays.get('b')!.data)).toEqual(shipped.instances.flatMap((w) => w.b));
    expect(Array.from(arrays.get('density')!.data)).toEqual(shipped.instances.map((w) => w.density));
    // And as a file a reader loads: the same model.
    const outcome = readModelFiles([{ name: `${name}.safetensors`, bytes }]);
    expect(outcome.ok && outcome.model.instances).toEqual(shipped.instances.map(({ W1, W2, b }) => ({ W1, W2, b })));
    expect(outcome.ok && outcome.model.densities).toEqual(shipped.instances.map((w) => w.density));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads a .safetensors file and draws its own weights; it downloads as .safetensors and its analysis as JSON', async () => {
    const { page, errors } = await open();
    const bytes = new Uint8Array(readFileSync('tests/unit/model/import/fixtures/arena-float32.safetensors'));
    const expected = readModelFiles([{ name: 'arena-float32.safetensors', bytes }]);
    if (!expected.ok) throw new Error(expected.error);
    await loadThroughPicker(page, 'arena-float32.safetensors', bytes);
    await analysed(page);
    const shown = await shownModel(page);
    expect(shown.file).toBe('arena-float32.safetensors');
    expect(shown.columns).toEqual(expected.model.instances.map((w) => w.W1.length));
    const [weights] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="safetensors"]').click()]);
    expect(weights.suggestedFilename()).toBe('arena-float32.safetensors');
    const back = readModelFiles([{ name: 'back.safetensors', bytes: new Uint8Array(readFileSync((await weights.path())!)) }]);
    expect(back.ok && back.model.instances.map((w) => w.W1)).toEqual(expected.model.instances.map((w) => w.W1));
    const [analysis] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="analysis-json"]').click()]);
    expect(analysis.suggestedFilename()).toBe('arena-float32-analysis.json');
    const json = parseAnalysisJson(readFileSync((await analysis.path())!, 'utf8'));
    expect(json.instances).toHaveLength(expected.model.instances.length);
    await page.screenshot({ path: `${ARTIFACTS}/your-model-safetensors.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a lone [40, 100] .npy: the page asks W1 or tied; "W1" says which files are missing, "tied W" reads it', async () => {
    const { page, errors } = await open();
    const lone = writeNpy({ shape: [40, 100], data: Float64Array.from({ length: 4000 }, (_, e) => ((e * 37) % 11) / 10 - 0.5) });
    await loadThroughPicker(page, 'weights.npy', lone);
    const question = page.locator('#your-model-question');
    await expect.poll(() => question.textContent()).toMatch(/is it W1 \(m = 40 neurons × n = 100 features\) or the tied W\?/);
    await page.screenshot({ path: `${ARTIFACTS}/your-model-question.png` });
    await question.locator('[data-answer="W1"]').click();
    await expect.poll(() => page.locator('#your-model-error').textContent()).toMatch(/holds W1 but no W2/);
    await loadThroughPicker(page, 'weights.npy', lone);
    await question.locator('[data-answer="tied"]').click();
    await analysed(page);
    expect((await shownModel(page)).columns).toHaveLength(1);
    expect(await page.locator('#your-model-result ul.reading').textContent()).toMatch(/as the reader said/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
