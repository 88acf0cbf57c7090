/**
 * The density curve's recipe family: one rule that gives every density in (0, 1] its recipe, each
 * hyperparameter a continuous, monotone function of density, the same recipe for every seed at a
 * density (issue 25). The older curve trained each grid level with the nearest paper level's
 * converged recipe, so its transitions sat on recipe seams (batch 256 → 2,048, 40,000 → 10,000
 * steps, output bias 0.02 → 0 between 1 − S = 0.03 and 0.0228); this family has none.
 *
 * The rule, with u = log10(1/density) (0 at 1 − S = 1, 3 at 0.001):
 * - **batch** = max(128, 16 / density), rounded: each feature occurs about 16 times a step at
 *   densities under 1/8 (SPEC §6: the sparse levels are limited by feature occurrences per step),
 *   128 examples above (the dense end's small batches break its symmetry plateau). The paper
 *   levels get 128, 128, 160, 533, 1,600, 5,333 and 16,000 (converged: 128, 128, 128, 256, 2,048,
 *   4,096, 16,384).
 * - **steps** = a fixed compute budget over the cost of a step, FAMILY_BUDGET_ROWS /
 *   (FAMILY_STEP_OVERHEAD_ROWS + expectedRows), rounded to 100: 12,000 at the dense end (what
 *   lr 2e-2 needs to leave the symmetry plateau at every seed tried), falling smoothly to 3,800 at
 *   0.03, 2,000 at 0.01 and 1,400 at 0.001, where a step computes about 1,500 rows. Every level
 *   costs about the same wall time (30–60 s on wasm on the shared 2-core machine). The budget is
 *   what lets 25 densities × 3 seeds train in under an hour on that machine: the sparse levels get
 *   a fraction of the converged recipe’s steps and land above its losses (docs/training.md).
 * - **peak learning rate**: log-linear in u between anchors (1, 2e-2), (0.3, 1e-2), (0.03, 1e-2),
 *   (0.01, 3e-3), constant beyond them; 2e-2 leaves the dense symmetry plateau within 12,000
 *   steps (docs/training.md, the live recipe), 3e-3 is the converged sparse levels' rate.
 * - **schedule**: 300 warmup steps, flat, then a half-cosine decay to 0 over the last fraction f
 *   of the steps, f log-linear in u from 0.25 at 0.03 to 1 at 0.01 (f = 1 is the converged
 *   sparse levels' cosine schedule; 0.25 the dense levels' warmup-stable-decay).
 * - **output bias start** 0.02 and Adam ε 1e-8 and init standard deviation 0.02 at every density.
 *
 * Plain TypeScript (no TF.js).
 */
import { PAPER_DENSITIES } from './config';
import { expectedRows, type LevelRecipe, type Recipe } from './recipe';

/**
 * A step's fixed cost in rows for the family's budget: measured on wasm on the 2-core machine, a
 * single instance's step costs roughly in proportion to its rows, with a small fixed part (2.4 ms
 * at batch 128, 11 ms at 533 rows, 13 ms at 1,520 rows under varying load). Smaller than
 * recipe.ts's STEP_OVERHEAD_ROWS, which sizes runs of several instances.
 */
export const FAMILY_STEP_OVERHEAD_ROWS = 50;
/** The compute budget of one level in rows (steps × (overhead + rows a step)): 12,000 steps of batch 128 at 1 − S = 1. */
export const FAMILY_BUDGET_ROWS = 12_000 * (FAMILY_STEP_OVERHEAD_ROWS + 128);

/** Feature occurrences a step at sparse densities (batch × density). */
export const FAMILY_OCCURRENCES_PER_STEP = 16;
const MIN_BATCH = 128;
const WARMUP_STEPS = 300;
const N_FEATURES = 100;

/** (density, value) anchors, densest first. */
type Anchors = readonly (readonly [number, number])[];
const LEARNING_RATE: Anchors = [
  [1, 2e-2],
  [0.3, 1e-2],
  [0.03, 1e-2],
  [0.01, 3e-3],
];
const DECAY_FRACTION: Anchors = [
  [0.03, 0.25],
  [0.01, 1],
];

/**
 * Piecewise linear interpolation of log(value) in log(density) between `anchors`, constant
 * outside them: monotone whenever the anchors' values are.
 */
export function logInterpolate(anchors: Anchors, density: number): number {
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (density >= first[0]) return first[1];
  if (density <= last[0]) return last[1];
  for (let k = 1; k < anchors.length; k++) {
    const [d0, v0] = anchors[k - 1]!;
    const [d1, v1] = anchors[k]!;
    if (density >= d1) {
      const t = Math.log(d0 / density) / Math.log(d0 / d1);
      return Math.exp((1 - t) * Math.log(v0) + t * Math.log(v1));
    }
  }
  return last[1];
}

/**
 * The family's recipe at `density` (module comment), for the n = 100 model whose rows it counts.
 * @throws RangeError when density is not in (0, 1].
 */
export function familyRecipe(density: number): LevelRecipe {
  if (!(density > 0 && density <= 1)) throw new RangeError(`density must be in (0, 1], got ${density}`);
  const batch = Math.round(Math.max(MIN_BATCH, FAMILY_OCCURRENCES_PER_STEP / density));
  const rows = expectedRows({ density, batch }, N_FEATURES);
  const steps = 100 * Math.round(FAMILY_BUDGET_ROWS / (FAMILY_STEP_OVERHEAD_ROWS + rows) / 100);
  return {
    density,
    batch,
    steps,
    learningRate: Number(logInterpolate(LEARNING_RATE, density).toPrecision(3)),
    schedule: {
      kind: 'warmup-stable-decay',
      warmupSteps: WARMUP_STEPS,
      decayFraction: Number(logInterpolate(DECAY_FRACTION, density).toFixed(3)),
    },
    adamEpsilon: 1e-8,
    initStd: 0.02,
    outputBiasInit: 0.02,
  };
}

/** The family at the seven paper levels, as a named recipe (the sweep CLI's `--recipe curve`). */
export const CURVE_RECIPE: Recipe = Object.freeze({
  name: 'curve',
  summary: 'The density curve’s recipe family: every hyperparameter a continuous, monotone function of density (recipe-family.ts).',
  levels: Object.freeze(PAPER_DENSITIES.map((density) => Object.freeze(familyRecipe(density)))),
});
