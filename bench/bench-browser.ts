/**
 * The browser half of `npm run bench`: builds the site, serves it with `vite preview`, and drives
 * bench/index.html and the article in Debian's headless Chromium.
 */
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { analyseModels } from '../src/model/analysis';
import { PAPER_DENSITIES } from '../src/model/config';
import { parseWeightsFile } from '../src/model/weights-file';
import { engineReport, median, otherFormulation, round } from './bench-stats';
import type { Formulation } from '../src/training/engine';
import { BENCH_SITE_CONFIG, benchPage, buildAndServe, launchChromium, liveStatus, waitForLivePhase, waitForLiveStep } from '../build/site';
import { LIVE_FIGURE_ATTRIBUTES, STATUS_ATTRIBUTES } from '../src/article/exposed-state';

/** The shipped model's monosemantic-neuron count at each density: what a live model should approach. */
function shippedMonosemanticCounts(): Map<number, number> {
  const file = parseWeightsFile(JSON.parse(readFileSync('public/weights/sweep.json', 'utf8')));
  return new Map(analyseModels(file).map((level) => [level.density, level.counts.monosemantic]));
}

/** Measured steps per backend: about ten seconds each on this 2-core machine (WebGPU runs on SwiftShader here). */
const SWEEP_STEPS = { wasm: 200, webgl: 20, webgpu: 6, cpu: 5 } as const;

async function firstPlotMs(browser: Browser, baseUrl: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(baseUrl);
  await page.waitForFunction(() => performance.getEntriesByName('first-stack-plot').length > 0, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('first-stack-plot')[0]!.startTime);
  await page.close();
  return ms;
}

/**
 * Opens the live section at a density (which starts a live model on the default recipe), and
 * reports how long it took to finish (from the page starting it, worker start included), its
 * monosemantic-neuron count when its final weights were drawn or after `limitSeconds`, and the
 * longest main-thread task while it trained and, separately, while its worker started.
 */
async function liveModel(browser: Browser, baseUrl: string, density: number, shippedMonosemantic: number, limitSeconds: number) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}?section=live&density=${density}`);
  await waitForLivePhase(page, ['starting', 'training', 'paused', 'completed'], 30_000);
  const startedAt = await page.evaluate(() => performance.now());
  // Training proper begins with the first report; before it the worker and its backend start.
  await waitForLiveStep(page, 1, 60_000);
  const trainingFrom = await page.evaluate(() => performance.now());
  let finishedAfter: number | null = null;
  try {
    // Finished when the figure draws the live model's final weights.
    await page.waitForFunction(
      ([figure, status]) => {
        const drawn = document.querySelector('#live-figure');
        const total = document.querySelector('#live-status')?.getAttribute(status.totalSteps);
        return drawn?.getAttribute(figure.source) === 'live' && drawn.getAttribute(figure.step) === total;
      },
      [LIVE_FIGURE_ATTRIBUTES, STATUS_ATTRIBUTES] as const,
      { timeout: limitSeconds * 1000, polling: 100 },
    );
    finishedAfter = (await page.evaluate(() => performance.now())) - startedAt;
  } catch {
    // Not finished within the limit: report where it got to.
  }
  const status = await liveStatus(page);
  const monosemantic = Number(await page.locator('#live-figure').getAttribute(LIVE_FIGURE_ATTRIBUTES.monosemantic));
  const longest = (from: number, to: number): Promise<number> =>
    page.evaluate(
      ([a, b]) =>
        Math.max(
          0,
          ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
            .filter((t) => t.start + t.duration >= a! && t.start < b!)
            .map((t) => t.duration),
        ),
      [from, to],
    );
  const endedAt = await page.evaluate(() => performance.now());
  const startupTask = await longest(startedAt, trainingFrom);
  const trainingTask = await longest(trainingFrom, endedAt);
  await page.close();
  return {
    density,
    steps: status.step,
    backend: status.backend || null,
    secondsToFinish: finishedAfter === null ? null : round(finishedAfter / 1000),
    monosemantic,
    shippedMonosemantic,
    /** Longest main-thread task while it trained (first report to final plot). */
    longestTaskMs: round(trainingTask),
    /** Longest task while the worker and its backend started (not training yet). */
    longestStartupTaskMs: round(startupTask),
  };
}

export const BROWSER_PARTS = ['sweep', 'plot', 'live'] as const;
export type BrowserPart = (typeof BROWSER_PARTS)[number];

export async function browserBenchmarks(repeats: number, parts: ReadonlySet<BrowserPart>, log: (line: string) => void) {
  const site = await buildAndServe(BENCH_SITE_CONFIG);
  const { baseUrl } = site;
  const browser = await launchChromium(['--enable-unsafe-webgpu']);
  try {
    const sweep: Record<string, unknown> = {};
    // A freshly launched Chromium is still starting its other processes on the same two cores:
    // one unmeasured run first, so the first backend is not measured in that noise.
    if (parts.has('sweep')) await benchPage(browser, `${baseUrl}bench/index.html?backend=wasm&trainer=engine&steps=50`);
    for (const backend of parts.has('sweep') ? (['wasm', 'webgl', 'webgpu', 'cpu'] as const) : []) {
      const steps = SWEEP_STEPS[backend];
      const engine: number[] = [];
      const alternative: number[] = [];
      const baseline: number[] = [];
      let formulation: Formulation | undefined;
      let error: string | undefined;
      for (let r = 0; r < repeats && !error; r++) {
        const query = `${baseUrl}bench/index.html?backend=${backend}&steps=`;
        // The engine as the page runs it: the formulation is the page's choice for this backend and renderer.
        const e = await benchPage(browser, `${query}${steps}&trainer=engine`);
        formulation = e.formulation;
        // On GPU backends the choice between formulations is the question, so both are measured.
        const o =
          formulation && (backend === 'webgl' || backend === 'webgpu')
            ? await benchPage(browser, `${query}${steps}&trainer=engine&formulation=${otherFormulation(formulation)}`)
            : null;
        const b = await benchPage(browser, `${query}${Math.max(2, Math.round(steps / 5))}&trainer=baseline`);
        error = e.error ?? o?.error ?? b.error;
        engine.push(e.stepsPerSecond);
        if (o) alternative.push(o.stepsPerSecond);
        baseline.push(b.stepsPerSecond);
      }
      sweep[backend] = error || !formulation ? { error } : engineReport(formulation, engine, alternative, baseline);
      log(`chromium ${backend}: ${JSON.stringify(sweep[backend])}`);
    }
    const firstPlot: number[] = [];
    for (let r = 0; r < (parts.has('plot') ? repeats : 0); r++) firstPlot.push(await firstPlotMs(browser, baseUrl));
    log(`first stack plot: ${firstPlot.map(round).join(', ')} ms`);
    // A live model at every paper level, against the shipped model's count at that level.
    const live = [];
    const shipped = parts.has('live') ? shippedMonosemanticCounts() : new Map<number, number>();
    for (const density of parts.has('live') ? PAPER_DENSITIES : []) {
      live.push(await liveModel(browser, baseUrl, density, shipped.get(density) ?? Number.NaN, 20));
      log(`live model: ${JSON.stringify(live.at(-1))}`);
    }
    return {
      ...(parts.has('sweep') && { sweepStepsPerSecond: sweep }),
      ...(parts.has('plot') && { firstStackPlotMs: { median: round(median(firstPlot)), samples: firstPlot.map(round) } }),
      ...(parts.has('live') && {
        liveModelWithin20s: {
          finished: live.filter((l) => l.secondsToFinish !== null).length,
          worstCountDifference: Math.max(...live.map((l) => Math.abs(l.monosemantic - l.shippedMonosemantic))),
          longestTaskMs: Math.max(...live.map((l) => l.longestTaskMs)),
          levels: live,
        },
      }),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}
