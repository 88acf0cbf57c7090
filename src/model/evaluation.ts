/**
 * The expected loss of a trained model on fresh data, and the two reference losses a trained
 * model is read against (the zero model and the clean "k features, two neurons each" solution).
 * Plain TypeScript in float64, seeded: the same weights always get the same number.
 *
 * The loss of one example is Σ_i I_i (|x_i| − y'_i)² (docs/weights.md, "The model"). Its expectation splits exactly
 * into the all-zero example, whose probability S^n is known and whose loss is computed once, and
 * the examples with at least one active feature, which are sampled from their conditional
 * distribution. A training batch's loss mixes the two by chance; at 1 − S = 0.001 (P(all zero) ≈
 * 0.9) that alone moves a 1,024-example batch's loss by tens of percent.
 */
import { type Activation, RELU } from './activation';
import type { NetworkWeights } from './network';
import { createRng, type Rng } from './random';

/** Non-empty examples an evaluation draws unless told otherwise (the issue asks for ≥ 10^5). */
export const DEFAULT_EVALUATION_EXAMPLES = 100_000;
/** Seed of the evaluation data. Its streams are disjoint from training's (see `evaluationStream`). */
export const EVALUATION_SEED = 0x5eed_e7a1;

export interface LossEstimate {
  /** Expected loss per example, importance-weighted (the all-zero example weighted by S^n). */
  readonly loss: number;
  /** Standard error of `loss` (from the non-empty examples' sample variance). */
  readonly standardError: number;
  /** Non-empty examples drawn. */
  readonly examples: number;
  /** S^n: the probability of the all-zero example. */
  readonly zeroExampleProbability: number;
  /** The all-zero example's loss, Σ_i I_i σ(b_i)² without a hidden bias (σ = ReLU unless given). */
  readonly zeroExampleLoss: number;
}

export interface EvaluationOptions {
  readonly examples?: number;
  readonly seed?: number;
  /** The model's nonlinearity (activation.ts). Absent: ReLU. */
  readonly activation?: Activation;
}

/** A stream id for density `density`'s evaluation data, away from the ids training uses. */
function evaluationStream(density: number): number {
  const words = new Uint32Array(new Float64Array([density]).buffer);
  return (Math.imul(words[0]! ^ 0x2545f491, 0x27d4eb2f) ^ words[1]! ^ 0xe7a1) >>> 0;
}

/** The weights as flat float64 arrays: W1 and W2 both column by column (W1T[i·m + j] = W1[j][i], W2T[j·n + i] = W2[i][j]). */
interface FlatWeights {
  readonly n: number;
  readonly m: number;
  readonly W1T: Float64Array;
  readonly W2T: Float64Array;
  readonly b: Float64Array;
  readonly b1: Float64Array;
}

function flatten(weights: NetworkWeights): FlatWeights {
  const m = weights.W1.length;
  const n = weights.W2.length;
  const W1T = new Float64Array(n * m);
  const W2T = new Float64Array(n * m);
  for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) W1T[i * m + j] = weights.W1[j]![i]!;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) W2T[j * n + i] = weights.W2[i]![j]!;
  return { n, m, W1T, W2T, b: Float64Array.from(weights.b), b1: weights.b1 ? Float64Array.from(weights.b1) : new Float64Array(m) };
}

/** Reused buffers of one evaluation, and its nonlinearity. */
interface Scratch {
  readonly sigma: (z: number) => number;
  readonly hidden: Float64Array;
  readonly output: Float64Array;
  readonly absX: Float64Array;
}

/**
 * Loss of the example whose active features are `active[0 … count)` with values `values[…]`, the
 * others 0. Works from the active features and the active neurons only (O(count·m + n·active
 * neurons)): at sparse levels an example drives a handful of the 40 neurons. A neuron whose
 * activation σ(a_j) is 0 adds nothing to the outputs and is skipped.
 */
function sparseExampleLoss(
  w: FlatWeights,
  importance: ArrayLike<number>,
  active: Int32Array,
  values: Float64Array,
  count: number,
  { sigma, hidden, output, absX }: Scratch,
): number {
  const { n, m, W1T, W2T, b, b1 } = w;
  hidden.set(b1);
  for (let k = 0; k < count; k++) {
    const base = active[k]! * m;
    const x = values[k]!;
    for (let j = 0; j < m; j++) hidden[j]! += W1T[base + j]! * x;
  }
  output.set(b);
  for (let j = 0; j < m; j++) {
    const h = sigma(hidden[j]!);
    if (h === 0) continue;
    const base = j * n;
    for (let i = 0; i < n; i++) output[i]! += W2T[base + i]! * h;
  }
  for (let k = 0; k < count; k++) absX[active[k]!] = Math.abs(values[k]!);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const d = absX[i]! - sigma(output[i]!);
    loss += importance[i]! * d * d;
  }
  for (let k = 0; k < count; k++) absX[active[k]!] = 0;
  return loss;
}

/**
 * Draws one example conditioned on having an active feature: the first active feature F from its
 * truncated geometric law P(F = i) = (1 − p)^i p / (1 − (1 − p)^n), every later feature active
 * with probability p independently, each active value uniform on [−1, 1]. Returns the count.
 */
function drawNonEmpty(rng: Rng, density: number, n: number, active: Int32Array, values: Float64Array): number {
  let count = 0;
  if (density >= 1) {
    for (let i = 0; i < n; i++) {
      active[count] = i;
      values[count++] = 2 * rng.next() - 1;
    }
    return count;
  }
  const logMiss = Math.log1p(-density);
  const nonEmpty = -Math.expm1(n * logMiss);
  let i = Math.min(n - 1, Math.floor(Math.log1p(-rng.next() * nonEmpty) / logMiss));
  while (i < n) {
    active[count] = i;
    values[count++] = 2 * rng.next() - 1;
    i += 1 + Math.floor(Math.log1p(-rng.next()) / logMiss);
  }
  return count;
}

/**
 * Non-empty examples for evaluating a model of n features and m neurons in a reader's browser
 * (an imported model of any size): about 2·10^8 multiply-adds, at least 2,000 and at most
 * DEFAULT_EVALUATION_EXAMPLES.
 */
export const evaluationExamplesFor = (n: number, m: number): number =>
  Math.max(2_000, Math.min(DEFAULT_EVALUATION_EXAMPLES, Math.round(2e8 / (n * m))));

/**
 * The expected loss of `weights` on data of feature density `density`: the all-zero example
 * weighted by its probability S^n, plus `examples` non-empty examples drawn from their conditional
 * law (a fixed seeded stream per density, so every model of a level sees the same examples).
 * `importance` has n entries.
 */
export function evaluateLoss(
  weights: NetworkWeights,
  density: number,
  importance: ArrayLike<number>,
  options: EvaluationOptions = {},
): LossEstimate {
  const w = flatten(weights);
  const { n, m } = w;
  const examples = options.examples ?? DEFAULT_EVALUATION_EXAMPLES;
  const rng = createRng(options.seed ?? EVALUATION_SEED, evaluationStream(density));
  const active = new Int32Array(n);
  const values = new Float64Array(n);
  const scratch: Scratch = {
    sigma: (options.activation ?? RELU).output,
    hidden: new Float64Array(m),
    output: new Float64Array(n),
    absX: new Float64Array(n),
  };

  const zeroExampleProbability = density >= 1 ? 0 : Math.exp(n * Math.log1p(-density));
  const zeroExampleLoss = sparseExampleLoss(w, importance, active, values, 0, scratch);

  // Welford's running mean and variance: 10^6 terms spanning orders of magnitude.
  let mean = 0;
  let m2 = 0;
  for (let e = 1; e <= examples; e++) {
    const count = drawNonEmpty(rng, density, n, active, values);
    const loss = sparseExampleLoss(w, importance, active, values, count, scratch);
    const delta = loss - mean;
    mean += delta / e;
    m2 += delta * (loss - mean);
  }
  const variance = examples > 1 ? m2 / (examples - 1) : 0;
  const nonEmpty = 1 - zeroExampleProbability;
  return {
    loss: zeroExampleProbability * zeroExampleLoss + nonEmpty * mean,
    standardError: nonEmpty * Math.sqrt(variance / examples),
    examples,
    zeroExampleProbability,
    zeroExampleLoss,
  };
}

/** Σ_i I_i. */
function total(importance: ArrayLike<number>, from = 0): number {
  let sum = 0;
  for (let i = from; i < importance.length; i++) sum += importance[i]!;
  return sum;
}

/**
 * The loss of the model that outputs 0 everywhere: E[x_i²] = density/3 per feature, so
 * density/3 · Σ_i I_i (1.667 at density 1 for n = 100, I_i = 0.8^i).
 */
export function zeroModelLoss(density: number, importance: ArrayLike<number>): number {
  return (density / 3) * total(importance);
}

/**
 * The loss of the clean solution with `pairs` neuron pairs: the `pairs` most important features
 * each get two neurons (ReLU(x_i) and ReLU(−x_i), computing |x_i| exactly, no interference), every
 * other feature outputs its best constant E|x_i| = density/2 and pays Var|x_i| = density/3 −
 * density²/4. With m = 40 neurons, `pairs` = 20 (4.8e-3 at density 1 for n = 100, I_i = 0.8^i).
 */
export function cleanSolutionLoss(density: number, importance: ArrayLike<number>, pairs: number): number {
  const sorted = Array.from(importance).sort((a, b) => b - a);
  return (density / 3 - (density * density) / 4) * total(sorted, Math.min(pairs, sorted.length));
}

/** Both reference losses of a level, for a model of `m` neurons (the clean solution has ⌊m/2⌋ pairs). */
export function referenceLosses(density: number, importance: ArrayLike<number>, m: number): { zeroModel: number; clean: number } {
  return { zeroModel: zeroModelLoss(density, importance), clean: cleanSolutionLoss(density, importance, Math.floor(m / 2)) };
}
