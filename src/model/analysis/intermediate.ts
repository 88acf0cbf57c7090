/**
 * The intermediate regime read off one model's analysis: how its neurons split between the most
 * important features (the left half of the stack plot) and the rest, how many polysemantic neurons
 * keep one dominant primary feature, and how many computed features have a ± pair of carriers.
 * The intermediate-regime section of the article states these numbers.
 */
import type { ModelAnalysis } from './model-analysis';
import type { Carrier } from './pairs';

/** Facts about the intermediate regime, read off one level's analysis. */
export interface IntermediateFacts {
  readonly density: number;
  /** Neurons in each half of the plot (left: the most important primary features). */
  readonly halfSize: number;
  readonly leftMonosemantic: number;
  readonly rightMonosemantic: number;
  /** The largest primary feature among the left half's neurons. */
  readonly leftLastFeature: number;
  readonly polysemantic: number;
  /** Polysemantic neurons whose secondary weights are all below half the primary. */
  readonly primaryDominated: number;
  /** A primary-dominated polysemantic neuron; weights normalised by its largest |W1| and signed (the primary's is ±1). */
  readonly example: {
    neuron: number;
    primary: number;
    primaryWeight: number;
    secondary: readonly { feature: number; weight: number }[];
  } | null;
  readonly represented: number;
  /** Represented features whose both sides have carriers with positive output weights. */
  readonly pairedBothSides: number;
  readonly featureZero: { positive: readonly Carrier[]; negative: readonly Carrier[] } | null;
}

/** Reads the intermediate regime's facts off one model's analysis: its halves, its polysemantic neurons, its ± pairs. */
export function intermediateFacts(analysis: ModelAnalysis, density: number): IntermediateFacts {
  const ordered = analysis.order.map((j) => analysis.neurons[j]!);
  const halfSize = Math.floor(ordered.length / 2);
  const left = ordered.slice(0, halfSize);
  const monosemantic = (list: typeof ordered): number => list.filter((n) => n.kind === 'monosemantic').length;
  const polys = ordered.filter((n) => n.kind === 'polysemantic');
  const dominated = polys.filter((n) => n.secondary.every((s) => Math.abs(s.weight) < 0.5));
  // The example illustrates the sentence it follows: a neuron with one dominant primary feature.
  const example = dominated[0];
  const represented = analysis.pairs.filter((p) => p.representation === 'both');
  const zero = analysis.pairs.find((p) => p.feature === 0);
  return {
    density,
    halfSize,
    leftMonosemantic: monosemantic(left),
    rightMonosemantic: monosemantic(ordered.slice(halfSize)),
    leftLastFeature: Math.max(0, ...left.map((n) => n.primary.feature)),
    polysemantic: polys.length,
    primaryDominated: dominated.length,
    example: example
      ? {
          neuron: example.neuron,
          primary: example.primary.feature,
          primaryWeight: example.primary.weight,
          secondary: example.secondary.slice(0, 4),
        }
      : null,
    represented: represented.length,
    pairedBothSides: represented.filter((p) => p.positive.some((c) => c.outputWeight > 0) && p.negative.some((c) => c.outputWeight > 0))
      .length,
    featureZero: zero ? { positive: zero.positive, negative: zero.negative } : null,
  };
}
