/**
 * The browser half of `npm run bench`: builds the site, serves it with `vite preview` (which
 * compresses with gzip), and drives bench/index.html and the article in Debian's headless
 * Chromium. Parts: `sweep` (steps/s per backend), `pool` and `parallelism` (the worker pool),
 * `plot` (the first view, bench/first-view.ts: at 1280×800 and 390×844, the time from navigation
 * to the first figure drawn and to Figure 1's stack plots, and the bytes, requests and files
 * transferred before the first figure), `computation` (the computation figure's drag update,
 * bench/computation-bench.ts) and `live` (a live model at every paper level).
 */
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { analyseModel, analyseModels } from '../src/model/analysis';
import { importances, PAPER_DENSITIES } from '../src/model/config';
import { evaluateLoss } from '../src/model/evaluation';
import { parseWeightsFile, SHIPPED_CONVERGED_SEEDS, shippedWeightsPath } from '../src/model/weights-file';
import { unpackInstance } from '../src/training/run-frame';
import { LINK_VERSION } from '../src/article/state/link-formats';
import type { SuperpositionArticle } from '../src/article/superposition-article';
import { engineReport, median, otherFormulation, round } from './bench-stats';
import { computationUpdates } from './computation-bench';
import { firstViewReports } from './first-view';
import { poolParallelism } from './pool-memory';
import type { Formulation } from '../src/training/training-engine';
import {
  BENCH_SITE_CONFIG,
  benchPage,
  buildAndServe,
  launchChromium,
  liveStatus,
  poolPage,
  waitForLivePhase,
  waitForLiveStep,
} from '../build/site';
import { LIVE_FIGURE_ATTRIBUTES, STATUS_ATTRIBUTES } from '../src/article/figures/exposed-state';

/** The shipped converged sweep at one level over its seeds: what a live model should land within. */
interface ConvergedRange {
  readonly monosemantic: readonly [number, number];
  readonly evalLoss: readonly [number, number];
}

const rangeOf = (values: readonly number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/** Per paper density, the converged sweep's monosemantic counts and eval losses over its shipped seeds. */
function convergedRanges(): Map<number, ConvergedRange> {
  const files = SHIPPED_CONVERGED_SEEDS.map((seed) =>
    parseWeightsFile(JSON.parse(readFileSync(`public/${shippedWeightsPath('converged', seed)}`, 'utf8'))),
  );
  const levels = files.map((file) => analyseModels(file));
  return new Map(
    files[0]!.instances.map((instance, k) => [
      instance.density,
      {
        monosemantic: rangeOf(levels.map((l) => l[k]!.counts.monosemantic)),
        evalLoss: rangeOf(files.map((f) => f.instances[k]!.evaluation?.loss ?? Number.NaN)),
      },
    ]),
  );
}

/** How long a live model may train before the bench reports where it got to; the target is 20 s. */
const LIVE_LIMIT_SECONDS = 60;

/** Measured steps per backend: about ten seconds each on this 2-core machine (WebGPU runs on SwiftShader here). */
const SWEEP_STEPS = { wasm: 200, webgl: 20, webgpu: 6, cpu: 5 } as const;

/**
 * Opens the live section at a density with a link of today's format (which starts a live model on
 * the live recipe), and reports how long it took to finish (from the page starting it, worker
 * start included), its monosemantic-neuron count and exact eval loss (10^5 examples) when its final
 * weights were drawn or after `limitSeconds`, against the converged sweep's range over its seeds,
 * and the longest main-thread task while it trained and, separately, while its worker started.
 */
async function liveModel(browser: Browser, baseUrl: string, density: number, converged: ConvergedRange | undefined, limitSeconds: number) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}?v=${LINK_VERSION}&section=live&density=${density}`);
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
  // The newest kept frame holds the weights the figure drew last.
  const last = await page.evaluate(() => {
    const frames = document.querySelector<SuperpositionArticle>('superposition-article')?.timelineForTesting('live');
    const instance = frames?.at(-1)?.instances[0];
    return instance
      ? { ...instance, W1: Array.from(instance.W1), W2: Array.from(instance.W2), b: Array.from(instance.b), b1: undefined }
      : null;
  });
  await page.close();
  const weights = last
    ? unpackInstance({
        ...last,
        W1: Float32Array.from(last.W1),
        W2: Float32Array.from(last.W2),
        b: Float32Array.from(last.b),
        b1: undefined,
      })
    : null;
  const importance = importances({ n: last?.n ?? 100, importanceDecay: 0.8 });
  const evalLoss = weights ? evaluateLoss(weights, density, importance).loss : Number.NaN;
  const counted = weights ? analyseModel(weights, importance).counts.monosemantic : monosemantic;
  const inside = (value: number, range: readonly [number, number] | undefined) =>
    range !== undefined && value >= range[0] && value <= range[1];
  return {
    density,
    steps: status.step,
    backend: status.backend || null,
    secondsToFinish: finishedAfter === null ? null : round(finishedAfter / 1000),
    monosemantic: counted,
    convergedMonosemantic: converged?.monosemantic ?? null,
    monosemanticInsideConvergedRange: inside(counted, converged?.monosemantic),
    evalLoss: Number(evalLoss.toPrecision(3)),
    convergedEvalLoss: converged?.evalLoss ?? null,
    /** The live model's eval loss over the best converged seed's. */
    evalLossOverConvergedBest: converged ? round(evalLoss / converged.evalLoss[0]) : null,
    /** Longest main-thread task while it trained (first report to final plot). */
    longestTaskMs: round(trainingTask),
    /** Longest task while the worker and its backend started (not training yet). */
    longestStartupTaskMs: round(startupTask),
  };
}

/** Steps of the pool comparison: about 30 s for the 7-instance sweep in one worker here, so that worker starts weigh little. */
const POOL_STEPS = 1500;

/**
 * The sweep retrain through the page's TrainerPool (bench/pool.html) on wasm in one worker and in
 * one per core: seconds from request to merged outcome (worker starts included), and the speed-up.
 */
async function poolSpeedup(browser: Browser, baseUrl: string, repeats: number) {
  const cores = await (async () => {
    const page = await browser.newPage();
    try {
      return await page.evaluate(() => navigator.hardwareConcurrency);
    } finally {
      await page.close();
    }
  })();
  const counts = [...new Set([1, Math.min(cores, 7)])];
  const seconds = new Map<number, number[]>(counts.map((c) => [c, []]));
  let error: string | undefined;
  for (let r = 0; r < repeats && !error; r++) {
    for (const workers of counts) {
      const result = await poolPage(browser, `${baseUrl}bench/pool.html?workers=${workers}&steps=${POOL_STEPS}`);
      error ??= result.error;
      seconds.get(workers)!.push(result.seconds);
    }
  }
  const medianOf = (c: number): number => median(seconds.get(c)!);
  return {
    steps: POOL_STEPS,
    hardwareConcurrency: cores,
    ...(error ? { error } : {}),
    seconds: Object.fromEntries(counts.map((c) => [`${c} worker${c === 1 ? '' : 's'}`, round(medianOf(c))])),
    /** One worker's time over the pool's, same run. */
    speedup: round(medianOf(1) / medianOf(counts.at(-1)!)),
  };
}

export const BROWSER_PARTS = ['sweep', 'pool', 'parallelism', 'plot', 'computation', 'live'] as const;
export type BrowserPart = (typeof BROWSER_PARTS)[number];

export async function browserBenchmarks(repeats: number, parts: ReadonlySet<BrowserPart>, log: (line: string) => void) {
  const site = await buildAndServe(BENCH_SITE_CONFIG);
  const { baseUrl } = site;
  // Eager memory measurement: measureUserAgentSpecificMemory answers at once instead of at the next GC (up to 20 s).
  const browser = await launchChromium(['--enable-unsafe-webgpu', '--enable-blink-features=ForceEagerMeasureMemory']);
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
    const pool = parts.has('pool') ? await poolSpeedup(browser, baseUrl, repeats) : null;
    if (pool) log(`sweep over workers: ${JSON.stringify(pool)}`);
    const parallelism = parts.has('parallelism') ? await poolParallelism(browser, baseUrl, log) : null;
    const firstView = parts.has('plot') ? await firstViewReports(browser, baseUrl, repeats) : null;
    for (const view of firstView ?? []) {
      const { fetchedBeforeFirstFigure: _, ...summary } = view;
      log(`first view: ${JSON.stringify(summary)}`);
    }
    const computation = parts.has('computation') ? await computationUpdates(browser, baseUrl) : null;
    if (computation) log(`computation figure, per drag update: ${JSON.stringify(computation)}`);
    // A live model at every paper level, against the converged sweep's seeds at that level.
    const live = [];
    const converged = parts.has('live') ? convergedRanges() : new Map<number, ConvergedRange>();
    for (const density of parts.has('live') ? PAPER_DENSITIES : []) {
      live.push(await liveModel(browser, baseUrl, density, converged.get(density), LIVE_LIMIT_SECONDS));
      log(`live model: ${JSON.stringify(live.at(-1))}`);
    }
    return {
      ...(parts.has('sweep') && { sweepStepsPerSecond: sweep }),
      ...(pool && { sweepOverWorkers: pool }),
      ...(parallelism && { poolParallelism: parallelism }),
      ...(computation && { computationUpdateMs: computation }),
      ...(firstView && { firstView }),
      ...(parts.has('live') && {
        liveModels: {
          limitSeconds: LIVE_LIMIT_SECONDS,
          finishedWithin20s: live.filter((l) => l.secondsToFinish !== null && l.secondsToFinish <= 20).length,
          slowestSeconds: Math.max(...live.map((l) => l.secondsToFinish ?? Number.POSITIVE_INFINITY)),
          countsInsideConvergedRange: live.filter((l) => l.monosemanticInsideConvergedRange).length,
          worstEvalLossOverConvergedBest: Math.max(...live.map((l) => l.evalLossOverConvergedBest ?? Number.NaN)),
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
