/**
 * The shipped models: the sweep and the motif model precomputed into public/weights/, fetched
 * and analysed once. Each file loads or fails on its own; a failure becomes a sentence for the
 * reader, and the page carries on with what did load.
 */
import { analyseModel, type ModelAnalysis } from '../model/analysis';
import { importances, makeConfig, type ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import { parseWeightsFile, type WeightsFile } from '../model/weights-file';

/** One trained instance and its analysis. */
export interface AnalysedModel {
  readonly density: number;
  /** W1: [m, n] neuron-major; W2: [n, m]; b: [n]. */
  readonly weights: NetworkWeights;
  readonly analysis: ModelAnalysis;
  /** The loss the file records for it. */
  readonly loss: number;
}

export interface ShippedFile {
  readonly file: WeightsFile;
  /** One per instance, in the file's order. */
  readonly models: readonly AnalysedModel[];
}

export interface ShippedModels {
  readonly sweep: ShippedFile | null;
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
    models: file.instances.map((w) => ({ density: w.density, weights: w, analysis: analyseModel(w, importance), loss: w.loss })),
  };
}

export async function loadShippedModels(): Promise<ShippedModels> {
  const [sweep, motif] = await Promise.allSettled([fetchWeights('weights/sweep.json'), fetchWeights('weights/motif.json')]);
  const errors: string[] = [];
  if (sweep.status === 'rejected') {
    errors.push(`The precomputed sweep could not be loaded (${String(sweep.reason)}). Press Train to train a model here instead.`);
  }
  if (motif.status === 'rejected') errors.push(`The precomputed motif model could not be loaded (${String(motif.reason)}).`);
  return {
    sweep: sweep.status === 'fulfilled' ? analyseFile(sweep.value) : null,
    motif: motif.status === 'fulfilled' ? analyseFile(motif.value) : null,
    errors,
  };
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
