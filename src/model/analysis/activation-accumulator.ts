/**
 * What one hidden neuron's activations add up to over many sampled inputs, gathered as they stream
 * past so that no list of all activations is kept (10^6 inputs × 40 neurons would not fit a
 * worker's memory comfortably): counts by dominant feature, a histogram in fixed bins, the largest
 * activations in a bounded heap (enough for the top 1%), and the inputs behind the very largest.
 *
 * "Dominant feature" of an activation: the active feature whose term W1[j,i]·x_i is the largest
 * (ties: the lower index), the feature that contributes most to it.
 */
import type { InputEntry } from './computation';

/** A min-heap of (activation, dominant feature) keeping the `capacity` largest activations pushed. */
export class TopHeap {
  private readonly values: Float64Array;
  private readonly features: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
    this.features = new Int32Array(capacity);
  }

  push(value: number, feature: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.values[parent]! <= value) break;
        this.values[i] = this.values[parent]!;
        this.features[i] = this.features[parent]!;
        i = parent;
      }
      this.values[i] = value;
      this.features[i] = feature;
      return;
    }
    if (value <= this.values[0]!) return;
    this.siftDownFromRoot(value, feature);
  }

  private siftDownFromRoot(value: number, feature: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.values[right]! < this.values[left]! ? right : left;
      if (this.values[child]! >= value) break;
      this.values[i] = this.values[child]!;
      this.features[i] = this.features[child]!;
      i = child;
    }
    this.values[i] = value;
    this.features[i] = feature;
  }

  /** The dominant features of the `count` largest activations held (count ≤ size). */
  topFeatures(count: number): number[] {
    const order = Array.from({ length: this.size }, (_, k) => k).sort((p, q) => this.values[q]! - this.values[p]! || p - q);
    return order.slice(0, count).map((k) => this.features[k]!);
  }
}

/** Activations of one kind (all positive ones, or those at or above the floor): counts and top. */
export class ActivationTally {
  count = 0;
  /** byFeature[i]: activations whose dominant feature is i. */
  readonly byFeature: Float64Array;
  readonly top: TopHeap;

  constructor(n: number, topCapacity: number) {
    this.byFeature = new Float64Array(n);
    this.top = new TopHeap(topCapacity);
  }

  add(activation: number, dominant: number): void {
    this.count++;
    this.byFeature[dominant]!++;
    this.top.push(activation, dominant);
  }
}

/** One of the largest activations seen, with the whole input that produced it. */
export interface TopInput {
  readonly activation: number;
  readonly dominant: number;
  /** The input's active features, in feature order. */
  readonly input: readonly InputEntry[];
}

/** Everything gathered for one neuron. Activations are in the model's units (not rescaled). */
export class NeuronAccumulator {
  /** Activations > 0. */
  readonly positive: ActivationTally;
  /** Activations ≥ floor. */
  readonly floored: ActivationTally;
  /** bins[k][i]: positive activations in [k·binWidth, (k+1)·binWidth) dominated by feature i; grown as needed. */
  readonly bins: Float64Array[] = [];
  readonly topInputs: TopInput[] = [];
  maxActivation = 0;

  constructor(
    private readonly n: number,
    readonly floor: number,
    readonly binWidth: number,
    topCapacity: number,
    private readonly topInputCount: number,
  ) {
    this.positive = new ActivationTally(n, topCapacity);
    this.floored = new ActivationTally(n, topCapacity);
  }

  /**
   * One positive activation and its dominant feature, produced by the input whose k active features
   * are features[0..k) with values[0..k) (copied only when it enters the top inputs, so the common
   * case allocates nothing).
   */
  add(activation: number, dominant: number, features: Int32Array, values: Float64Array, k: number): void {
    this.positive.add(activation, dominant);
    if (activation >= this.floor) this.floored.add(activation, dominant);
    if (activation > this.maxActivation) this.maxActivation = activation;
    const bin = Math.floor(activation / this.binWidth);
    while (this.bins.length <= bin) this.bins.push(new Float64Array(this.n));
    this.bins[bin]![dominant]!++;
    const list = this.topInputs;
    if (list.length < this.topInputCount || activation > list[list.length - 1]!.activation) {
      let at = list.length;
      while (at > 0 && list[at - 1]!.activation < activation) at--;
      const input = Array.from({ length: k }, (_, t) => ({ feature: features[t]!, value: values[t]! }));
      list.splice(at, 0, { activation, dominant, input });
      if (list.length > this.topInputCount) list.pop();
    }
  }
}
