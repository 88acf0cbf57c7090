/**
 * npm run bench [-- --repeats 3] [--skip-node] [--skip-sweep] [--skip-converged] [--skip-browser] [--browser sweep,pool,parallelism,plot,computation,live]
 * Prints JSON, medians over repeats, ratios between figures of this run only:
 * - node: training steps/s of the 7-instance sweep (batch 1024) on every backend reachable in
 *   Node, for the engine and the straightforward baseline, and the kernels a step dispatches in
 *   each formulation (skipped with --skip-sweep);
 * - converged: on wasm, a single instance of every converged-recipe level (density, batch):
 *   steps/s, kernels a step, and the time per step over numpy's on one thread
 *   (bench/numpy_reference.py) when python3 has numpy (skipped with --skip-converged);
 * - browser: the same in headless Chromium (bench/index.html) for wasm, webgl, webgpu and cpu (on GPU
 *   backends both formulations), the sweep retrain through the page's worker pool in one worker
 *   and in one per core (bench/pool.html), the pool's workers, wasm threads and memory at 1, 2 and
 *   16 reported cores (parallelism, bench/pool-memory.ts), and, on the built
 *   article, the first view at 1280×800 and 390×844 (bench/first-view.ts: the time from navigation to
 *   the first figure drawn, the 'first-figure' mark, and to the first stack plot; the bytes, requests
 *   and files transferred before the first figure), the computation figure's
 *   drag update (compute + redraw, median, p95, max and the count over 16 ms of 200, bench/computation.html), the longest main-thread task
 *   while a live model trains, and, per paper level, the seconds a live model (link format 3, the
 *   live recipe) takes to finish, its monosemantic count and exact eval loss against the converged
 *   sweep's three seeds.
 */
import * as tf from '@tensorflow/tfjs-core';
// Registers every gradient, which the baseline's autodiff needs.
import '@tensorflow/tfjs';
import { makeConfig } from '../src/model/config';
import { selectBackend, type BackendName } from '../src/training/backend';
import { BaselineTrainer } from './baseline';
import { createTrainingEngine, formulationFor } from '../src/training/engine';
import type { Formulation } from '../src/training/training-engine';
import { kernelsPerStep } from './kernels';
import { numberFlag, parseFlags } from '../scripts/cli';
import { BROWSER_PARTS, browserBenchmarks, type BrowserPart } from './bench-browser';
import { engineReport } from './bench-stats';
import { convergedBenchmarks, numpyAvailable } from './converged';

const flags = parseFlags(process.argv.slice(2));
const repeats = numberFlag(flags, 'repeats') ?? 3;
const config = makeConfig({});

interface Trainer {
  trainStep(): void;
  sync(): Promise<void>;
  dispose(): void;
}

const engineTrainer = (formulation: Formulation) => (): Trainer => {
  const engine = createTrainingEngine(config, { formulation });
  return {
    trainStep: () => void engine.trainStep(false),
    sync: async () => void (await engine.readWeights()),
    dispose: () => engine.dispose(),
  };
};

async function stepsPerSecond(make: () => Trainer, steps: number): Promise<number> {
  const trainer = make();
  for (let s = 0; s < 3; s++) trainer.trainStep();
  await trainer.sync();
  const start = performance.now();
  for (let s = 0; s < steps; s++) trainer.trainStep();
  await trainer.sync();
  const seconds = (performance.now() - start) / 1000;
  trainer.dispose();
  return steps / seconds;
}

const backends: Record<string, unknown> = {};
for (const backend of (flags['skip-node'] || flags['skip-sweep'] ? [] : ['wasm', 'cpu']) as BackendName[]) {
  const choice = await selectBackend({ forced: backend });
  if (choice.backend !== backend) continue;
  const steps = backend === 'cpu' ? 4 : 60;
  const formulation = formulationFor(backend);
  const engine: number[] = [];
  const baseline: number[] = [];
  for (let r = 0; r < repeats; r++) {
    engine.push(await stepsPerSecond(engineTrainer(formulation), steps));
    baseline.push(await stepsPerSecond(() => new BaselineTrainer(config), Math.max(2, Math.round(steps / 5))));
  }
  backends[backend] = engineReport(formulation, engine, [], baseline);
  process.stderr.write(`${backend}: ${JSON.stringify(backends[backend])}\n`);
}

/** Kernels one sweep step dispatches in each formulation, counted on cpu (the same ops run on every backend). */
async function kernelsPerSweepStep(): Promise<Record<Formulation, number>> {
  await selectBackend({ forced: 'cpu' });
  return { 'per-instance': await kernelsPerStep(config, 'per-instance'), stacked: await kernelsPerStep(config, 'stacked') };
}

const withNumpy = numpyAvailable();
const converged =
  flags['skip-node'] || flags['skip-converged']
    ? null
    : (await selectBackend({ forced: 'wasm' })).backend === 'wasm'
      ? {
          backend: 'wasm',
          numpy: withNumpy ? 'bench/numpy_reference.py, one thread' : 'python3 with numpy not found',
          levels: await convergedBenchmarks(repeats, withNumpy, (line) => process.stderr.write(`${line}\n`)),
        }
      : null;

const kernels = flags['skip-node'] || flags['skip-sweep'] ? null : await kernelsPerSweepStep();

const parts = (flags['browser']?.split(',') ?? BROWSER_PARTS).filter((p): p is BrowserPart =>
  (BROWSER_PARTS as readonly string[]).includes(p),
);
const browser = flags['skip-browser']
  ? null
  : await browserBenchmarks(repeats, new Set(parts), (line) => process.stderr.write(`${line}\n`));

console.log(
  JSON.stringify(
    {
      workload: { instances: config.densities.length, n: config.n, m: config.m, batch: config.batch },
      repeats,
      tfjs: tf.version_core,
      node: backends,
      kernelsPerSweepStep: kernels,
      converged,
      browser,
    },
    null,
    2,
  ),
);
