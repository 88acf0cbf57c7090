/**
 * Input types of the figure components. The components draw exactly what they are given; the
 * analysis module (src/model/analysis) turns trained weights into these shapes.
 */

/** One rectangle of a neuron's column: a feature's normalised weights in that neuron. */
export interface NeuronFeatureWeight {
  readonly feature: number;
  readonly inWeight: number;
  readonly outWeight: number;
}

export interface StackPlotNeuron {
  readonly neuron: number; // index in the original model
  readonly polysemanticity: number; // 0 = monosemantic … 1 = maximally polysemantic; shades the column background faintly
  readonly monosemantic: boolean;
  readonly summary: string; // shown in the column tooltip, e.g. "neuron 12: primary feature 3; secondary 40, 71"
  readonly weights: readonly NeuronFeatureWeight[]; // normalised: largest |inWeight| is 1
  readonly highlight?: string; // e.g. "motif 1: asymmetric" — draws an outline + label
}

export interface StackPlotData {
  readonly neurons: readonly StackPlotNeuron[]; // already in plot order, left to right
  readonly superposition: readonly number[]; // s_i per feature i (0 = orthogonal; ≥1 = bright end)
}

export interface LossSeries {
  readonly label: string;
  readonly points: readonly (readonly [step: number, loss: number])[];
}

/** Weights of one motif neuron on features a and b (after the rescaling of SPEC §2). */
export interface MotifNeuronWeights {
  neuron: number;
  inA: number;
  inB: number;
  outA: number;
  outB: number;
}

export interface MotifCloseupData {
  readonly title: string;
  readonly featureA: number;
  readonly featureB: number;
  readonly asymmetric: MotifNeuronWeights;
  readonly inhibition: MotifNeuronWeights;
  /** Response of outputs a and b to input a alone swept over x_a ∈ [-1, 1]: with the whole model, and with the inhibition neuron removed. */
  readonly response: readonly { xa: number; outAWith: number; outBWith: number; outAWithout: number; outBWithout: number }[];
}
