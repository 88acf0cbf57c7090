/**
 * The paper's activation claim as the neuron-response section quotes it (SPEC §7, issue 23): per
 * level and seed of the shipped converged sweep, the median over polysemantic neurons of the
 * primary share of the top 1% of activations and of the rest, with the 0.1 floor and without it.
 * The records are computed by scripts/activation-statistics.ts from the shipped weights
 * (measureActivationStatistics, seeded) into public/weights/activation-statistics.json, which the
 * page reads and a unit test recomputes; this module holds the record's shape, the function that
 * makes one, and the reader that validates the file.
 */
import type { ActivationStatistics } from '../../../model/analysis/activation-statistics';

/** The levels of the converged sweep the claim is quoted at (1 − S). */
export const CLAIM_LEVELS: readonly number[] = Object.freeze([0.03, 0.01, 0.003]);

/** Medians over a model's polysemantic neurons; null where no neuron had a finite value. */
export interface ClaimShares {
  readonly topPrimaryShare: number | null;
  readonly restPrimaryShare: number | null;
  readonly restEffectiveFeatures: number | null;
}

/** One model of the converged sweep. */
export interface ClaimRecord {
  readonly seed: number;
  readonly density: number;
  /** How many polysemantic neurons the medians are over. */
  readonly polysemantic: number;
  readonly withFloor: ClaimShares;
  readonly withoutFloor: ClaimShares;
}

export interface ClaimProvenance {
  readonly script: string;
  /** Inputs drawn per model. */
  readonly samples: number;
  /** Seed of the input stream. */
  readonly inputSeed: number;
  readonly floorFraction: number;
  readonly topFraction: number;
  /** The weights files read, with their SHA-256. */
  readonly sources: readonly { readonly file: string; readonly sha256: string }[];
}

export interface ClaimFile {
  readonly provenance: ClaimProvenance;
  readonly records: readonly ClaimRecord[];
}

/** NaN (no finite value) becomes null, so the record survives JSON. */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The record of one model from its statistics (measureActivationStatistics). */
export function claimRecord(seed: number, stats: ActivationStatistics): ClaimRecord {
  const shares = (s: ActivationStatistics['summary']['withFloor']): ClaimShares => ({
    topPrimaryShare: finite(s.topPrimaryShare),
    restPrimaryShare: finite(s.restPrimaryShare),
    restEffectiveFeatures: finite(s.restEffectiveFeatures),
  });
  return {
    seed,
    density: stats.density,
    polysemantic: stats.summary.polysemantic.length,
    withFloor: shares(stats.summary.withFloor),
    withoutFloor: shares(stats.summary.withoutFloor),
  };
}

const isShare = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

function isShares(v: unknown): v is ClaimShares {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return isShare(s.topPrimaryShare) && isShare(s.restPrimaryShare) && isShare(s.restEffectiveFeatures);
}

function isRecord(v: unknown): v is ClaimRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    Number.isInteger(r.seed) &&
    typeof r.density === 'number' &&
    Number.isInteger(r.polysemantic) &&
    isShares(r.withFloor) &&
    isShares(r.withoutFloor)
  );
}

/**
 * Validates the parsed JSON of activation-statistics.json. Throws an Error naming what is wrong
 * (the page shows it in place of the numbers).
 */
export function parseClaimFile(json: unknown): ClaimFile {
  if (typeof json !== 'object' || json === null) throw new Error('the activation statistics file is not a JSON object');
  const { provenance, records } = json as Record<string, unknown>;
  const p = provenance as Record<string, unknown> | undefined;
  if (
    !p ||
    !Number.isInteger(p.samples) ||
    !Number.isInteger(p.inputSeed) ||
    typeof p.floorFraction !== 'number' ||
    typeof p.topFraction !== 'number'
  ) {
    throw new Error('the activation statistics file has no valid provenance (samples, inputSeed, floorFraction, topFraction)');
  }
  if (!Array.isArray(records) || !records.every(isRecord)) throw new Error('the activation statistics file’s records are malformed');
  return { provenance: provenance as ClaimProvenance, records };
}

/** The record of (seed, density), or undefined. */
export const claimAt = (file: ClaimFile, seed: number, density: number): ClaimRecord | undefined =>
  file.records.find((r) => r.seed === seed && r.density === density);
