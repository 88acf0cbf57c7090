/**
 * The analysis of each weight snapshot, computed in the training worker. The page used to analyse
 * snapshots itself, and on a busy two-core machine that task alone could hold the main thread for
 * 30–50 ms; in the worker it costs the training about a millisecond per snapshot and instance.
 */
import { analyseModel, type ModelAnalysis } from '../model/analysis';
import { importances, type ModelConfig } from '../model/config';
import type { TrainingProgress } from './run';

export interface AnalysedProgress {
  readonly progress: TrainingProgress;
  /** analyseModel of each instance's weights, on snapshot reports only (same order as `weights`). */
  readonly summaries?: readonly ModelAnalysis[];
}

/** A progress report with the analysis of its weights, if it carries any. */
export function analyseProgress(config: ModelConfig, progress: TrainingProgress): AnalysedProgress {
  if (!progress.weights) return { progress };
  const importance = importances(config);
  return { progress, summaries: progress.weights.map((weights) => analyseModel(weights, importance)) };
}
