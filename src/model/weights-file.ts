/**
 * The shipped weights file (public/weights/*.json): the full configuration and, per density, the
 * trained weights and final loss. Read by the page, the tests and outside tools; parsed defensively
 * because a file on the web can be anything.
 */
import { validateConfig, type ModelConfig } from './config';
import type { NetworkWeights } from './network';

export interface TrainedInstance extends NetworkWeights {
  readonly density: number;
  /** Importance-weighted loss of the final step's batch. */
  readonly loss: number;
}

export interface Provenance {
  readonly command: string;
  readonly backend: string;
  readonly wallSeconds: number;
  readonly date: string;
}

export interface WeightsFile {
  readonly config: ModelConfig;
  readonly instances: readonly TrainedInstance[];
  readonly provenance?: Provenance;
}

/** Rounds to `digits` significant digits, so shipped files stay small. */
export function roundSignificant(value: number, digits = 6): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}

export function toWeightsFile(
  config: ModelConfig,
  weights: readonly NetworkWeights[],
  losses: readonly number[],
  provenance?: Provenance,
): WeightsFile {
  const round = (row: readonly number[]): number[] => row.map((v) => roundSignificant(v));
  return {
    config,
    instances: weights.map((w, k) => ({
      density: config.densities[k]!,
      W1: w.W1.map(round),
      W2: w.W2.map(round),
      b: round(w.b),
      ...(w.b1 ? { b1: round(w.b1) } : {}),
      loss: roundSignificant(losses[k] ?? NaN),
    })),
    ...(provenance ? { provenance } : {}),
  };
}

const isMatrix = (value: unknown, rows: number, cols: number): boolean =>
  Array.isArray(value) &&
  value.length === rows &&
  value.every((row) => Array.isArray(row) && row.length === cols && row.every((v) => typeof v === 'number' && Number.isFinite(v)));

/** Checks the shape of a parsed JSON value; throws an Error naming the first problem. */
export function parseWeightsFile(json: unknown): WeightsFile {
  if (typeof json !== 'object' || json === null) throw new Error('weights file: not an object');
  const { config, instances } = json as { config?: ModelConfig; instances?: unknown };
  if (!config || validateConfig(config).length > 0) throw new Error('weights file: missing or invalid config');
  if (!Array.isArray(instances) || instances.length !== config.densities.length) {
    throw new Error('weights file: expected one instance per density');
  }
  const { n, m } = config;
  instances.forEach((instance: Partial<TrainedInstance>, k) => {
    if (!isMatrix(instance.W1, m, n)) throw new Error(`weights file: instance ${k} W1 is not ${m}×${n}`);
    if (!isMatrix(instance.W2, n, m)) throw new Error(`weights file: instance ${k} W2 is not ${n}×${m}`);
    if (!isMatrix([instance.b], 1, n)) throw new Error(`weights file: instance ${k} b is not ${n} numbers`);
    if (typeof instance.density !== 'number') throw new Error(`weights file: instance ${k} has no density`);
  });
  return json as WeightsFile;
}
