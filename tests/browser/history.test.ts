/**
 * Back and Forward over every control that writes the URL: the computation figure's model menu and
 * input, the sweep's seed menu and budget toggle, the density slider, the advanced settings form
 * and the neuron menu. After each step, each control shows what the URL says (what the page's own
 * parser reads from it), and the computation figure draws the input it drew when that entry was made.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type SettingName, formValues, SETTING_FIELDS } from '../../src/article/state/advanced-settings';
import { DEFAULT_COMPUTATION_MODEL, formatComputationModel, formatInput } from '../../src/article/state/computation-fields';
import { positionOf } from '../../src/article/state/density-slider';
import { formatState, parseState } from '../../src/article/state/url-state';
import { chosenNeuron } from '../../src/article/sections/neuron-response/view';
import { waitForLivePhase } from '../../build/site';
import { collectErrors, scrollIntoView, settledBox, sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/**
 * An entry's state, as the page's own canonical link without its section: scrolling rewrites the
 * section of the entry being read in place, and the page may write an entry it returns to in its
 * canonical form (every field spelled out), which means the same state.
 */
function entryKey(search: string): string {
  return formatState({ ...parseState(search).state, section: 'intro' });
}

/** What each control shows, as text. */
interface Controls {
  readonly budget: string | null;
  readonly sweepSeed: string | null;
  readonly slider: number;
  readonly fields: Partial<Record<SettingName, string>>;
  readonly computationModel: string | null;
  /** The input the computation figure draws, as a link writes it. */
  readonly computationInput: string | null;
  readonly neuron: string | null;
  readonly neuronCount: number;
}

function readControls(page: Page): Promise<Controls> {
  return page.evaluate(() => {
    const value = (selector: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(selector)?.value ?? null;
    const fields: Record<string, string> = {};
    for (const input of document.querySelectorAll<HTMLInputElement>('details.advanced input[name]')) fields[input.name] = input.value;
    const figure = document.querySelector('computation-figure') as
      | (Element & { computation?: { input: { feature: number; value: number }[] } })
      | null;
    const input = figure?.computation?.input;
    return {
      budget: value('input[name="sweep-budget"]:checked'),
      sweepSeed: value('#sweep-seed-select'),
      slider: Number(value('#density-slider')),
      fields,
      computationModel: value('#computation-model-select'),
      computationInput: input ? input.map(({ feature, value: v }) => `${feature}:${v}`).join(',') : null,
      neuron: value('#neuron-response-neuron'),
      neuronCount: document.querySelectorAll('#neuron-response-neuron option').length,
    };
  });
}

/** The controls that disagree with the URL, by name with both values; empty when all agree. */
function disagreements(search: string, controls: Controls, inputAt: ReadonlyMap<string, string>): string[] {
  const { state } = parseState(search);
  const wrong: string[] = [];
  const check = (name: string, shown: unknown, expected: unknown) => {
    if (shown !== expected) wrong.push(`${name}: shows ${String(shown)}, the URL says ${String(expected)}`);
  };
  check('budget', controls.budget, state.budget);
  if (state.budget === 'converged') check('sweep seed', controls.sweepSeed, String(state.sweepSeed));
  if (Math.abs(controls.slider - positionOf(state.density)) > 1e-9) check('slider', controls.slider, positionOf(state.density));
  const values = formValues(state);
  for (const field of SETTING_FIELDS) check(`setting ${field.name}`, controls.fields[field.name], String(values[field.key]));
  check('computation model', controls.computationModel, formatComputationModel(state.computationModel ?? DEFAULT_COMPUTATION_MODEL));
  const input = state.input ? formatInput([...state.input].sort((a, b) => a.feature - b.feature)) : inputAt.get(entryKey(search));
  check('computation input', controls.computationInput, input);
  check('neuron', controls.neuron, String(chosenNeuron(state.neuron, controls.neuronCount)));
  return wrong;
}

/** Waits until every control agrees with the URL; on timeout the message names those that do not. */
async function expectControlsMatchUrl(page: Page, inputAt: ReadonlyMap<string, string>): Promise<void> {
  await expect
    .poll(async () => disagreements(new URL(page.url()).search, await readControls(page), inputAt), { timeout: 20_000 })
    .toEqual([]);
}

/** Does `action`, waits for it to write a new URL, and records the computation input drawn there. */
async function step(page: Page, inputAt: Map<string, string>, action: () => Promise<unknown>): Promise<void> {
  const before = page.url();
  await action();
  await expect.poll(() => page.url(), { timeout: 20_000 }).not.toBe(before);
  const search = new URL(page.url()).search;
  // An entry without `input` draws the section's default input for its model: remember which.
  await expect
    .poll(async () => (await readControls(page)).computationModel, { timeout: 20_000 })
    .toBe(formatComputationModel(parseState(search).state.computationModel ?? DEFAULT_COMPUTATION_MODEL));
  const drawn = (await readControls(page)).computationInput;
  if (drawn !== null) inputAt.set(entryKey(search), drawn);
}

describe('history', () => {
  it('after each Back and Forward every control shows the state in the URL', { timeout: 300_000 }, async () => {
    const page = await browser().newPage({ viewport: { width: 1200, height: 900 } });
    const errors = collectErrors(page);
    // Live runs of 200 steps: each entry's run finishes in seconds, and Back/Forward shows it again at once.
    await page.goto(`${baseUrl}?v=3&budget=converged&steps=200`);
    const inputAt = new Map<string, string>();
    const modelMenu = page.locator('#computation-model-select');
    await modelMenu.waitFor({ timeout: 60_000 });
    await page.locator('computation-figure [data-neuron]').first().waitFor({ timeout: 60_000 });
    inputAt.set(entryKey(new URL(page.url()).search), (await readControls(page)).computationInput ?? '');

    // The computation figure: another model, then a random input.
    await scrollIntoView(modelMenu);
    const choice = await modelMenu.locator('option').nth(1).getAttribute('value');
    await step(page, inputAt, () => modelMenu.selectOption(choice ?? ''));
    await step(page, inputAt, () =>
      page
        .locator('computation-figure')
        .getByRole('button', { name: /Random input/ })
        .click(),
    );

    // The sweep: seed 2, then 1 (the case the issue saw), then the replication budget.
    const seedMenu = page.locator('#sweep-seed-select');
    await seedMenu.waitFor({ timeout: 60_000 });
    await scrollIntoView(seedMenu);
    await step(page, inputAt, () => seedMenu.selectOption('2'));
    await step(page, inputAt, () => seedMenu.selectOption('1'));
    await step(page, inputAt, () => page.locator('input[name="sweep-budget"][value="replication"]').check());

    // The advanced settings: another seed and m, applied.
    const details = page.locator('details.advanced');
    await scrollIntoView(details);
    await details.locator('summary').click();
    await page.locator('input[name=seed]').fill('3');
    await page.locator('input[name=m]').fill('30');
    await step(page, inputAt, () => details.locator('button[type=submit]').click());
    // A live run keeps this machine's two cores busy: the next control waits for it to finish.
    await waitForLivePhase(page, ['completed'], 120_000);

    // The slider: a burst of two key presses commits once.
    const slider = page.locator('#density-slider');
    await scrollIntoView(slider);
    await slider.focus();
    await step(page, inputAt, async () => {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
    });
    await waitForLivePhase(page, ['completed'], 120_000);

    // The neuron menu.
    const neuronMenu = page.locator('#neuron-response-neuron');
    await scrollIntoView(neuronMenu);
    await step(page, inputAt, () => neuronMenu.selectOption('5'));

    // A draft typed into the form but not applied is the reader's until they navigate.
    await page.locator('input[name=steps]').fill('abc');

    // Back to the first entry (a slow key burst may have made two entries: the walk counts what it finds).
    const first = entryKey('?v=3&budget=converged&steps=200');
    const visited: string[] = [];
    while (entryKey(new URL(page.url()).search) !== first) {
      expect(visited.length, `Back never reached the first entry: ${visited.join(' ')}`).toBeLessThan(20);
      await page.goBack();
      await expectControlsMatchUrl(page, inputAt);
      visited.push(new URL(page.url()).search);
    }
    // The case (seed 2, then 1, Back: the menu said 1) was walked through on the way.
    const seedTwo = visited.find((search) => /sweep-seed=2/.test(search) && /budget=converged/.test(search));
    expect(seedTwo, visited.join(' ')).toBeDefined();
    for (let k = 0; k < visited.length; k++) {
      await page.goForward();
      await expectControlsMatchUrl(page, inputAt);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Back while a drag waits to be written drops the drag: it is not written over the entry Back went to', {
    timeout: 120_000,
  }, async () => {
    const page = await browser().newPage({ viewport: { width: 1200, height: 900 } });
    const errors = collectErrors(page);
    // The page's timers run on a clock the test holds, so that Back lands inside the drag's pause (COMMIT_MS) on any machine.
    await page.clock.install();
    await page.goto(`${baseUrl}?section=computation&computation-model=converged:0.01:0&input=0:0.5`);
    await page.locator('computation-figure [data-neuron]').first().waitFor({ timeout: 60_000 });
    // A second entry to go Back from.
    await step(page, new Map(), () => page.getByRole('button', { name: 'Random input at this density' }).click());
    const first = `${baseUrl}?section=computation&computation-model=converged:0.01:0&input=0:0.5`;
    const entries = await page.evaluate(() => history.length);
    const box = await settledBox(page.locator('computation-figure .strip-bg'));
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 2, box.y + 3, { steps: 5 });
    await page.mouse.up();
    await page.goBack();
    await page.clock.runFor(2_000);
    expect(entryKey(new URL(page.url()).search)).toBe(entryKey(new URL(first).search));
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await expect.poll(async () => (await readControls(page)).computationInput, { timeout: 20_000 }).toBe('0:0.5');
    expect(errors).toEqual([]);
    await page.close();
  });
});
