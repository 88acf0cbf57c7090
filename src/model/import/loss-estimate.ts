/**
 * The expected loss of an imported model on fresh data of its density, . The two losses it is read
 * against, the zero model and the clean solution, are src/model/evaluation.ts's `referenceLosses`.
 * Plain float64, seeded, so the same weights always get the same number.
 *
 * The expected loss E Σ_i I_i (|x_i| − y'_i)² splits into the all-zero example, whose probability
 * S^n is known and whose loss is computed once, and the examples with an active feature, which are
 * sampled from their conditional law (a Monte-Carlo estimate with its standard error). Issue 12's
 * src/model/evaluation.ts evaluates the shipped models the same way; once both are on one branch
 * the page should use that module's `evaluateLoss` and drop this one.
 */
import type { NetworkWeights } from '../network';
import { createRng } from '../random';

export interface LossEstimate {
  /** Expected importance-weighted loss per example. */
  readonly loss: number;
  /** Standard error of `loss`, from the sampled examples' variance. */
  readonly standardError: number;
  /** Examples with an active feature that were drawn. */
  readonly examples: number;
}

/** Seed of the evaluation data, distinct from any training seed's streams. */
export const ESTIMATE_SEED = 0x1a4e_57e5;

/**
 * Examples drawn for a model of n features and m neurons: about 2·10^8 multiply-adds per
 * instance (one example costs n·m), at least 2,000 and at most 100,000.
 */
export const estimateExamples = (n: number, m: number): number => Math.max(2_000, Math.min(100_000, Math.round(2e8 / (n * m))));

/** Loss of one example given by its active features (indices and values); `absX` is all zeros on entry and exit. */
function exampleLoss(
  weights: NetworkWeights,
  importance: ArrayLike<number>,
  active: Int32Array,
  values: Float64Array,
  activeCount: number,
  hidden: Float64Array,
  absX: Float64Array,
): number {
  const { W1, W2, b, b1 } = weights;
  for (let j = 0; j < hidden.length; j++) {
    const row = W1[j]!;
    let a = b1 ? b1[j]! : 0;
    for (let k = 0; k < activeCount; k++) a += row[active[k]!]! * values[k]!;
    hidden[j] = Math.max(a, 0);
  }
  for (let k = 0; k < activeCount; k++) absX[active[k]!] = Math.abs(values[k]!);
  let loss = 0;
  for (let i = 0; i < absX.length; i++) {
    const row = W2[i]!;
    let z = b[i]!;
    for (let j = 0; j < hidden.length; j++) z += row[j]! * hidden[j]!;
    const d = absX[i]! - Math.max(z, 0);
    loss += importance[i]! * d * d;
  }
  for (let k = 0; k < activeCount; k++) absX[active[k]!] = 0;
  return loss;
}

/**
 * The expected loss of `weights` (W1 [m][n], W2 [n][m], b [n]) on data of feature density
 * `density` in (0, 1], with importances `importance` [n]: each x_i is 0 with probability 1 −
 * density, else uniform on [−1, 1].
 */
export function estimateLoss(
  weights: NetworkWeights,
  density: number,
  importance: ArrayLike<number>,
  options: { readonly examples?: number; readonly seed?: number } = {},
): LossEstimate {
  const n = weights.W2.length;
  const m = weights.W1.length;
  const examples = options.examples ?? estimateExamples(n, m);
  const rng = createRng(options.seed ?? ESTIMATE_SEED, 0);
  const active = new Int32Array(n);
  const values = new Float64Array(n);
  const hidden = new Float64Array(m);
  const absX = new Float64Array(n);
  const zeroProbability = density >= 1 ? 0 : Math.exp(n * Math.log1p(-density));
  const zeroLoss = exampleLoss(weights, importance, active, values, 0, hidden, absX);
  const logMiss = density >= 1 ? 0 : Math.log1p(-density);
  const nonEmpty = 1 - zeroProbability;
  let mean = 0;
  let squares = 0;
  for (let e = 1; e <= examples; e++) {
    let activeCount = 0;
    if (density >= 1) {
      for (let i = 0; i < n; i++) {
        active[activeCount] = i;
        values[activeCount++] = 2 * rng.next() - 1;
      }
    } else {
      // The first active feature from its law given that one is active, P(F = i) ∝ S^i, then
      // geometric gaps to the next ones: as many draws as active features, not n.
      let i = Math.min(n - 1, Math.floor(Math.log1p(-rng.next() * nonEmpty) / logMiss));
      while (i < n) {
        active[activeCount] = i;
        values[activeCount++] = 2 * rng.next() - 1;
        i += 1 + Math.floor(Math.log1p(-rng.next()) / logMiss);
      }
    }
    const loss = exampleLoss(weights, importance, active, values, activeCount, hidden, absX);
    // Welford's running mean and sum of squares.
    const delta = loss - mean;
    mean += delta / e;
    squares += delta * (loss - mean);
  }
  const variance = examples > 1 ? squares / (examples - 1) : 0;
  return { loss: zeroProbability * zeroLoss + nonEmpty * mean, standardError: nonEmpty * Math.sqrt(variance / examples), examples };
}
