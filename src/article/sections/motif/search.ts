/**
 * How the small motif model was chosen, from the search's own record (data/motif-search.json,
 * written by scripts/motif-search.ts and scripts/motif-search-merge.ts; docs/motif.md): seeds
 * trained with the motif model's settings, and per seed the motif instances the detector found.
 * The shipped model is the first seed with exactly two instances on four distinct neurons. Pure.
 */
import record from '../../../../data/motif-search.json';
import { plural } from '../../../viz/core/format';

/** One searched seed: its final-batch loss, its motif instances and the distinct neurons they use. */
export interface SearchSeed {
  readonly seed: number;
  readonly loss: number;
  readonly instances: number;
  readonly neurons: number;
}

/** What the motif section says about the search. */
export interface SearchSummary {
  /** Seeds trained, consecutive from `first`. */
  readonly searched: number;
  readonly first: number;
  /** Seeds whose model has at least one instance, and at least two. */
  readonly withMotif: number;
  readonly twoOrMore: number;
  /** Seeds with exactly two instances on four distinct neurons (two separate pairs, as in the paper). */
  readonly twoOnFourNeurons: number;
  /** The first such seed: the one shipped; null when there is none. */
  readonly chosen: number | null;
}

/** The search's record as shipped. */
export const MOTIF_SEARCH: readonly SearchSeed[] = record.perSeed;

/** Counts over the searched seeds. */
export function searchSummary(seeds: readonly SearchSeed[]): SearchSummary {
  const pairs = seeds.filter((s) => s.instances === 2 && s.neurons === 4);
  return {
    searched: seeds.length,
    first: seeds[0]?.seed ?? 0,
    withMotif: seeds.filter((s) => s.instances >= 1).length,
    twoOrMore: seeds.filter((s) => s.instances >= 2).length,
    twoOnFourNeurons: pairs.length,
    chosen: pairs[0]?.seed ?? null,
  };
}

const percent = (part: number, whole: number): string => `${Math.round((100 * part) / Math.max(1, whole))}%`;

/**
 * "We trained seeds 0–119 with these settings and kept the first whose model has two instances on
 * four distinct neurons, seed 3. Of the 120 seeds, 64 (53%) show at least one instance and 43 (36%)
 * two or more." `shipped` is the seed of the model drawn: a mismatch with the record is said, not hidden.
 */
export function searchSentence(s: SearchSummary, shipped: number): string {
  if (s.searched === 0) return '';
  const range = s.searched === 1 ? `seed ${s.first}` : `seeds ${s.first}–${s.first + s.searched - 1}`;
  const chosen =
    s.chosen === shipped
      ? `kept the first whose model has exactly two instances on four distinct neurons, as in the paper’s figure: seed ${shipped}`
      : `shipped seed ${shipped} (the search’s first model with two instances on four neurons is ${s.chosen === null ? 'none' : `seed ${s.chosen}`})`;
  return (
    `To pick this model we trained ${range} with these settings and ${chosen}. ` +
    `Of the ${plural(s.searched, 'seed')}, ${s.withMotif} (${percent(s.withMotif, s.searched)}) show at least one instance and ` +
    `${s.twoOrMore} (${percent(s.twoOrMore, s.searched)}) two or more.`
  );
}
