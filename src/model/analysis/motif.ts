/**
 * Detector for the asymmetric superposition motif (the paper's #computation-asymmetric-motif; the
 * rule and its thresholds are collected in docs/analysis.md).
 *
 * The paper's example: an asymmetric neuron with input weights [2, −½] on features a and b and
 * output weights [½, 2] reproduces x_a on a's output and |x_b| on b's, but a alone also pushes 4·x_a
 * onto b's output; an inhibition neuron that also reads a (with the same sign) writes a large
 * negative weight onto b's output, and b's output ReLU clips what is left. The paper gives no
 * detection rule; this one restates the example as conditions, weight rules on the normalised weights
 * (normalise.ts: each neuron's largest |W1| is 1) and a measurement on the running model.
 *
 * Neuron j is an asymmetric neuron with partner k when
 *   1. j's largest feature is a and its second largest b, with
 *      `inputRatio` = |W1[j,b]| / |W1[j,a]| in [0.1, 0.5]: b is stored, but more weakly than a
 *      (the example: ¼). Below 0.1, b is noise; above 0.5 the neuron is not asymmetric.
 *   2. W2[a,j] > 0, W2[b,j] > 0 and `outputRatio` = W2[b,j] / W2[a,j] ≥ 2 (the example: 4): the
 *      weak input is compensated by a strong output, so b's interference on a is small and a's on b
 *      large.
 *   3. j computes a real part of both features: its gains W2[a,j]·|W1[j,a]| and W2[b,j]·|W1[j,b]|
 *      are each ≥ 0.25 (the example: 1 and 1).
 *   Then the model is run on x = σ·e_a, σ = sign(W1[j,a]) (a alone, at the largest input value, on
 *   the side where j fires). With h the hidden activations:
 *   4. `interference` = W2[b,j]·h_j, what j pushes onto b's output, is ≥ 1 (the example: 4): a
 *      interferes with b at least as strongly as a's own target |x_a| = 1, or there is little to
 *      inhibit.
 *   5. The inhibitors are the other neurons k ≠ j that fire on this input (so W1[k,a] has the sign
 *      of W1[j,a]) and take back at least 5% of the interference; the partner is the strongest.
 *      Its `cancellation` −W2[b,k]·h_k must be ≥ ½·interference: one neuron does most of the work.
 *      (Trained models sometimes share it between two; all inhibitors are listed.)
 *   6. The interference is actually removed: b's output on this input exceeds its output at rest
 *      (x = 0) by at most ¼ of the interference.
 *   7. The model does compute both features on j's sides: its output a on x = σ·e_a, and its output
 *      b on x = sign(W1[j,b])·e_b, are each within 0.35 of the target 1. The motif is a way of
 *      computing a and b; in a network that does not compute them it is a coincidence.
 * Conditions 3–7 are what separate the motif from chance alignments of weights: on trained motif
 * models they hardly bind (docs/motif.md), on random networks they reject nearly everything.
 */
import { RELU } from '../activation';
import { forward, type NetworkWeights } from '../network';
import { normaliseNeurons, type NormalisedWeights } from './normalise';

export interface MotifThresholds {
  /** Condition 1: allowed range of |W1[j,b]| / |W1[j,a]|. */
  readonly minInputRatio: number;
  readonly maxInputRatio: number;
  /** Condition 2: least W2[b,j] / W2[a,j]. */
  readonly minOutputRatio: number;
  /** Condition 3: least gain of j on each of a and b. */
  readonly minGain: number;
  /** Condition 4: least interference of j on b when a alone is active at 1. */
  readonly minInterference: number;
  /** Condition 5: least cancellation, as a fraction of the interference. */
  readonly minCancelFraction: number;
  /** Condition 6: most residual rise of b's output, as a fraction of the interference. */
  readonly maxResidualFraction: number;
  /** Condition 7: largest |output − 1| on a alone and on b alone. */
  readonly maxOutputError: number;
}

export const MOTIF_THRESHOLDS: MotifThresholds = Object.freeze({
  minInputRatio: 0.1,
  maxInputRatio: 0.5,
  minOutputRatio: 2,
  minGain: 0.25,
  minInterference: 1,
  minCancelFraction: 0.5,
  maxResidualFraction: 0.25,
  maxOutputError: 0.35,
});

export interface MotifInstance {
  /** j: stores a strongly and b weakly, writes a weakly and b strongly. */
  readonly asymmetricNeuron: number;
  /** k: reads a with the same sign and inhibits b's output hardest. */
  readonly inhibitionNeuron: number;
  /** The neurons that fire on a alone and take back ≥ 5% of the interference, hardest first. */
  readonly inhibitors: readonly { readonly neuron: number; readonly cancellation: number }[];
  readonly featureA: number;
  readonly featureB: number;
  /** Signs of W1[j,a] and W1[j,b]: which side of each feature j carries. */
  readonly signA: 1 | -1;
  readonly signB: 1 | -1;
  /** |W1[j,b]| / |W1[j,a]| (the example: ¼). */
  readonly inputRatio: number;
  /** W2[b,j] / W2[a,j] (the example: 4). */
  readonly outputRatio: number;
  /** Normalised weights of j: W1[j,a], W1[j,b], W2[a,j], W2[b,j]. */
  readonly asymmetricWeights: { readonly inA: number; readonly inB: number; readonly outA: number; readonly outB: number };
  /** Normalised weights of k: W1[k,a] and W2[b,k]. */
  readonly inhibitionWeights: { readonly inA: number; readonly outB: number };
  /** On x = signA·e_a: j's push W2[b,j]·h_j onto b's output pre-activation. */
  readonly interference: number;
  /** On x = signA·e_a: −W2[b,k]·h_k, how much of it k takes back. */
  readonly cancellation: number;
  /** On x = signA·e_a: what all inhibitors together take back. */
  readonly totalCancellation: number;
  /** b's output on x = signA·e_a, on x = 0, and on x = signA·e_a with k silenced. */
  readonly outputB: number;
  readonly outputBAtRest: number;
  readonly outputBWithoutInhibition: number;
  /** a's output on x = signA·e_a, and b's on x = signB·e_b (the targets are 1). */
  readonly outputA: number;
  readonly outputBAlone: number;
}

/** Neurons taking back less than this share of the interference are not listed as inhibitors. */
const INHIBITOR_SHARE = 0.05;

const sign = (v: number): 1 | -1 => (v >= 0 ? 1 : -1);

/** The two largest |row| entries' indices (second is −1 if the row has fewer than two non-zeros). */
function topTwo(row: readonly number[]): [number, number] {
  let first = -1;
  let second = -1;
  row.forEach((v, i) => {
    const a = Math.abs(v);
    if (a === 0) return;
    if (first < 0 || a > Math.abs(row[first]!)) {
      second = first;
      first = i;
    } else if (second < 0 || a > Math.abs(row[second]!)) {
      second = i;
    }
  });
  return [first, second];
}

/** b's output with neuron k's activation removed from the given forward pass. */
function outputWithout(weights: NetworkWeights, hidden: Float64Array, feature: number, silenced: number): number {
  const row = weights.W2[feature]!;
  let z = weights.b[feature]!;
  hidden.forEach((h, j) => {
    if (j !== silenced) z += row[j]! * h;
  });
  return RELU.output(z);
}

/**
 * Every instance of the motif, one per asymmetric neuron, in neuron order. `normalised` is
 * normaliseNeurons(weights), passed by a caller that has it already.
 */
export function findMotifs(
  weights: NetworkWeights,
  thresholds: MotifThresholds = MOTIF_THRESHOLDS,
  normalised: NormalisedWeights = normaliseNeurons(weights),
): MotifInstance[] {
  const norm = normalised;
  const n = weights.W2.length;
  const found: MotifInstance[] = [];
  norm.W1.forEach((row, j) => {
    const [a, b] = topTwo(row);
    if (a < 0 || b < 0) return;
    const inA = row[a]!;
    const inB = row[b]!;
    const outA = norm.W2[a]![j]!;
    const outB = norm.W2[b]![j]!;
    const inputRatio = Math.abs(inB) / Math.abs(inA);
    if (inputRatio < thresholds.minInputRatio || inputRatio > thresholds.maxInputRatio) return;
    if (!(outA > 0 && outB > 0)) return;
    const outputRatio = outB / outA;
    if (outputRatio < thresholds.minOutputRatio) return;
    if (outA * Math.abs(inA) < thresholds.minGain || outB * Math.abs(inB) < thresholds.minGain) return;

    const x = new Float64Array(n);
    x[a] = sign(inA);
    const { hidden, output } = forward(weights, x, RELU);
    const interference = weights.W2[b]![j]! * hidden[j]!;
    if (interference < thresholds.minInterference) return;
    const inhibitors = [...hidden]
      .map((h, k) => ({ neuron: k, cancellation: -weights.W2[b]![k]! * h }))
      .filter((p) => p.neuron !== j && p.cancellation >= INHIBITOR_SHARE * interference)
      .sort((p, q) => q.cancellation - p.cancellation);
    const strongest = inhibitors[0];
    if (!strongest || strongest.cancellation < thresholds.minCancelFraction * interference) return;
    const partner = strongest.neuron;
    const outputB = output[b]!;
    const outputBAtRest = RELU.output(weights.b[b]!);
    if (outputB - outputBAtRest > thresholds.maxResidualFraction * interference) return;
    const outputA = output[a]!;
    const xb = new Float64Array(n);
    xb[b] = sign(inB);
    const outputBAlone = forward(weights, xb, RELU).output[b]!;
    if (Math.abs(outputA - 1) > thresholds.maxOutputError || Math.abs(outputBAlone - 1) > thresholds.maxOutputError) return;
    found.push({
      asymmetricNeuron: j,
      inhibitionNeuron: partner,
      inhibitors,
      featureA: a,
      featureB: b,
      signA: sign(inA),
      signB: sign(inB),
      inputRatio,
      outputRatio,
      asymmetricWeights: { inA, inB, outA, outB },
      inhibitionWeights: { inA: norm.W1[partner]![a]!, outB: norm.W2[b]![partner]! },
      interference,
      cancellation: strongest.cancellation,
      totalCancellation: inhibitors.reduce((sum, p) => sum + p.cancellation, 0),
      outputB,
      outputBAtRest,
      outputBWithoutInhibition: outputWithout(weights, hidden, b, partner),
      outputA,
      outputBAlone,
    });
  });
  return found;
}

/** The inhibition neuron's own main feature and what it does to b's output (issue 23: the page must say so). */
export interface InhibitionOwnFeature {
  /** c: the inhibition neuron k's largest |W1[k, :]| entry; may be a (or b) itself. */
  readonly feature: number;
  /** Sign of W1[k, c]: the side of c on which k fires. */
  readonly sign: 1 | -1;
  /** Normalised weights of k (each neuron's largest |W1| is 1): W1[k, c] (±1), W2[c, k] and W2[b, k]. */
  readonly inWeight: number;
  readonly outOwn: number;
  readonly outB: number;
  /** On x = sign·e_c (c alone at full size, on k's side): k's push W2[b, k]·h_k onto b's output pre-activation. */
  readonly push: number;
  /** On the same input: the whole model's change of b's output pre-activation from rest (x = 0). */
  readonly netOnB: number;
}

/** b's output pre-activation b_b + Σ_j W2[b, j]·h_j for the hidden activations `hidden`. */
function preActivation(weights: NetworkWeights, hidden: ArrayLike<number>, feature: number): number {
  const row = weights.W2[feature]!;
  let z = weights.b[feature]!;
  for (let j = 0; j < hidden.length; j++) z += row[j]! * hidden[j]!;
  return z;
}

/**
 * The main feature c of `motif`'s inhibition neuron k, and whether c also pushes b's output down:
 * k fires whenever c is active on its side, and writes W2[b, k] < 0 onto b, so c inhibits b too
 * unless other neurons make up for it. Measured on x = sign(W1[k, c])·e_c with every other input 0.
 * `weights`: W1 [m, n], W2 [n, m], b [n]; `normalised` = normaliseNeurons(weights) if the caller has it.
 */
export function inhibitionOwnFeature(
  weights: NetworkWeights,
  motif: Pick<MotifInstance, 'inhibitionNeuron' | 'featureB'>,
  normalised: NormalisedWeights = normaliseNeurons(weights),
): InhibitionOwnFeature {
  const k = motif.inhibitionNeuron;
  const b = motif.featureB;
  const [c] = topTwo(normalised.W1[k]!);
  const feature = Math.max(0, c);
  const inWeight = normalised.W1[k]![feature]!;
  const s = sign(inWeight);
  const x = new Float64Array(weights.W2.length);
  x[feature] = s;
  const { hidden } = forward(weights, x, RELU);
  const rest = preActivation(weights, forward(weights, new Float64Array(x.length), RELU).hidden, b);
  return {
    feature,
    sign: s,
    inWeight,
    outOwn: normalised.W2[feature]![k]!,
    outB: normalised.W2[b]![k]!,
    push: weights.W2[b]![k]! * hidden[k]!,
    netOnB: preActivation(weights, hidden, b) - rest,
  };
}
