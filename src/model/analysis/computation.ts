/**
 * The computation of one model on one input, term by term: what the computation figure draws.
 *
 * The input is given sparsely, as (feature, value) pairs, because the reader sets a few features and
 * the rest are 0. For each hidden neuron j the pre-activation is the sum of the active features'
 * contributions W1[j,i]·x_i (plus its hidden bias, if the model has one) and the activation is the
 * hidden non-linearity of it; each output y'_i = ReLU(Σ_j W2[i,j]·h_j + b_i) is set beside its target
 * |x_i|. The work is O(active features × m + n × m), cheap enough to redo on every pointer move.
 *
 * The hidden non-linearity is ReLU, as in network.ts's forward pass. (A module that names the
 * model's activation, src/model/activation.ts, is being added; `hiddenActivation` below is the one
 * place to switch to it.) The results equal network.ts's `forward` to rounding: the sums are taken
 * in the same order.
 */
import type { NetworkWeights } from '../network';
import type { Rng } from '../random';

/** One active input feature: x_feature = value, value in [−1, 1] for the paper's data. */
export interface InputEntry {
  readonly feature: number;
  readonly value: number;
}

/** Feature i's term W1[j,i]·x_i in neuron j's pre-activation. */
export interface Contribution {
  readonly feature: number;
  readonly value: number;
}

export interface NeuronComputation {
  readonly neuron: number;
  /** One term per active feature, in the input's feature order (zero terms included). */
  readonly contributions: readonly Contribution[];
  /** The hidden bias b1[j], 0 when the model has none. */
  readonly bias: number;
  /** Σ contributions + bias. */
  readonly preActivation: number;
  /** ReLU(preActivation): what the neuron passes on. */
  readonly activation: number;
  /** True when the neuron was removed (its output weights count as 0); its activation is still shown. */
  readonly silenced: boolean;
}

/**
 * How an output misses its target |x_i|: `spurious` = target 0 but the output is positive (another
 * feature's interference, or a positive bias), `short` = below a non-zero target (pushed down),
 * `over` = above a non-zero target, `exact` = within `EXACT_TOLERANCE`.
 */
export type OutputMiss = 'exact' | 'spurious' | 'short' | 'over';

/** An output this close to its target counts as exact (float rounding, and nothing a figure shows). */
export const EXACT_TOLERANCE = 1e-9;

export interface OutputComputation {
  readonly feature: number;
  /** |x_i|, 0 for an inactive feature. */
  readonly target: number;
  /** Σ_j W2[i,j]·h_j + b_i over the neurons not silenced. */
  readonly preActivation: number;
  /** y'_i = ReLU(preActivation). */
  readonly output: number;
  /** y'_i − |x_i|: positive = too much (interference or bias), negative = pushed below target. */
  readonly error: number;
  readonly miss: OutputMiss;
  /** ReLU(b_i): the output with no input at all, so a figure can tell bias from interference. */
  readonly atRest: number;
}

export interface Computation {
  /** The input as given, with repeated features merged (last one wins) and sorted by feature. */
  readonly input: readonly InputEntry[];
  /** One per hidden neuron, in model order. */
  readonly neurons: readonly NeuronComputation[];
  /** One per feature, in feature order. */
  readonly outputs: readonly OutputComputation[];
  /** The neuron removed, if any. */
  readonly silenced: number | undefined;
  /** Importance-free squared error Σ_i (y'_i − |x_i|)². */
  readonly squaredError: number;
}

/** The hidden layer's non-linearity (see the module comment). */
export const hiddenActivation = (z: number): number => Math.max(z, 0);

/**
 * The input as a sorted list of distinct features. Throws a RangeError naming the entry when a
 * feature is not an integer in [0, n) or a value is not finite.
 */
export function normaliseInput(input: readonly InputEntry[], n: number): InputEntry[] {
  const byFeature = new Map<number, number>();
  for (const { feature, value } of input) {
    if (!Number.isInteger(feature) || feature < 0 || feature >= n) {
      throw new RangeError(`computation: feature ${feature} is not an integer in [0, ${n})`);
    }
    if (!Number.isFinite(value)) throw new RangeError(`computation: value of feature ${feature} is not a finite number`);
    byFeature.set(feature, value);
  }
  return [...byFeature].sort((p, q) => p[0] - q[0]).map(([feature, value]) => ({ feature, value }));
}

/**
 * The model's computation on `input`, term by term. W1: [m, n] neuron-major, W2: [n, m]
 * feature-major, b: [n]. With `silenced` = k, neuron k is removed: its output weights count as 0
 * (as network.ts's forward on response.ts's silenceNeuron(weights, k)); the motif figure uses it
 * to take the inhibition neuron away. Throws a RangeError for a bad input entry or a silenced
 * index outside [0, m).
 */
export function computeForward(weights: NetworkWeights, input: readonly InputEntry[], silenced?: number): Computation {
  const m = weights.W1.length;
  const n = weights.W2.length;
  if (silenced !== undefined && !(Number.isInteger(silenced) && silenced >= 0 && silenced < m)) {
    throw new RangeError(`computation: silenced neuron ${silenced} is not an integer in [0, ${m})`);
  }
  const entries = normaliseInput(input, n);
  const neurons: NeuronComputation[] = weights.W1.map((row, j) => {
    const bias = weights.b1?.[j] ?? 0;
    let z = bias;
    const contributions = entries.map(({ feature, value }) => {
      const term = (row[feature] ?? 0) * value;
      z += term;
      return { feature, value: term };
    });
    return { neuron: j, contributions, bias, preActivation: z, activation: hiddenActivation(z), silenced: j === silenced };
  });
  const target = new Float64Array(n);
  for (const { feature, value } of entries) target[feature] = Math.abs(value);
  let squaredError = 0;
  const outputs: OutputComputation[] = weights.W2.map((row, i) => {
    let z = weights.b[i] ?? 0;
    for (let j = 0; j < m; j++) if (j !== silenced) z += (row[j] ?? 0) * neurons[j]!.activation;
    const output = Math.max(z, 0);
    const t = target[i]!;
    const error = output - t;
    squaredError += error * error;
    return { feature: i, target: t, preActivation: z, output, error, miss: missOf(t, error), atRest: Math.max(weights.b[i] ?? 0, 0) };
  });
  return { input: entries, neurons, outputs, silenced, squaredError };
}

function missOf(target: number, error: number): OutputMiss {
  if (Math.abs(error) <= EXACT_TOLERANCE) return 'exact';
  if (target === 0) return 'spurious';
  return error < 0 ? 'short' : 'over';
}

/** How many draws randomInput makes before it gives up on the density and sets one feature. */
export const RANDOM_INPUT_TRIES = 1000;

/**
 * An input as the training data draws one (each of `n` features present with probability
 * `density`, its value uniform on [−1, 1)), conditioned on at least one feature being present: at
 * 1 − S = 0.01 and n = 100 an unconditioned draw is empty 37% of the time, which shows nothing.
 * After RANDOM_INPUT_TRIES empty draws (a density near 0) it sets one uniformly chosen feature.
 */
export function randomInput(rng: Rng, n: number, density: number): InputEntry[] {
  for (let attempt = 0; attempt < RANDOM_INPUT_TRIES; attempt++) {
    const input: InputEntry[] = [];
    for (let i = 0; i < n; i++) if (rng.next() < density) input.push({ feature: i, value: 2 * rng.next() - 1 });
    if (input.length > 0) return input;
  }
  return [{ feature: Math.min(n - 1, Math.floor(rng.next() * n)), value: 2 * rng.next() - 1 }];
}
