/**
 * The shipped models precomputed into public/weights/, fetched and analysed once: the converged
 * sweep (one file per seed) and the motif model first, for the default view; the replication
 * sweep after them, on its own, so the first figure never waits for it. Each file loads or fails
 * on its own; a failure becomes a sentence for the reader, and the page carries on with what did load.
 */
import { analyseModel, type ModelAnalysis } from '../../model/analysis';
import { importances, makeConfig, type ModelConfig } from '../../model/config';
import type { NetworkWeights } from '../../model/network';
import {
  parseWeightsFile,
  SHIPPED_CONVERGED_SEEDS,
  shippedWeightsPath,
  type StoredEvaluation,
  type WeightsFile,
} from '../../model/weights-file';

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
  readonly motif: ShippedFile | null;
  /** One plain-text sentence per file that could not be loaded. */
  readonly errors: readonly string[];
}

/** Fetches and validates a weights file; throws with a reader-facing reason. */
export async function fetchWeights(path: string): Promise<WeightsFile> {
  const response = await fetch(new URL(path, document.baseURI));
  // A static server may answer a missing file with its HTML fallback page: that is "not found" too.
  if (!response.ok || !response.headers.get('content-type')?.includes('json')) {
    throw new Error(`${path} was not found (HTTP ${response.status})`);
  }
  return parseWeightsFile(await response.json());
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

/** The converged sweep's seeds and the motif model: what the article shows first. */
export async function loadShippedModels(): Promise<ShippedModels> {
  const [motif, ...seeds] = await Promise.allSettled([
    fetchWeights('weights/motif.json'),
    ...SHIPPED_CONVERGED_SEEDS.map((seed) => fetchWeights(shippedWeightsPath('converged', seed))),
  ]);
  const errors: string[] = [];
  const converged: SeedSweep[] = [];
  seeds.forEach((result, k) => {
    const seed = SHIPPED_CONVERGED_SEEDS[k]!;
    if (result.status === 'fulfilled') converged.push({ seed, sweep: analyseFile(result.value) });
    else errors.push(`The converged sweep’s seed ${seed} could not be loaded (${String(result.reason)}).`);
  });
  if (converged.length === 0) errors.push('No converged sweep loaded. Press Train to train a model here instead.');
  if (motif.status === 'rejected') errors.push(`The precomputed motif model could not be loaded (${String(motif.reason)}).`);
  return { converged, motif: motif.status === 'fulfilled' ? analyseFile(motif.value) : null, errors };
}

/** The replication-budget sweep; throws with a reader-facing reason. */
export async function loadReplicationSweep(): Promise<ShippedFile> {
  try {
    return analyseFile(await fetchWeights(shippedWeightsPath('replication', 0)));
  } catch (error) {
    throw new Error(`The replication-budget sweep could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
  }
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
