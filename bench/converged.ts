/**
 * The converged recipe's steps in Node (docs/engine-speed.md): for each level of CONVERGED_RECIPE,
 * a single instance's steps/s on the active backend, the kernels its step dispatches, and, when
 * python3 with numpy is present, the same step in bench/numpy_reference.py on one thread, measured
 * alternately with the engine so that both see the same load.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, makeConfig } from '../src/model/config';
import { CONVERGED_RECIPE, type LevelRecipe, recipeConfig } from '../src/model/recipe';
import { createTrainingEngine } from '../src/training/engine';
import { median, round } from './bench-stats';
import { kernelsPerStep } from './kernels';

const NUMPY_SCRIPT = fileURLToPath(new URL('./numpy_reference.py', import.meta.url));
/** One thread for numpy's BLAS, whichever it was built with; read when python starts. */
const ONE_THREAD = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

export function numpyAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
}

/** Steps timed per sample: about a second each on the development machine. */
const stepsFor = (level: LevelRecipe): number => (level.batch <= 512 ? 1000 : 200);

async function engineStepsPerSecond(level: LevelRecipe, steps: number): Promise<number> {
  const engine = createTrainingEngine(makeConfig(recipeConfig(level, { ...DEFAULT_CONFIG, seed: 0 })));
  try {
    for (let s = 0; s < 20; s++) engine.trainStep(false);
    await engine.readWeights();
    const start = performance.now();
    for (let s = 0; s < steps; s++) engine.trainStep(false);
    await engine.readWeights();
    return (steps * 1000) / (performance.now() - start);
  } finally {
    engine.dispose();
  }
}

function numpyStepsPerSecond(level: LevelRecipe, steps: number): number {
  const args = ['--density', String(level.density), '--batch', String(level.batch), '--steps', String(steps), '--repeats', '1'];
  args.push('--lr', String(level.learningRate), '--eps', String(level.adamEpsilon));
  const result = spawnSync('python3', [NUMPY_SCRIPT, ...args], { env: { ...process.env, ...ONE_THREAD }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`numpy_reference.py failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { stepsPerSecond: number[] }).stepsPerSecond[0]!;
}

/**
 * Per level: medians over `repeats` of the engine's and numpy's steps/s, and
 * `engineTimeOverNumpy`, the engine's time per step over numpy's (≤ 1: the engine is at least
 * as fast), the median of the per-repeat ratios.
 */
export async function convergedBenchmarks(repeats: number, withNumpy: boolean, log: (line: string) => void) {
  const levels = [];
  for (const level of CONVERGED_RECIPE.levels) {
    const steps = stepsFor(level);
    const engine: number[] = [];
    const numpy: number[] = [];
    for (let r = 0; r < repeats; r++) {
      engine.push(await engineStepsPerSecond(level, steps));
      if (withNumpy) numpy.push(numpyStepsPerSecond(level, steps));
    }
    const config = makeConfig(recipeConfig(level, { ...DEFAULT_CONFIG, seed: 0 }));
    const row = {
      density: level.density,
      batch: level.batch,
      kernelsPerStep: await kernelsPerStep(config, 'per-instance'),
      engineStepsPerSecond: round(median(engine)),
      ...(withNumpy && {
        numpyStepsPerSecond: round(median(numpy)),
        engineTimeOverNumpy: round(median(numpy.map((n, k) => n / engine[k]!))),
      }),
      samples: { engine: engine.map(round), ...(withNumpy && { numpy: numpy.map(round) }) },
    };
    log(`converged ${JSON.stringify(row)}`);
    levels.push(row);
  }
  return levels;
}
