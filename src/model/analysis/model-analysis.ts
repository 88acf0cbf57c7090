/**
 * Everything the article shows about one trained model (one sweep level), computed from its
 * weights: the normalised weights the plot draws, the plot's neuron order, per-neuron and
 * per-feature summaries, the ± pairs, motif instances, and the counts the text quotes.
 * Definitions and thresholds live in the modules this one calls; docs/analysis.md collects them.
 */
import { importances } from '../config';
import type { NetworkWeights } from '../network';
import type { WeightsFile } from '../weights-file';
import { analyseFeatures, type FeatureAnalysis } from './features';
import { findMotifs, MOTIF_THRESHOLDS, type MotifInstance } from './motif';
import { analyseNeurons, type NeuronAnalysis, PARTICIPATION_THRESHOLD } from './neurons';
import { normaliseNeurons, type NormalisedWeights } from './normalise';
import { neuronOrder } from './order';
import { featurePairs, type FeaturePair } from './pairs';

export interface ModelCounts {
  readonly neurons: number;
  readonly monosemantic: number;
  readonly polysemantic: number;
  readonly dead: number;
  /** Live neurons with participation ratio below PARTICIPATION_THRESHOLD (neurons.ts): the second rule. */
  readonly lowParticipation: number;
  /** Features with both sides of |x_i| computed (features.ts). */
  readonly representedFeatures: number;
  /** Features with exactly one side computed. */
  readonly halfRepresentedFeatures: number;
  /** Features the neurons compute but whose output the output bias holds at zero (features.ts). */
  readonly deadOutputs: number;
  /** Mean polysemanticity score over the neurons that are not dead (0 if all are). */
  readonly meanPolysemanticity: number;
  readonly motifs: number;
}

export interface ModelAnalysis {
  /** The weights as the plot draws them (same function as the input). */
  readonly normalised: NormalisedWeights;
  /** Neuron indices left to right. */
  readonly order: readonly number[];
  /** Indexed by neuron. */
  readonly neurons: readonly NeuronAnalysis[];
  /** Indexed by feature; norm and superposition measured on the normalised weights. */
  readonly features: readonly FeatureAnalysis[];
  /** Features with at least one represented side. */
  readonly pairs: readonly FeaturePair[];
  readonly motifs: readonly MotifInstance[];
  readonly counts: ModelCounts;
}

export function analyseModel(weights: NetworkWeights, importance: ArrayLike<number>): ModelAnalysis {
  const normalised = normaliseNeurons(weights);
  const neurons = analyseNeurons(weights, normalised);
  const features = analyseFeatures(normalised);
  const motifs = findMotifs(weights, MOTIF_THRESHOLDS, normalised);
  const live = neurons.filter((s) => s.kind !== 'dead');
  const count = (kind: NeuronAnalysis['kind']): number => neurons.filter((s) => s.kind === kind).length;
  return {
    normalised,
    order: neuronOrder(normalised, importance),
    neurons,
    features,
    pairs: featurePairs(weights),
    motifs,
    counts: {
      neurons: neurons.length,
      monosemantic: count('monosemantic'),
      polysemantic: count('polysemantic'),
      dead: count('dead'),
      lowParticipation: live.filter((s) => s.participationRatio < PARTICIPATION_THRESHOLD).length,
      representedFeatures: features.filter((f) => f.representation === 'both').length,
      halfRepresentedFeatures: features.filter((f) => f.representation === 'positive' || f.representation === 'negative').length,
      deadOutputs: features.filter((f) => f.deadOutput).length,
      meanPolysemanticity: live.length === 0 ? 0 : live.reduce((sum, s) => sum + s.polysemanticity, 0) / live.length,
      motifs: motifs.length,
    },
  };
}

/** analyseModel for every instance of a weights file, with its density and final loss. */
export function analyseModels(file: WeightsFile): (ModelAnalysis & { readonly density: number; readonly loss: number })[] {
  const importance = importances(file.config);
  return file.instances.map((instance) => ({ ...analyseModel(instance, importance), density: instance.density, loss: instance.loss }));
}
