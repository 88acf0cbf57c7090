/**
 * The density curve of monosemanticity: per grid density, the spread over seeds of what the
 * analysis counts, and the densities where the text's thresholds are first crossed. Plain
 * TypeScript (no TF.js, no DOM); the article feeds it the analysed grid files.
 */
import type { ModelCounts } from './analysis';
import { DEAD_OUTPUT_EXCESS, type FailureReason, lossOutliers } from './failed-runs';

/** What the curve reads off one trained model. */
export interface CurveSample {
  /** Feature density 1 − S, in (0, 1]. */
  readonly density: number;
  readonly seed: number;
  /** Hidden neurons (m). */
  readonly neurons: number;
  readonly monosemantic: number;
  readonly polysemantic: number;
  /** Features with both sides of |x_i| computed (ModelCounts.representedFeatures). */
  readonly featuresComputed: number;
  /** Features with at least one side computed (both sides or exactly one). */
  readonly featuresOneSide: number;
  /** Mean polysemanticity score of the live neurons, in [0, 1). */
  readonly meanPolysemanticity: number;
  /** Exact eval loss over the clean 20×2 solution's loss at this density; null when the file has no evaluation. */
  readonly lossOverClean: number | null;
  /** Exact eval loss over the zero model's loss at this density; null when the file has no evaluation. */
  readonly lossOverZero: number | null;
  /** Outputs stuck at 0 (failed-runs.ts deadOutputs); absent or empty when not checked. */
  readonly deadOutputs?: readonly number[];
  /** The loss those outputs add over the clean solution, ÷ its loss (failed-runs.ts); absent when not checked. */
  readonly deadOutputExcess?: number;
}

/** A run left out of its level's bands: why, and what it reached (drawn as an outlier mark on each panel). */
export interface CurveOutlier {
  readonly seed: number;
  readonly reasons: readonly FailureReason[];
  readonly deadOutputs: readonly number[];
  /** The dead outputs' loss over the clean solution, ÷ its loss (failed-runs.ts); 0 when none. */
  readonly deadOutputExcess: number;
  readonly monosemantic: number;
  readonly featuresComputed: number;
  readonly meanPolysemanticity: number;
  readonly lossOverClean: number | null;
}

/** The spread of one quantity over the seeds of a level. */
export interface Band {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** The curve's quantities, the ones drawn as bands. */
export const CURVE_METRICS = ['monosemantic', 'featuresComputed', 'meanPolysemanticity', 'lossOverClean'] as const;
export type CurveMetric = (typeof CURVE_METRICS)[number];

/** One grid density: every metric's band over the seeds that trained it and did not fail. */
export interface CurveLevel {
  readonly density: number;
  /** The seeds of this level whose runs the bands are made of, ascending (failed runs are in `outliers`). */
  readonly seeds: readonly number[];
  /**
   * The failed runs (failed-runs.ts), left out of every band and of the median seed, ascending by
   * seed. When every run of a level failed, the bands keep them all and they are listed here too.
   */
  readonly outliers: readonly CurveOutlier[];
  readonly neurons: number;
  readonly monosemantic: Band;
  readonly polysemantic: Band;
  readonly featuresComputed: Band;
  readonly featuresOneSide: Band;
  readonly meanPolysemanticity: Band;
  /** Null when no seed of the level has an evaluation. */
  readonly lossOverClean: Band | null;
  readonly lossOverZero: Band | null;
  /**
   * The seed whose eval loss is the median of the level's (the hover shows its stack plot); the
   * lowest seed when the level has no evaluation. With an even number of seeds, the lower middle one.
   */
  readonly medianSeed: number;
}

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Min, median and max of `values`; `values` must not be empty. */
export function band(values: readonly number[]): Band {
  if (values.length === 0) throw new RangeError('a band needs at least one value');
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

/** The sample of one model: its counts and, when known, its eval loss against the two references. */
export function curveSample(
  density: number,
  seed: number,
  counts: ModelCounts,
  evalLoss: number | undefined,
  references: { readonly clean: number; readonly zeroModel: number },
  failure: { readonly deadOutputs: readonly number[]; readonly deadOutputExcess: number } = { deadOutputs: [], deadOutputExcess: 0 },
): CurveSample {
  return {
    density,
    seed,
    neurons: counts.neurons,
    monosemantic: counts.monosemantic,
    polysemantic: counts.polysemantic,
    featuresComputed: counts.representedFeatures,
    featuresOneSide: counts.representedFeatures + counts.halfRepresentedFeatures,
    meanPolysemanticity: counts.meanPolysemanticity,
    lossOverClean: evalLoss === undefined ? null : evalLoss / references.clean,
    lossOverZero: evalLoss === undefined ? null : evalLoss / references.zeroModel,
    deadOutputs: failure.deadOutputs,
    deadOutputExcess: failure.deadOutputExcess,
  };
}

/** Why each sample failed (empty: it did not), in the order of `samples`. */
export function failureReasons(samples: readonly CurveSample[]): FailureReason[][] {
  const outliers = new Set(lossOutliers(samples));
  return samples.map((s, k) => [
    ...((s.deadOutputExcess ?? 0) >= DEAD_OUTPUT_EXCESS ? (['dead-output'] as const) : []),
    ...(outliers.has(k) ? (['loss-outlier'] as const) : []),
  ]);
}

/** The samples grouped by density, densest first, each metric as a band over its seeds. */
export function curveLevels(samples: readonly CurveSample[]): CurveLevel[] {
  const reasons = new Map(failureReasons(samples).map((r, k) => [samples[k]!, r]));
  const byDensity = new Map<number, CurveSample[]>();
  for (const s of samples) byDensity.set(s.density, [...(byDensity.get(s.density) ?? []), s]);
  return [...byDensity.entries()]
    .sort(([a], [b]) => b - a)
    .map(([density, group]) => {
      const all = [...group].sort((a, b) => a.seed - b.seed);
      const failed = all.filter((s) => reasons.get(s)!.length > 0);
      const kept = all.filter((s) => reasons.get(s)!.length === 0);
      const seeds = kept.length ? kept : all;
      const outliers = failed.map((s) => ({
        seed: s.seed,
        reasons: reasons.get(s)!,
        deadOutputs: s.deadOutputs ?? [],
        deadOutputExcess: s.deadOutputExcess ?? 0,
        monosemantic: s.monosemantic,
        featuresComputed: s.featuresComputed,
        meanPolysemanticity: s.meanPolysemanticity,
        lossOverClean: s.lossOverClean,
      }));
      const of = (pick: (s: CurveSample) => number): Band => band(seeds.map(pick));
      const evaluated = seeds.filter((s) => s.lossOverClean !== null);
      const byLoss = [...evaluated].sort((a, b) => a.lossOverClean! - b.lossOverClean! || a.seed - b.seed);
      return {
        density,
        seeds: seeds.map((s) => s.seed),
        outliers,
        neurons: seeds[0]!.neurons,
        monosemantic: of((s) => s.monosemantic),
        polysemantic: of((s) => s.polysemantic),
        featuresComputed: of((s) => s.featuresComputed),
        featuresOneSide: of((s) => s.featuresOneSide),
        meanPolysemanticity: of((s) => s.meanPolysemanticity),
        lossOverClean: evaluated.length ? band(evaluated.map((s) => s.lossOverClean!)) : null,
        lossOverZero: evaluated.length ? band(evaluated.map((s) => s.lossOverZero!)) : null,
        medianSeed: byLoss.length ? byLoss[(byLoss.length - 1) >> 1]!.seed : seeds[0]!.seed,
      };
    });
}

/** A level where a threshold is first crossed, going from dense to sparse, read at the median seed. */
export interface Crossing {
  readonly level: CurveLevel;
  /** The denser neighbour on the grid, where it is not crossed yet (null at the densest level). */
  readonly before: CurveLevel | null;
  /**
   * The densest level from which every sparser level is crossed too: `level` itself when the
   * curve never falls back, sparser when it does (a count near its threshold wavers from seed to
   * seed and density to density); null when the sparsest level is not crossed.
   */
  readonly lasting: CurveLevel | null;
}

/** The three transitions the text states. Each is null when the curve never crosses it. */
export interface CurveThresholds {
  /** The median model has at least one polysemantic neuron. */
  readonly firstPolysemantic: Crossing | null;
  /** The median model has at least half its neurons polysemantic. */
  readonly halfPolysemantic: Crossing | null;
  /** The median model computes (both sides) more features than m/2, the ± pairs its neurons could give one each. */
  readonly morePairsThanNeurons: Crossing | null;
}

function firstCrossing(levels: readonly CurveLevel[], crossed: (level: CurveLevel) => boolean): Crossing | null {
  const k = levels.findIndex(crossed);
  if (k < 0) return null;
  let from = levels.length;
  while (from > k && crossed(levels[from - 1]!)) from--;
  return { level: levels[k]!, before: levels[k - 1] ?? null, lasting: levels[from] ?? null };
}

/** `levels` densest first (as curveLevels returns them). */
export function curveThresholds(levels: readonly CurveLevel[]): CurveThresholds {
  return {
    firstPolysemantic: firstCrossing(levels, (l) => l.polysemantic.median >= 1),
    halfPolysemantic: firstCrossing(levels, (l) => l.polysemantic.median >= l.neurons / 2),
    morePairsThanNeurons: firstCrossing(levels, (l) => l.featuresComputed.median > Math.floor(l.neurons / 2)),
  };
}

/** The grid density nearest to `density` in log density (an exact tie goes to the denser); undefined for an empty grid. */
export function nearestGridDensity(densities: readonly number[], density: number): number | undefined {
  const distance = (d: number): number => Math.abs(Math.log(d) - Math.log(density));
  return densities.reduce<number | undefined>(
    (best, d) => (best === undefined || distance(d) < distance(best) || (distance(d) === distance(best) && d > best) ? d : best),
    undefined,
  );
}
