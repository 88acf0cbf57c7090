/**
 * Trained models against the no-superposition baseline (baseline.ts), summed up over seeds for the
 * page's statement "where and by how much the trained models beat it" (issue 25). A ratio below 1
 * is an eval loss below the clean ⌊m/2⌋×2 solution's: more than any m-neuron model without
 * superposition computes. Plain TypeScript.
 */
import { compareWithBaseline } from './baseline';
import { band, type Band, type CurveLevel } from './curve';

/** One trained run: its density, seed and exact eval loss (evaluation.ts). */
export interface BaselineRun {
  readonly density: number;
  readonly seed: number;
  readonly evalLoss: number;
}

/** One density's runs against the baseline, over seeds. */
export interface BaselineLevel {
  readonly density: number;
  /** The clean ⌊m/2⌋×2 solution's loss at this density. */
  readonly baseline: number;
  /** Eval loss ÷ baseline over the seeds. */
  readonly ratio: Band;
  /** Features' worth of own ± pairs (baseline.ts equivalentPairs) over the seeds. */
  readonly pairs: Band;
  /** Seeds whose run beats the baseline, and how many seeds there are. */
  readonly beating: number;
  readonly seeds: number;
}

/** Per density (densest first), the runs against the baseline of an m-neuron model with these importances. */
export function baselineLevels(runs: readonly BaselineRun[], importance: ArrayLike<number>, m: number): BaselineLevel[] {
  const densities = [...new Set(runs.map((r) => r.density))].sort((a, b) => b - a);
  return densities.map((density) => {
    const losses = runs.filter((r) => r.density === density).map((r) => r.evalLoss);
    const c = compareWithBaseline(density, losses, importance, m);
    return { density, baseline: c.baseline, ratio: band(c.ratios), pairs: band(c.pairs), beating: c.beating, seeds: losses.length };
  });
}

/**
 * The stretches of a curve (densest first) where every seed's eval loss is below the clean
 * solution's (lossOverClean max < 1), each as its densest and sparsest density; levels without an
 * eval loss end a stretch.
 */
export function beatingStretches(levels: readonly CurveLevel[]): { readonly from: number; readonly to: number; readonly levels: number }[] {
  const stretches: { from: number; to: number; levels: number }[] = [];
  let open: { from: number; to: number; levels: number } | null = null;
  for (const level of levels) {
    if (level.lossOverClean !== null && level.lossOverClean.max < 1) {
      if (open) {
        open.to = level.density;
        open.levels++;
      } else {
        open = { from: level.density, to: level.density, levels: 1 };
        stretches.push(open);
      }
    } else open = null;
  }
  return stretches;
}
