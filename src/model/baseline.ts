/**
 * The no-superposition baseline (issue 25): what a model that gives every feature it computes
 * neurons of its own can reach, to say where and by how much the trained models beat it.
 *
 * A model of m neurons without superposition computes |x_i| exactly for k ≤ ⌊m/2⌋ features, each
 * with its own ± pair (ReLU(x_i), ReLU(−x_i)), and outputs the best constant E|x_i| = (1 − S)/2
 * for every other feature, which then costs I_i·Var|x_i| = I_i·((1 − S)/3 − (1 − S)²/4). Its best
 * choice is the k most important features, and its loss falls with k, so the best such model is
 * the clean 20×2 solution (k = ⌊m/2⌋; evaluation.ts cleanSolutionLoss; SPEC §6 gives 4.8e-3 …
 * 1.9e-5 for 1 − S = 1 … 0.001). A neuron of its own for one side only (ReLU(x_i) alone) recovers
 * at most half of Var|x_i| (exactly half as 1 − S → 0, 1/5 at 1 − S = 1), no more per neuron than
 * the second neuron of a pair, so pairs of the most important features stay the best use of m
 * neurons without sharing. A trained model below the clean loss computes more than any model
 * without superposition can.
 *
 * Plain TypeScript; importance I_i in any order (the functions sort it), density 1 − S in (0, 1].
 */
import { cleanSolutionLoss } from './evaluation';

/** The loss of the best model giving each of k features its own pair (the k most important), the rest constants. */
export function pairsBaselineLoss(density: number, importance: ArrayLike<number>, k: number): number {
  if (!(density > 0 && density <= 1)) throw new RangeError(`density must be in (0, 1], got ${density}`);
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  return cleanSolutionLoss(density, importance, k);
}

/** The best loss without superposition for m neurons: the clean ⌊m/2⌋×2 solution. */
export function noSuperpositionLoss(density: number, importance: ArrayLike<number>, m: number): number {
  return pairsBaselineLoss(density, importance, Math.floor(m / 2));
}

/**
 * The number of features with own pairs a model without superposition would need to reach `loss`:
 * the smallest k with pairsBaselineLoss(k) ≤ loss, interpolated linearly between k − 1 and k so
 * that it moves smoothly with the loss; `Infinity` when no k ≤ n reaches it (a loss below the
 * all-computed 0), 0 when the zero-pair model already does. A value above ⌊m/2⌋ means the model
 * beats every model of m neurons without superposition.
 */
export function equivalentPairs(loss: number, density: number, importance: ArrayLike<number>): number {
  const n = importance.length;
  let previous = pairsBaselineLoss(density, importance, 0);
  if (loss >= previous) return 0;
  for (let k = 1; k <= n; k++) {
    const current = pairsBaselineLoss(density, importance, k);
    if (current <= loss) return k - 1 + (previous - loss) / (previous - current);
    previous = current;
  }
  return Number.POSITIVE_INFINITY;
}

/** How a set of runs at one density compares with the baseline. */
export interface BaselineComparison {
  readonly density: number;
  /** The clean ⌊m/2⌋×2 solution's loss. */
  readonly baseline: number;
  /** Each run's eval loss ÷ baseline, in the order given; below 1 beats it. */
  readonly ratios: readonly number[];
  /** How many of the runs beat the baseline. */
  readonly beating: number;
  /** Each run's equivalentPairs, in the order given. */
  readonly pairs: readonly number[];
}

/** The runs' eval losses at `density` against the baseline of an m-neuron model. */
export function compareWithBaseline(
  density: number,
  evalLosses: readonly number[],
  importance: ArrayLike<number>,
  m: number,
): BaselineComparison {
  const baseline = noSuperpositionLoss(density, importance, m);
  const ratios = evalLosses.map((l) => l / baseline);
  return {
    density,
    baseline,
    ratios,
    beating: ratios.filter((r) => r < 1).length,
    pairs: evalLosses.map((l) => equivalentPairs(l, density, importance)),
  };
}
