/**
 * A monkey: seeded random reader actions on the built page (slider drags and keys, section jumps,
 * back and forward, pause, resume and restart, backend changes, advanced settings, retraining the
 * sweep and stopping it, window resizes, a lost WebGL context). After every action the page has
 * logged no error and is in a named state; left alone at the end it finishes, and the worker's
 * tensor count after each finished run stays flat. A failure names its seed and action so it can
 * be replayed: `MONKEY_SEEDS=17 npx vitest run --project browser -t monkey`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { liveStatus, waitForLivePhase } from '../../build/site';
import { ARTIFACTS, collectErrors, sharedBrowser } from './browser';
import { TEST_EVENTS } from '../../src/article/figures/exposed-state';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const SEEDS = (process.env['MONKEY_SEEDS'] ?? '1,2,3,4,5').split(',').map(Number);
const ACTIONS = Number(process.env['MONKEY_ACTIONS'] ?? 300);

const RUN_PHASES = ['idle', 'starting', 'training', 'paused', 'completed', 'cancelled', 'replaced', 'diverged', 'failed'];
const LIVE_RUN_PHASES = ['idle', 'waiting', 'training', 'pausedByReader', 'autoPaused', 'done'];
const SECTIONS = ['intro', 'model', 'sweep', 'live', 'intermediate', 'motif', 'method'];
/** Errors a lost WebGL context logs by design (the page recovers on another backend). */
const EXPECTED_ERROR = /WebGL|context/i;

/** mulberry32: a small seeded PRNG, so a failing sequence replays exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Action = (page: Page, random: () => number) => Promise<void>;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Clicks an element if it is there and enabled; a monkey does not wait for buttons to appear. */
async function clickIfThere(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).first();
  if ((await target.count()) === 0 || !(await target.isEnabled())) return;
  await target.click({ timeout: 2_000 }).catch(() => undefined);
}

const ACTION_TABLE: readonly (readonly [string, number, Action])[] = [
  [
    'drag the slider',
    4,
    async (page, random) => {
      const slider = page.locator('#density-slider');
      await slider.scrollIntoViewIfNeeded();
      const box = await slider.boundingBox();
      if (!box) return;
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + random() * box.width, y);
      await page.mouse.down();
      await page.mouse.move(box.x + random() * box.width, y, { steps: 3 });
      await page.mouse.up();
    },
  ],
  [
    'key on the slider',
    3,
    async (page, random) => {
      await page.locator('#density-slider').focus();
      await page.keyboard.press(pick(random, ['ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End']));
    },
  ],
  [
    'jump to a section',
    3,
    async (page, random) => {
      await page.locator(`#${pick(random, SECTIONS)}`).scrollIntoViewIfNeeded();
    },
  ],
  [
    'back',
    1,
    async (page) => {
      await page.goBack({ timeout: 5_000 }).catch(() => undefined);
      // The first entry before the article is the blank page the browser opened with: go no further back.
      if (!page.url().startsWith(baseUrl)) await page.goForward({ timeout: 5_000 });
    },
  ],
  ['forward', 1, (page) => page.goForward({ timeout: 5_000 }).then(() => undefined)],
  ['train or restart', 2, (page) => clickIfThere(page, '#train-button')],
  ['pause or resume', 3, (page) => clickIfThere(page, '#pause-button')],
  [
    'change the backend',
    1,
    async (page, random) => {
      await page
        .locator('#backend-select')
        .selectOption(pick(random, ['auto', 'wasm', 'cpu', 'webgl']))
        .catch(() => undefined);
    },
  ],
  [
    'apply advanced settings',
    1,
    async (page, random) => {
      // Like clickIfThere, a monkey does not wait on a form that is moving under it (a figure above
      // can still be resizing): a field or button that is not actionable within 2 s is skipped, and
      // the checks after the action still hold the page to a named state with no error.
      const act = (step: Promise<unknown>) => step.then(() => true).catch(() => false);
      const details = page.locator('details.advanced');
      if ((await details.getAttribute('open')) === null && !(await act(details.locator('summary').click({ timeout: 2_000 })))) return;
      if (!(await act(page.locator('input[name=steps]').fill(pick(random, ['150', '300', '-5', 'abc', '99999999']), { timeout: 2_000 }))))
        return;
      if (!(await act(page.locator('input[name=lr]').fill(pick(random, ['0.003', '0.01', '1e9', '']), { timeout: 2_000 })))) return;
      if (!(await act(page.locator('input[name=seed]').fill(String(Math.floor(random() * 10)), { timeout: 2_000 })))) return;
      await act(page.locator('details.advanced button[type=submit]').click({ timeout: 2_000 }));
    },
  ],
  ['retrain the sweep', 1, (page) => clickIfThere(page, 'button:text-matches("Retrain the (whole|replication-budget) sweep")')],
  [
    'switch the training budget',
    1,
    (page, random) => clickIfThere(page, `input[name=sweep-budget][value=${pick(random, ['converged', 'replication'])}]`),
  ],
  ['stop the sweep', 2, (page) => clickIfThere(page, 'button:has-text("Stop retraining")')],
  [
    'resize the window',
    1,
    async (page, random) => {
      await page.setViewportSize(
        pick(random, [
          { width: 1200, height: 900 },
          { width: 390, height: 844 },
          { width: 800, height: 600 },
        ]),
      );
    },
  ],
  [
    'lose the WebGL context',
    1,
    (page) =>
      page.evaluate((name) => {
        document.querySelector('superposition-article')?.dispatchEvent(new Event(name));
      }, TEST_EVENTS.loseWebGLContext),
  ],
];

const TOTAL_WEIGHT = ACTION_TABLE.reduce((sum, [, weight]) => sum + weight, 0);

function chooseAction(random: () => number): readonly [string, number, Action] {
  let r = random() * TOTAL_WEIGHT;
  for (const entry of ACTION_TABLE) {
    r -= entry[1];
    if (r < 0) return entry;
  }
  return ACTION_TABLE.at(-1)!;
}

describe('a monkey on the page', () => {
  it.each(SEEDS)('seed %i: every action leaves a named state and no error; left alone it finishes', { timeout: 240_000 }, async (seed) => {
    const page = await browser().newPage({ viewport: { width: 1200, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${baseUrl}?section=live&steps=300`);
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
    const random = prng(seed);
    const tensorCounts: number[] = [];
    for (let k = 0; k < ACTIONS; k++) {
      const [name, , act] = chooseAction(random);
      const where = `seed ${seed}, action ${k} (${name})`;
      await act(page, random);
      await page.waitForTimeout(20);
      const status = await liveStatus(page);
      expect(RUN_PHASES, where).toContain(status.phase);
      expect(LIVE_RUN_PHASES, where).toContain(status.liveRun);
      expect(
        errors.filter((e) => !EXPECTED_ERROR.test(e)),
        where,
      ).toEqual([]);
      if (status.phase === 'completed' && Number.isFinite(status.workerTensors)) tensorCounts.push(status.workerTensors);
    }
    // Left alone: stop a sweep still retraining, resume a paused live model, train a short one to the end.
    await clickIfThere(page, 'button:has-text("Stop retraining")');
    await page.goto(`${baseUrl}?section=live&density=0.05&steps=200&lr=0.003&seed=${seed}`);
    await page.locator('#live').scrollIntoViewIfNeeded();
    const end = await waitForLivePhase(page, ['completed'], 120_000);
    expect(end.liveRun, `seed ${seed}, left alone`).toBe('done');
    expect(errors.filter((e) => !EXPECTED_ERROR.test(e))).toEqual([]);
    // The worker's tensors after a finished run never grow with the runs before it.
    if (tensorCounts.length > 1) expect(Math.max(...tensorCounts) - Math.min(...tensorCounts), `seed ${seed}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ARTIFACTS}/monkey-seed-${seed}.png` });
    await page.close();
  });
});
