/**
 * The built article as a reader uses it: opened in headless Chromium, scrolled, hovered, dragged,
 * opened from permalinks, and screenshotted (artifacts/screenshots).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { liveStatus, waitForLivePhase, waitForLiveStep } from '../../build/site';
import { ARTIFACTS, collectErrors, scrollIntoView, settledBox, sharedBrowser } from './browser';
import { denseSentence } from '../../src/article/sections/computation/text';
import { budgetComparison, sweepNarrative } from '../../src/article/sections/sweep/text';
import { analyseFile } from '../../src/article/shipped/shipped-models';
import { formatSpread, type LevelSummary, summariseLevels } from '../../src/article/shipped/sweep-summary';
import { LINK_VERSION } from '../../src/article/state/link-formats';
import { parseWeightsFile } from '../../src/model/weights-file';
import { formatDensity, formatLoss, formatNumber } from '../../src/viz/core/format';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const consoleErrors: string[] = [];

async function open(query = '', viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await browser().newPage({ viewport });
  collectErrors(page, consoleErrors);
  await page.goto(`${baseUrl}${query}`);
  await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
  return page;
}

/** A shipped budget as the page summarises it, recomputed here from the files. */
function shippedBudget(names: string[]) {
  const seeds = names.map((name) => analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/weights/${name}`, 'utf8')))));
  return {
    seeds,
    levels: summariseLevels(
      seeds.map((s) => s.models),
      seeds[0]!.file.config,
    ),
  };
}
const converged = shippedBudget([0, 1, 2].map((seed) => `sweep-converged-seed${seed}.json`));
const replication = shippedBudget(['sweep.json']);

/** A counts-table row as the page writes it. */
function rowOf(level: LevelSummary): string[] {
  const error = level.lossKind === 'eval' && level.seeds === 1 ? ` ± ${formatLoss(level.standardError)}` : '';
  return [
    formatDensity(level.density),
    `${formatSpread(level.monosemantic)} of 40`,
    formatSpread(level.lowParticipation),
    formatSpread(level.representedFeatures),
    formatSpread(level.meanPolysemanticity, (v) => formatNumber(v)),
    `${formatSpread(level.loss, formatLoss)}${error}`,
    formatNumber(level.cleanRatio, 2),
  ];
}

const tableRows = (page: Page): Promise<string[][]> =>
  page
    .locator('#sweep table.counts tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));

const panelCaptions = (page: Page): Promise<string[]> =>
  page
    .locator('#sweep-figure')
    // The count caption of each panel; the notes under it (.caption.note) say how the panel is drawn.
    .evaluate((el) =>
      [...(el.shadowRoot?.querySelectorAll('figcaption, .caption:not(.note)') ?? [])].map((c) => c.textContent?.trim() ?? ''),
    );

/** The live stack plot's columns as drawn: neuron summaries, which include the rounded weights. */
async function livePlotSignature(page: Page): Promise<string[]> {
  return page.locator('#live-plot .column').evaluateAll((columns) => columns.map((c) => c.getAttribute('aria-label') ?? ''));
}

describe('the article in Chromium', () => {
  it('renders the seven sweep panels with 40 neuron columns each and captions computed from weights', async () => {
    const page = await open();
    const panels = page.locator('#sweep-figure neuron-stack-plot');
    await expect.poll(() => panels.count()).toBe(7);
    for (let k = 0; k < 7; k++) {
      await expect.poll(() => panels.nth(k).locator('.column').count()).toBe(40);
    }
    // Every panel's caption is the drawn seed's count (seed 0 of the converged sweep by default).
    expect(await panelCaptions(page)).toEqual(
      converged.seeds[0]!.models.map((m) => `${m.analysis.counts.monosemantic} of 40 neurons monosemantic`),
    );
    await page.close();
  });

  it('the table, captions and text state the numbers the shipped weights give, for each budget and seed', async () => {
    const page = await open();
    const expectBudget = async (levels: LevelSummary[], narrative: string[]) => {
      await expect.poll(() => tableRows(page)).toEqual(levels.map(rowOf));
      expect(((await page.locator('#sweep-narrative').textContent()) ?? '').replace(/\s+/g, ' ')).toBe(narrative.join(' '));
    };
    await expectBudget(converged.levels, sweepNarrative('converged', converged.levels));
    await expect
      .poll(() => page.locator('#budget-comparison').textContent())
      .toBe(budgetComparison(converged.levels, replication.levels).join(' '));
    expect(await page.locator('#intro-dense').textContent()).toBe(denseSentence('converged', converged.levels[0]));
    // Another seed: the panels draw it, the table still covers all three.
    await page.locator('#sweep-seed-select').selectOption('2');
    await expect
      .poll(() => panelCaptions(page))
      .toEqual(converged.seeds[2]!.models.map((m) => `${m.analysis.counts.monosemantic} of 40 neurons monosemantic`));
    expect(new URL(page.url()).searchParams.get('sweep-seed')).toBe('2');
    // The replication budget: its own counts, losses and text, and the intro follows.
    await page.getByRole('radio', { name: /as in the public replications/ }).check();
    await expectBudget(replication.levels, sweepNarrative('replication', replication.levels));
    expect(await panelCaptions(page)).toEqual(
      replication.seeds[0]!.models.map((m) => `${m.analysis.counts.monosemantic} of 40 neurons monosemantic`),
    );
    expect(await page.locator('#intro-dense').textContent()).toBe(denseSentence('replication', replication.levels[0]));
    expect(new URL(page.url()).searchParams.get('budget')).toBe('replication');
    await page.locator('#sweep').screenshot({ path: `${ARTIFACTS}/sweep-replication-budget.png` });
    // The permalink reopens that budget.
    const link = page.url();
    await page.close();
    const again = await open(new URL(link).search);
    await expect.poll(() => tableRows(again)).toEqual(replication.levels.map(rowOf));
    expect(await again.getByRole('radio', { name: /as in the public replications/ }).isChecked()).toBe(true);
    await again.close();
  });

  it('shows a tooltip with the feature and its weights when a rectangle is hovered', async () => {
    const page = await open('?section=live');
    const plot = page.locator('#live-plot');
    await scrollIntoView(plot);
    // Rects stack outward from the zero axis, so just above or just below it is a feature's rect.
    const column = (await plot.locator('.column').first().boundingBox())!;
    const axis = (await plot.locator('line.zero').boundingBox())!;
    const tooltip = plot.locator('[role=tooltip]');
    let text = '';
    for (const dy of [-3, 3]) {
      await page.mouse.move(column.x + column.width / 2, axis.y + dy);
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      text = (await tooltip.textContent()) ?? '';
      if (/feature \d+/.test(text)) break;
    }
    expect(text).toMatch(/feature \d+ · in/);
    expect(await plot.locator('rect.feature-mark.shown').count()).toBe(1);
    await page.locator('#live').screenshot({ path: `${ARTIFACTS}/tooltip.png` });
    await page.close();
  });

  it('reads one weight by keyboard: focus stays on the stack-plot column while ↓/↑ step through its features', async () => {
    const page = await open();
    const plot = page.locator('#sweep-figure neuron-stack-plot').nth(3);
    await scrollIntoView(plot);
    const columns = plot.locator('g.column');
    const second = await columns.nth(1).getAttribute('data-neuron');
    /** The element that has focus, followed through the shadow roots it sits in. */
    const focused = () =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return {
          className: active?.getAttribute('class') ?? active?.localName ?? null,
          neuron: active?.getAttribute('data-neuron') ?? null,
        };
      });
    const tooltip = plot.locator('[role=tooltip]');
    const readout = plot.locator('.readout');

    await columns.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ className: 'column', neuron: second });
    await expect.poll(() => tooltip.textContent()).toMatch(new RegExp(`^neuron ${second}: `));

    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ className: 'column', neuron: second });
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const weight = /^feature \d+ · in −?\d+\.\d\d · out −?\d+\.\d\d/;
    expect(await tooltip.textContent()).toMatch(weight);
    expect(await readout.textContent()).toBe(await tooltip.textContent());
    expect(await plot.locator(`rect.feature-mark.shown[data-neuron="${second}"]`).count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ className: 'column', neuron: second });
    expect(await readout.textContent()).toMatch(weight);
    await plot.screenshot({ path: `${ARTIFACTS}/keyboard-feature.png` });

    // Esc goes back to the column's description; ← moves to the first column.
    await page.keyboard.press('Escape');
    expect(await tooltip.textContent()).toMatch(new RegExp(`^neuron ${second}: `));
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toEqual({ className: 'column', neuron: await columns.first().getAttribute('data-neuron') });
    await page.close();
  });

  it('dragging the slider writes the density into the URL and trains a live model whose loss falls', async () => {
    const page = await open();
    const slider = page.locator('#density-slider');
    const box = await settledBox(slider);
    // Slider positions are log10(density) over [−3, 0]: two thirds of the way is density 0.1.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + (box.width * 2) / 3, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('density')).not.toBeNull();
    const density = Number(new URL(page.url()).searchParams.get('density'));
    expect(density).toBeGreaterThan(0.05);
    expect(density).toBeLessThan(0.2);
    const early = await waitForLiveStep(page, 25);
    const later = await waitForLiveStep(page, early.step + 400);
    expect(later.loss).toBeLessThan(early.loss);
    expect(later.backend).toMatch(/^(wasm|webgl|cpu|webgpu)$/);
    await expect.poll(() => page.locator('#live-loss').count()).toBe(1);
    // Paused, so the figure holds still for its screenshot.
    await page.locator('#pause-button').click();
    await waitForLivePhase(page, ['paused']);
    await page.locator('#live').screenshot({ path: `${ARTIFACTS}/live-training.png` });
    await page.close();
  });

  it('a permalink reopens the same configuration: slider, seed and the same trained model', async () => {
    const query = '?section=live&density=0.1&seed=7&steps=150';
    const signatures: string[][] = [];
    for (let visit = 0; visit < 2; visit++) {
      const page = await open(query);
      expect(Number(await page.locator('#density-slider').inputValue())).toBeCloseTo(-1, 5);
      expect(await page.locator('input[name=seed]').inputValue()).toBe('7');
      // The caption says "trained here" once the plot shows the final weights.
      await page.waitForFunction(() => /trained here/.test(document.querySelector('#live figcaption')?.textContent ?? ''), null, {
        timeout: 90_000,
      });
      signatures.push(await livePlotSignature(page));
      await page.close();
    }
    expect(signatures[0]!.length).toBe(40);
    expect(signatures[1]).toEqual(signatures[0]);
  });

  it('an older link opens with a notice of what it trains in the first screen; one click moves it to the current recipe in one history entry', async () => {
    const page = await open('?section=live&density=0.1');
    const prose = page.locator('#live .prose');
    expect(await prose.textContent()).toMatch(/It trains 3,500 steps at learning rate 0.003/);
    const sentence =
      'This link trains the live model with the page’s older constant schedule, 3,500 steps at learning rate 0.003, at 1 − S = 0.1, and Figure 1 shows the replication budget. Use the current recipe';
    // At the top of the page, above the title, and under the live section's heading, where this link lands.
    for (const id of ['older-link-notice', 'live-older-link-notice']) {
      expect((await page.locator(`#${id}`).textContent())?.replace(/\s+/g, ' ').trim(), id).toBe(sentence);
    }
    expect(
      await page.evaluate(() => {
        const notice = document.getElementById('older-link-notice');
        const title = document.querySelector('h1');
        return notice !== null && title !== null && (notice.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }),
    ).toBe(true);
    // The reader who lands on the live section sees one of them in the first screen, whole.
    const inFirstScreen = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.older-link-notice')]
          .filter((n) => {
            const box = n.getBoundingClientRect();
            return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
          })
          .map((n) => n.id),
      );
    await expect.poll(inFirstScreen).toEqual(['live-older-link-notice']);
    const entries = await page.evaluate(() => history.length);
    await page.locator('#live-older-link-notice button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('recipe')).toBe('live');
    const url = new URL(page.url());
    expect(url.searchParams.get('v')).toBe(String(LINK_VERSION));
    expect(url.searchParams.get('budget')).toBe('converged');
    expect(url.searchParams.has('steps')).toBe(false);
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    await expect.poll(() => page.locator('.older-link-notice').count()).toBe(0);
    expect((await prose.textContent())?.replace(/\s+/g, ' ')).toMatch(
      /It trains batch 128, 8,000 steps, lr 1e-2 .*: the live recipe for 1 − S = 0\.1\./,
    );
    await waitForLiveStep(page, 1);
    expect((await liveStatus(page)).totalSteps).toBe(8000);
    // Back returns to the older link in one step.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('recipe')).not.toBe('live');
    await expect.poll(() => page.locator('#older-link-notice').count()).toBe(1);
    await page.close();
  });

  it('back and forward move between configurations', async () => {
    const page = await open('?section=live&density=0.3');
    await scrollIntoView(page.locator('#live'));
    await page.locator('#density-slider').fill('-2');
    await page.locator('#density-slider').dispatchEvent('change');
    await expect.poll(() => new URL(page.url()).searchParams.get('density')).toBe('0.01');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('density')).toBe('0.3');
    await expect.poll(() => page.locator('#density-value').textContent()).toBe('0.3');
    await page.goForward();
    await expect.poll(() => page.locator('#density-value').textContent()).toBe('0.01');
    await page.close();
  });

  it('retraining the sweep is not replaced by the live model that starts when its section comes into view', async () => {
    const page = await open();
    // Under the converged budget the button retrains the replication-budget sweep and shows that budget.
    await page.getByRole('button', { name: 'Retrain the replication-budget sweep' }).click();
    const stop = page.getByRole('button', { name: 'Stop retraining' });
    await stop.waitFor();
    expect(await page.getByRole('radio', { name: /as in the public replications/ }).isChecked()).toBe(true);
    // The default live configuration is not a shipped one, so the live section trains it when seen.
    await scrollIntoView(page.locator('#live'));
    await page.waitForTimeout(1500);
    expect(await stop.count()).toBe(1);
    expect((await liveStatus(page)).phase).toBe('idle');
    expect(await page.locator('#live-status').textContent()).toMatch(/Waiting: the live model trains once the sweep retrain is over/);
    const caption = page.locator('#sweep figcaption').first();
    await expect.poll(() => caption.textContent(), { timeout: 60_000 }).toMatch(/the sweep you are retraining/);
    // Once the reader stops the sweep, the waiting live model starts when its section is in view,
    // and Figure 1 keeps the stopped sweep.
    await stop.click();
    await scrollIntoView(page.locator('#live'));
    await waitForLiveStep(page, 1);
    expect(await caption.textContent()).toMatch(/the sweep you retrained \(step/);
    await page.close();
  });

  it('a malformed permalink shows a specific notice, falls back to defaults and renders no markup from the URL', async () => {
    const page = await open(`?density=abc&seed=${encodeURIComponent('<img src=x onerror=alert(1)>')}&steps=1e12&section=%3Cscript%3E`);
    const notice = page.locator('#url-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/Feature density "abc" is not a number/);
    expect(text).toMatch(/Training steps .* is outside/);
    expect(text).toMatch(/Seed "<img/);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.locator('#density-value').textContent()).toBe('0.03');
    // The address bar now holds the canonical link of what is shown, so it is what gets passed on.
    const shown = new URL(page.url()).searchParams;
    // The link had no format, so it is format 1: the constant live schedule and the replication budget of its day.
    expect(Object.fromEntries(shown)).toMatchObject({ v: '3', density: '0.03', seed: '0', recipe: 'constant', budget: 'replication' });
    expect(shown.has('section')).toBe(false);
    await notice.screenshot({ path: `${ARTIFACTS}/notice.png` });
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await browser().newPage({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
    collectErrors(page, consoleErrors);
    await page.goto(baseUrl);
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Document, options: never) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] } as never);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('logged no console errors in any of the above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
