/**
 * Input types of the figure components. The components draw exactly what they are given; the
 * analysis (src/model/analysis) measures trained weights and src/article/figure-data.ts turns its
 * results into these shapes. Weights are unitless.
 */

/** One rectangle of a neuron's column: a feature's weights in that neuron, after the plot's rescaling. */
export interface NeuronFeatureWeight {
  /** Feature index i (features are indexed by decreasing importance). */
  readonly feature: number;
  /** W1[j, i] divided by the neuron's largest |W1[j, :]|: in [−1, 1]. */
  readonly inWeight: number;
  /** W2[i, j] multiplied by the same factor, so the neuron computes the same function. */
  readonly outWeight: number;
  /**
   * Set where this segment stands for several features drawn as one (a dense imported model's
   * smallest weights on one side, bounded-plot.ts): how many; `feature` is then −1 and the weights are sums.
   */
  readonly merged?: number;
}

/**
 * What a neuron does, as the analysis classifies it (docs/analysis.md, "Neurons"): reads one feature,
 * reads several, or writes nothing at all. A dead neuron is neither monosemantic nor polysemantic.
 */
export type StackPlotNeuronKind = 'monosemantic' | 'polysemantic' | 'dead';

/** One column of the stack plot: a hidden neuron and the features it reads. */
export interface StackPlotNeuron {
  /** Index of the neuron in the model (not its position in the plot). */
  readonly neuron: number;
  /** 0 = monosemantic … towards 1 = maximally polysemantic (unitless); shades the column faintly. */
  readonly polysemanticity: number;
  readonly kind: StackPlotNeuronKind;
  /** The column's tooltip and accessible name, e.g. "neuron 12: polysemantic …; primary feature 3 (1.00); secondary 40 (0.31)". */
  readonly description: string;
  /** The features drawn, normalised so that the largest |inWeight| of the neuron is 1. */
  readonly weights: readonly NeuronFeatureWeight[];
  /** Features with |inWeight| ≥ 0.1, where `weights` merges some of them (carriedFeatures counts `weights` otherwise). */
  readonly carried?: number;
  /** Draws an outline and this label above the column, e.g. "neuron 8: motif 1, asymmetric". */
  readonly highlight?: string;
  /** The label where the long ones would pile up (narrow plots), e.g. "8 · A1"; the caption explains it. */
  readonly highlightShort?: string;
}

/** Everything one stack plot draws. */
export interface StackPlotData {
  /** Columns in plot order, left to right. */
  readonly neurons: readonly StackPlotNeuron[];
  /**
   * s_i per feature i, unitless: 0 = orthogonal to every other feature (dark), ≥ 1 = bright end;
   * NaN for a feature the model does not represent (no score: neutral colour, left out of the counts).
   */
  readonly superposition: readonly number[];
  /**
   * Half-range of the y axis in weight units: the plot spans [−yMax, yMax]. Set by whoever keeps a
   * range steady across redraws (stack-scale.ts); by default the nice range of the tallest stack.
   * A stack taller than yMax is drawn past the plot area, so callers give at least stackDomain().
   */
  readonly yMax?: number;
  /**
   * How the columns are ordered, for the x-axis title: 'importance' (by each neuron's most important
   * feature, the stack plot's order), 'neuron' (by model index, kept while a model trains so that
   * columns hold still) or 'final' (an earlier snapshot in the trained model's order). Default 'importance'.
   */
  readonly order?: 'importance' | 'neuron' | 'final';
}

/** One line of the loss chart: (training step, loss) pairs in step order. */
export interface LossSeries {
  /** Legend text and the line's key across redraws, e.g. "1 − S = 0.03, live". */
  readonly label: string;
  /** Loss is unitless; points with a loss ≤ 0 or not finite are not drawn (log axis). */
  readonly points: readonly (readonly [step: number, loss: number])[];
}

/** Weights of one motif neuron on features a and b, after the plot's rescaling (docs/analysis.md, "The plot normalisation"). */
export interface MotifNeuronWeights {
  /** Index of the neuron in the model. */
  neuron: number;
  /** Input weights W1[j, a] and W1[j, b]. */
  inA: number;
  inB: number;
  /** Output weights W2[a, j] and W2[b, j]. */
  outA: number;
  outB: number;
}

/** One asymmetric superposition motif (docs/analysis.md, "The asymmetric superposition motif"). */
export interface MotifCloseupData {
  /** Heading and default accessible name, e.g. "Motif 1: features a = 4 and b = 9". */
  readonly title: string;
  /** Feature indices a (stored strongly) and b (stored weakly) in the asymmetric neuron. */
  readonly featureA: number;
  readonly featureB: number;
  readonly asymmetric: MotifNeuronWeights;
  readonly inhibition: MotifNeuronWeights;
  /**
   * The inhibition neuron's own main feature c (its largest |W1| entry; may be a, or b, itself) and
   * what c does to b's output, measured on c alone at full size on the side where the neuron fires
   * (the analysis's inhibitionOwnFeature, motif.ts). Weights after the plot's rescaling.
   */
  readonly inhibitionOwn: {
    readonly feature: number;
    /** W1[k, c] (±1), W2[c, k] and W2[b, k]. */
    readonly inWeight: number;
    readonly outOwn: number;
    readonly outB: number;
    /** What the inhibition neuron writes onto b's output pre-activation on c alone (negative: it pushes b down). */
    readonly push: number;
    /** The whole model's change of b's output pre-activation on c alone, from rest. */
    readonly netOnB: number;
  };
  /** Further neurons that take back part of a's push on b, besides the inhibition neuron (often none). */
  readonly otherInhibitors: readonly number[];
  /**
   * Outputs a and b (after the output ReLU) for input a alone, x_a swept over [−1, 1] with every
   * other input 0: with the whole model, and with the inhibition neuron removed.
   */
  readonly response: readonly { xa: number; outAWith: number; outBWith: number; outAWithout: number; outBWithout: number }[];
}
