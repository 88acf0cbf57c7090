/**
 * Analysis of trained weights: everything the figures draw and the text states about a model.
 * Plain TypeScript (no TF.js, no DOM); definitions and thresholds in docs/analysis.md.
 */
export { maxAbs, normaliseNeurons, type NormalisedWeights } from './normalise';
export { largestFeature, neuronOrder } from './order';
export { EMBEDDED_NORM_FRACTION, embeddedFeatures, featureNorms, superpositionMeasures } from './superposition';
export {
  REPRESENTED_GAIN,
  classifyRepresentation,
  featureRepresentation,
  isDeadOutput,
  sideGains,
  sideResponses,
  analyseFeatures,
  type FeatureAnalysis,
  type Representation,
} from './features';
export {
  DEAD_OUTPUT,
  PARTICIPATION_THRESHOLD,
  SECONDARY_WEIGHT,
  participationRatio,
  polysemanticityScore,
  analyseNeurons,
  type FeatureWeight,
  type NeuronKind,
  type NeuronAnalysis,
} from './neurons';
export { CARRIER_SHARE, featurePair, featurePairs, type Carrier, type FeaturePair } from './pairs';
export { MOTIF_THRESHOLDS, findMotifs, type MotifInstance, type MotifThresholds } from './motif';
export {
  motifCatalogue,
  summariseCatalogue,
  type CatalogueEntry,
  type CatalogueModel,
  type CatalogueSummary,
} from './motif-catalogue';
export { analyseModel, analyseModels, type ModelCounts, type ModelAnalysis } from './model-analysis';
export {
  EXACT_TOLERANCE,
  computeForward,
  hiddenActivation,
  normaliseInput,
  type Computation,
  type Contribution,
  type InputEntry,
  type NeuronComputation,
  type OutputComputation,
  type OutputMiss,
} from './computation';
export {
  measureActivationStatistics,
  type ActivationStatistics,
  type ActivationStatisticsOptions,
  type HistogramBin,
  type NeuronActivationStatistics,
} from './activation-statistics';
export { SHARE_BIN_EDGES, type ActivationSummary, type BinShare, type NeuronShares, type ShareMedians } from './activation-summary';
export { intermediateFacts, type IntermediateFacts } from './intermediate';
