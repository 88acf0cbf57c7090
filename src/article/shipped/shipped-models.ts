/**
 * The shipped models precomputed into public/weights/ and their analyses: the converged sweep (one
 * file per seed), the motif model and the replication sweep. shipped-loader.ts fetches each file on
 * its own (fetch-weights.ts); this module analyses and looks them up.
 */
import { analyseModel, type ModelAnalysis } from '../../model/analysis';
import { importances, makeConfig, type ModelConfig } from '../../model/config';
import type { NetworkWeights } from '../../model/network';
import { shippedWeightsPath, type StoredEvaluation, type WeightsFile } from '../../model/weights-file';

/** One trained instance and its analysis. */
export interface AnalysedModel {
  readonly density: number;
  /** W1: [m, n] neuron-major; W2: [n, m]; b: [n]. */
  readonly weights: NetworkWeights;
  readonly analysis: ModelAnalysis;
  /** The training-batch loss the file records for it. */
  readonly loss: number;
  /** Its exact eval loss (evaluation.ts), when the file records one. */
  readonly evaluation?: StoredEvaluation;
}

export interface ShippedFile {
  readonly file: WeightsFile;
  /** One per instance, in the file's order. */
  readonly models: readonly AnalysedModel[];
}

/** One seed's file of the converged sweep. */
export interface SeedSweep {
  readonly seed: number;
  readonly sweep: ShippedFile;
}

export interface ShippedModels {
  /** The converged sweep's seeds that loaded, in SHIPPED_CONVERGED_SEEDS order. */
  readonly converged: readonly SeedSweep[];
  /** Null while it loads or if it failed (shipped-loader.ts says which). */
  readonly motif: ShippedFile | null;
}

/** Every instance of a file, analysed with the file's importances. */
export function analyseFile(file: WeightsFile): ShippedFile {
  const importance = importances(file.config);
  return {
    file,
    models: file.instances.map((w) => ({
      density: w.density,
      weights: w,
      analysis: analyseModel(w, importance),
      loss: w.loss,
      ...(w.evaluation ? { evaluation: w.evaluation } : {}),
    })),
  };
}

/** A shipped file by the stem of its name in public/weights/ ("sweep-converged-seed0", "sweep", "motif"). */
export interface NamedFile {
  readonly name: string;
  readonly shipped: ShippedFile;
}

const stemOf = (path: string): string => path.replace(/^weights\//, '').replace(/\.json$/, '');

/** Every shipped file that loaded, by name: the converged seeds, the replication sweep, the motif model. */
export function namedFiles(models: ShippedModels | undefined, replication: ShippedFile | null): NamedFile[] {
  return [
    ...(models?.converged ?? []).map((s) => ({ name: stemOf(shippedWeightsPath('converged', s.seed)), shipped: s.sweep })),
    ...(replication ? [{ name: stemOf(shippedWeightsPath('replication', 0)), shipped: replication }] : []),
    ...(models?.motif ? [{ name: 'motif', shipped: models.motif }] : []),
  ];
}

export const sameConfig = (a: ModelConfig | null | undefined, b: ModelConfig): boolean =>
  a !== null && a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** The shipped sweep's model at `density`, if the sweep has that level and the same model shape as `config`. */
export function shippedAt(sweep: ShippedFile | null, config: ModelConfig, density: number): AnalysedModel | undefined {
  if (!sweep || config.m !== sweep.file.config.m || config.importanceDecay !== sweep.file.config.importanceDecay) return undefined;
  return sweep.models.find((a) => a.density === density);
}

/** True when the shipped sweep holds exactly the model a one-instance `config` trains. */
export function isShipped(sweep: ShippedFile | null, config: ModelConfig): boolean {
  if (!sweep || config.densities.length !== 1) return false;
  const shippedAsSingle = makeConfig({ ...sweep.file.config, densities: config.densities });
  return sweep.file.config.densities.includes(config.densities[0]!) && sameConfig(shippedAsSingle, config);
}
