/**
 * A model's analysis as a reader takes it away (docs/analysis-export.md): per instance the same
 * analysis and eval loss the "Your model" section shows (src/article/your-model-view.ts computes
 * them with the same calls and the same examples), gathered with what the file said.
 */
import { DEFAULT_CONFIG, importances } from '../../config';
import { evaluateLoss, evaluationExamplesFor, type LossEstimate, referenceLosses } from '../../evaluation';
import type { ImportedModel } from '../../import/imported-model';
import type { NetworkWeights } from '../../network';
import { analyseModel, type ModelAnalysis } from '../model-analysis';

/** One instance, analysed. */
export interface InstanceReport {
  /** Position of the instance in the file (its leading-axis index). */
  readonly index: number;
  /** Feature density 1 − S the loss was evaluated at; null when none was known. */
  readonly density: number | null;
  readonly analysis: ModelAnalysis;
  /** The seeded eval loss estimate at `density` (null without a density). */
  readonly loss: LossEstimate | null;
  /** The zero model's and the clean solution's exact losses at `density`. */
  readonly references: { readonly zeroModel: number; readonly clean: number } | null;
  /** The final training loss the file records, if any. */
  readonly recordedLoss: number | null;
}

/** What was analysed: the file and the model's shape, with how the file was read. */
export interface ReportSource {
  /** The file's name as given (no path is needed to read the report). */
  readonly file: string;
  /** Input features and hidden neurons of every instance. */
  readonly n: number;
  readonly m: number;
  /** Feature i has importance importanceDecay^i. */
  readonly importanceDecay: number;
  /** How the file was read, one plain-text sentence each (ImportedModel.reading). */
  readonly reading: readonly string[];
}

export interface AnalysisReport {
  readonly source: ReportSource;
  readonly instances: readonly InstanceReport[];
}

/**
 * Analyses one instance (W1 [m][n], W2 [n][m], b [n]) as the page does: analyseModel with the
 * importances decay^i, and, given a density, evaluateLoss on evaluationExamplesFor(n, m) examples
 * and the two reference losses.
 */
export function analyseInstance(
  weights: NetworkWeights,
  index: number,
  settings: { readonly density: number | null; readonly importanceDecay: number; readonly recordedLoss: number | null },
): InstanceReport {
  const n = weights.W2.length;
  const m = weights.W1.length;
  const importance = importances({ n, importanceDecay: settings.importanceDecay });
  const { density } = settings;
  return {
    index,
    density,
    analysis: analyseModel(weights, importance),
    loss: density === null ? null : evaluateLoss(weights, density, importance, { examples: evaluationExamplesFor(n, m) }),
    references: density === null ? null : referenceLosses(density, importance, m),
    recordedLoss: settings.recordedLoss,
  };
}

/**
 * The report of a model read from a file (src/model/import), every instance analysed in order.
 * The densities and the importance decay are the file's unless given, as the page's fields
 * override them; without either the decay is the page's default (DEFAULT_CONFIG.importanceDecay)
 * and an instance without a density gets no loss, as in the page.
 */
export function analyseImportedModel(
  model: ImportedModel,
  file: string,
  settings: { readonly densities?: readonly (number | null)[]; readonly importanceDecay?: number } = {},
): AnalysisReport {
  const importanceDecay = settings.importanceDecay ?? model.importanceDecay ?? DEFAULT_CONFIG.importanceDecay;
  const densities = settings.densities ?? model.densities;
  return {
    source: { file, n: model.n, m: model.m, importanceDecay, reading: model.reading },
    instances: model.instances.map((weights, k) =>
      analyseInstance(weights, k, { density: densities[k] ?? null, importanceDecay, recordedLoss: model.recordedLosses[k] ?? null }),
    ),
  };
}
