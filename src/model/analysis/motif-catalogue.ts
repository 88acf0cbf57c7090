/**
 * The motif catalogue: every instance of the asymmetric superposition motif (motif.ts, the page's
 * own detection rule and thresholds) in a set of shipped weights files, per file, density and seed,
 * so that the page can list them and draw any one as the motif close-up. Pure: weights in, a list
 * out.
 */
import type { NetworkWeights } from '../network';
import { findMotifs, MOTIF_THRESHOLDS, type MotifInstance } from './motif';

/** One model to search: a level of a weights file. */
export interface CatalogueModel {
  /** Which set of models it belongs to, e.g. "converged sweep" or "curve grid". */
  readonly source: string;
  readonly seed: number;
  readonly density: number;
  readonly weights: NetworkWeights;
}

/** The motif instances of one model (empty when none was found). */
export interface CatalogueEntry {
  readonly source: string;
  readonly seed: number;
  readonly density: number;
  /** The instances, in the detector's order (by asymmetric neuron); each carries what the close-up draws. */
  readonly instances: readonly MotifInstance[];
}

/** Per source, the totals the text quotes. */
export interface CatalogueSummary {
  readonly source: string;
  /** Models searched. */
  readonly models: number;
  /** Models with at least one instance. */
  readonly modelsWithMotif: number;
  readonly instances: number;
}

/**
 * Every model's motif instances, in the order given (W1: [m, n] neuron-major; W2: [n, m]
 * feature-major), found with MOTIF_THRESHOLDS on each model's own normalised weights.
 */
export function motifCatalogue(models: readonly CatalogueModel[]): CatalogueEntry[] {
  return models.map(({ source, seed, density, weights }) => ({
    source,
    seed,
    density,
    instances: findMotifs(weights, MOTIF_THRESHOLDS),
  }));
}

/** The catalogue's totals per source, in the order the sources first appear. */
export function summariseCatalogue(entries: readonly CatalogueEntry[]): CatalogueSummary[] {
  const sources = [...new Set(entries.map((e) => e.source))];
  return sources.map((source) => {
    const mine = entries.filter((e) => e.source === source);
    return {
      source,
      models: mine.length,
      modelsWithMotif: mine.filter((e) => e.instances.length > 0).length,
      instances: mine.reduce((sum, e) => sum + e.instances.length, 0),
    };
  });
}
