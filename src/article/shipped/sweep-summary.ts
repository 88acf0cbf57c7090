/**
 * The sweep's numbers per level, summarised over the seeds that trained it: what the counts table,
 * the captions and the sweep's text quote. Pure, so a test recomputes them from the shipped files.
 * A single seed (the replication sweep, a sweep retrained here) is a spread of one value.
 */
import type { ModelAnalysis } from '../../model/analysis';
import { importances, type ModelConfig } from '../../model/config';
import { referenceLosses } from '../../model/evaluation';
import type { StoredEvaluation } from '../../model/weights-file';

/** One number over seeds: its median, smallest and largest (the median of an even count is the mean of the middle two). */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** The values, one per seed, in seed order. */
  readonly values: readonly number[];
}

/** The spread of `values`; throws on an empty list. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spreadOf needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, values: [...values] };
}

/** One seed's model at one level, as the summary reads it. */
export interface LevelModel {
  readonly density: number;
  readonly analysis: ModelAnalysis;
  /** The training batch's loss. */
  readonly loss: number;
  readonly evaluation?: StoredEvaluation;
}

/** One level of the sweep over its seeds. */
export interface LevelSummary {
  readonly density: number;
  readonly neurons: number;
  readonly seeds: number;
  readonly monosemantic: Spread;
  /** Live neurons with participation ratio under 1.5 (the second rule, neurons.ts). */
  readonly lowParticipation: Spread;
  readonly polysemantic: Spread;
  /** Features with both sides of |x| computed. */
  readonly representedFeatures: Spread;
  readonly meanPolysemanticity: Spread;
  /** The exact eval loss when every seed's file records one ('eval'), else the training batch's loss ('batch'). */
  readonly loss: Spread;
  readonly lossKind: 'eval' | 'batch';
  /** The largest standard error of the seeds' eval losses (0 for batch losses). */
  readonly standardError: number;
  /** The median loss over the clean 20×2 solution's (evaluation.ts), and over the zero model's. */
  readonly cleanRatio: number;
  readonly zeroRatio: number;
}

/**
 * Summarises each level over seeds. `seeds[s][k]` is seed s's model at level k; every seed has the
 * same levels in the same order (the shipped files do; a mismatch throws). `config` gives the
 * importances and m of the reference losses.
 */
export function summariseLevels(
  seeds: readonly (readonly LevelModel[])[],
  config: Pick<ModelConfig, 'n' | 'm' | 'importanceDecay'>,
): LevelSummary[] {
  const first = seeds[0];
  if (!first) return [];
  const importance = importances(config);
  return first.map((level, k) => {
    const models = seeds.map((seed) => {
      const model = seed[k];
      if (model?.density !== level.density) throw new RangeError(`seeds disagree on level ${k}`);
      return model;
    });
    const counts = models.map((m) => m.analysis.counts);
    const evaluated = models.every((m) => m.evaluation !== undefined);
    const loss = spreadOf(models.map((m) => (evaluated ? m.evaluation!.loss : m.loss)));
    const reference = referenceLosses(level.density, importance, config.m);
    return {
      density: level.density,
      neurons: counts[0]!.neurons,
      seeds: models.length,
      monosemantic: spreadOf(counts.map((c) => c.monosemantic)),
      lowParticipation: spreadOf(counts.map((c) => c.lowParticipation)),
      polysemantic: spreadOf(counts.map((c) => c.polysemantic)),
      representedFeatures: spreadOf(counts.map((c) => c.representedFeatures)),
      meanPolysemanticity: spreadOf(counts.map((c) => c.meanPolysemanticity)),
      loss,
      lossKind: evaluated ? 'eval' : 'batch',
      standardError: evaluated ? Math.max(...models.map((m) => m.evaluation!.standardError)) : 0,
      cleanRatio: loss.median / reference.clean,
      zeroRatio: loss.median / reference.zeroModel,
    };
  });
}

/** "40", or over seeds that differ as written, the median with the range: "34 (31–36)". */
export function formatSpread(spread: Spread, format: (value: number) => string = String): string {
  const [median, min, max] = [format(spread.median), format(spread.min), format(spread.max)];
  return min === max ? median : `${median} (${min}–${max})`;
}

/** The summary at `density`, if the sweep has that level. */
export const levelAt = (levels: readonly LevelSummary[], density: number): LevelSummary | undefined =>
  levels.find((l) => l.density === density);
