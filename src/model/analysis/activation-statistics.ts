/**
 * What a hidden neuron responds to (SPEC §7, issue 23): its activations over inputs sampled at the
 * model's density, each attributed to the feature that contributes most to it (its dominant
 * feature: the largest term W1[j,i]·x_i), and the paper's claim about polysemantic neurons measured
 * on them: their largest activations come from their primary feature, their weaker ones are shared.
 *
 * Definitions (all per neuron j; "primary" is its feature with the largest |W1[j,i]|, neurons.ts):
 * - Counted activations: those ≥ the floor, `floorFraction` (0.1) × the neuron's largest |W1|
 *   weight, so that the countless tiny activations from stray small weights do not swamp the
 *   counts; the same statistics are also given with no floor (every activation > 0) to show the
 *   floor's effect.
 * - Top share: of the ceil(`topFraction` · count) largest counted activations (the top 1%), the
 *   share whose dominant feature is the primary.
 * - Rest share: the same share among the other counted activations ("below the top").
 * - Effective features below the top: 1 / Σ_i p_i², p_i the share of the rest dominated by feature
 *   i (inverse Simpson index: 1 when one feature dominates them all, k for k equally often).
 * - Bin shares: the primary share of activations in bins of activation ÷ the neuron's largest
 *   weight, [0, .1) [.1, .2) [.2, .4) [.4, .7) [.7, 1) [1, ∞), pooled over the polysemantic neurons.
 * Inputs are drawn by data.ts's generator (x_i = 0 with probability 1 − density, else uniform on
 * [−1, 1]) from a seeded stream of their own, so the result is a function of (weights, density,
 * seed, samples). Inputs with no active feature give every neuron a zero activation (the shipped
 * models have no hidden bias) and are drawn but never counted. Cost: O(samples · density · n · m).
 */
import { createBatchGenerator } from '../data';
import type { NetworkWeights } from '../network';
import { createRng, STREAM } from '../random';
import { NeuronAccumulator, type TopInput } from './activation-accumulator';
import { analyseNeurons, type NeuronKind } from './neurons';
import { summariseNeuron, summarise, type ActivationSummary, type NeuronShares } from './activation-summary';

export interface ActivationStatisticsOptions {
  /** Inputs drawn (rounded up to whole batches of 4096). Default 10^6. */
  readonly samples?: number;
  /** Seed of the input stream. Default 0. */
  readonly seed?: number;
  /** The floor as a fraction of the neuron's largest |W1| weight. Default 0.1. */
  readonly floorFraction?: number;
  /** The top share's fraction of counted activations. Default 0.01. */
  readonly topFraction?: number;
  /** Histogram bin width as a fraction of the neuron's largest |W1| weight. Default 0.05. */
  readonly binFraction?: number;
  /** How many of the largest activations to keep with their inputs. Default 8. */
  readonly topInputs?: number;
}

/** One bar of a neuron's histogram: activations in [from, to), by dominant feature (largest count first). */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly total: number;
  readonly byFeature: readonly { readonly feature: number; readonly count: number }[];
}

export interface NeuronActivationStatistics {
  readonly neuron: number;
  readonly kind: NeuronKind;
  readonly primary: number;
  /** The neuron's largest |W1| weight, the unit the floor and bins are measured in. */
  readonly scale: number;
  /** floorFraction × scale, in activation units. */
  readonly floor: number;
  /** Inputs on which the neuron's activation is > 0. */
  readonly fired: number;
  readonly largest: number;
  /** Positive activations, by dominant feature, in bins of binFraction × scale from 0. */
  readonly histogram: readonly HistogramBin[];
  /** The largest activations with their inputs, largest first. */
  readonly topInputs: readonly TopInput[];
  /** The shares with the floor and without it. */
  readonly withFloor: NeuronShares;
  readonly withoutFloor: NeuronShares;
}

export interface ActivationStatistics {
  readonly density: number;
  readonly seed: number;
  readonly samples: number;
  readonly floorFraction: number;
  readonly topFraction: number;
  readonly neurons: readonly NeuronActivationStatistics[];
  /** Medians over the polysemantic neurons and pooled bin shares. */
  readonly summary: ActivationSummary;
}

const BATCH = 4096;
/** Mixed into the data stream id so the statistics never reuse a training run's inputs. */
const STATISTICS_STREAM = 0x5eed_ac71;

/**
 * Samples inputs at `density` and gathers each neuron's activations (see the module comment).
 * W1: [m, n] neuron-major. Deterministic given the options. Throws a RangeError when density is
 * outside (0, 1] or samples is not a positive number.
 */
export function measureActivationStatistics(
  weights: NetworkWeights,
  density: number,
  options: ActivationStatisticsOptions = {},
): ActivationStatistics {
  const { samples = 1e6, seed = 0, floorFraction = 0.1, topFraction = 0.01, binFraction = 0.05, topInputs = 8 } = options;
  if (!(density > 0 && density <= 1)) throw new RangeError(`activation statistics: density ${density} is not in (0, 1]`);
  if (!(samples >= 1)) throw new RangeError(`activation statistics: samples ${samples} is not a positive number`);
  const m = weights.W1.length;
  const n = weights.W2.length;
  const neurons = analyseNeurons(weights);
  const batches = Math.ceil(samples / BATCH);
  const drawn = batches * BATCH;
  const topCapacity = Math.ceil(topFraction * drawn) + 1;
  const accumulators = neurons.map((a) => {
    const scale = a.scale > 0 ? a.scale : 1;
    return new NeuronAccumulator(n, floorFraction * scale, binFraction * scale, topCapacity, topInputs);
  });
  const W1 = new Float64Array(m * n);
  weights.W1.forEach((row, j) => {
    W1.set(row, j * n);
  });
  const bias = weights.b1 ?? new Array<number>(m).fill(0);

  const generator = createBatchGenerator(density, n, BATCH, createRng(seed, (STREAM.data(density) ^ STATISTICS_STREAM) >>> 0));
  const features = new Int32Array(n);
  const values = new Float64Array(n);
  const visit = (k: number): void => {
    for (let j = 0; j < m; j++) {
      const base = j * n;
      let z = bias[j]!;
      let best = Number.NEGATIVE_INFINITY;
      let dominant = -1;
      for (let t = 0; t < k; t++) {
        const term = W1[base + features[t]!]! * values[t]!;
        z += term;
        if (term > best) {
          best = term;
          dominant = features[t]!;
        }
      }
      if (z > 0) accumulators[j]!.add(z, dominant, features, values, k);
    }
  };
  for (let b = 0; b < batches; b++) {
    const batch = generator.next();
    if (batch.nonZeros) {
      const cells = batch.nonZeros;
      let k = 0;
      for (let c = 0; c < cells.length; c++) {
        const row = (cells[c]! / n) | 0;
        features[k] = cells[c]! - row * n;
        values[k++] = batch.x[cells[c]!]!;
        const next = cells[c + 1];
        if (next === undefined || ((next / n) | 0) !== row) {
          visit(k);
          k = 0;
        }
      }
    } else {
      for (let r = 0; r < batch.activeExamples; r++) {
        let k = 0;
        for (let i = 0; i < n; i++) {
          const v = batch.x[r * n + i]!;
          if (v !== 0) {
            features[k] = i;
            values[k++] = v;
          }
        }
        visit(k);
      }
    }
  }

  const results = neurons.map((a, j): NeuronActivationStatistics => {
    const acc = accumulators[j]!;
    return {
      neuron: j,
      kind: a.kind,
      primary: a.primary.feature,
      scale: a.scale,
      floor: acc.floor,
      fired: acc.positive.count,
      largest: acc.maxActivation,
      histogram: acc.bins.map((counts, k) => histogramBin(counts, k * acc.binWidth, (k + 1) * acc.binWidth)),
      topInputs: acc.topInputs,
      withFloor: summariseNeuron(acc.floored, a.primary.feature, topFraction),
      withoutFloor: summariseNeuron(acc.positive, a.primary.feature, topFraction),
    };
  });
  return {
    density,
    seed,
    samples: drawn,
    floorFraction,
    topFraction,
    neurons: results,
    summary: summarise(results, accumulators, binFraction),
  };
}

function histogramBin(counts: Float64Array, from: number, to: number): HistogramBin {
  const byFeature: { feature: number; count: number }[] = [];
  let total = 0;
  counts.forEach((count, feature) => {
    if (count > 0) byFeature.push({ feature, count });
    total += count;
  });
  byFeature.sort((p, q) => q.count - p.count || p.feature - q.feature);
  return { from, to, total, byFeature };
}
