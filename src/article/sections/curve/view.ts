/**
 * What the curve section's stack plot draws: the grid model at the density chosen on the curve,
 * or, while none is chosen, at the grid density nearest the live slider; its median-loss seed.
 */
import type { ModelAnalysis } from '../../../model/analysis';
import { type BaselineLevel, baselineLevels } from '../../../model/baseline-summary';
import { importances } from '../../../model/config';
import type { SeedSweep } from '../../shipped/shipped-models';
import type { CurveLevel } from '../../../model/curve';
import { DEAD_OUTPUT_EXCESS, LOSS_OUTLIER_FACTOR } from '../../../model/failed-runs';
import { formatCount, formatDensity, plural } from '../../../viz/core/format';
import { describeOutlier } from '../../../viz/density-curve/curve-outliers';
import type { StackPlotData } from '../../../viz/core/types';
import { plotOf } from '../../figures/view-parts';
import { type CurveData, gridModelAt } from '../../shipped/curve-models';

export interface ChosenGridModel {
  readonly level: CurveLevel;
  /** The median-loss seed at that level, whose model is drawn. */
  readonly seed: number;
  readonly analysis: ModelAnalysis;
  readonly plot: StackPlotData;
  /** Why this density: "the density chosen on the curve", "the live slider’s density" or "the grid density nearest the live slider (…)". */
  readonly why: string;
}

/** The grid model the curve section draws for a density chosen on the curve (`selected`), else for the live slider's; null off the grid. */
export function chosenGridModel(curve: CurveData, selected: number | null, liveDensity: number): ChosenGridModel | null {
  const shown = gridModelAt(curve, selected ?? liveDensity);
  if (!shown) return null;
  const { level, seed, analysis } = shown;
  const why =
    selected !== null
      ? 'the density chosen on the curve'
      : formatDensity(level.density) === formatDensity(liveDensity)
        ? 'the live slider’s density'
        : `the grid density nearest the live slider (1 − S = ${formatDensity(liveDensity)})`;
  return { level, seed, analysis, plot: plotOf(analysis), why };
}

/** One failed run of the curve (src/model/failed-runs.ts), as the table under the figure lists it. */
export interface FailedRunRow {
  readonly series: 'converged grid' | 'replication budget';
  readonly density: number;
  readonly seed: number;
  /** Why it was left out, in words (describeOutlier). */
  readonly why: string;
  readonly monosemantic: number;
  readonly lossOverClean: number | null;
}

/** Every run the failure check flags, the grid's first, each series densest first. */
export function failedRuns(levels: readonly CurveLevel[], replication: readonly CurveLevel[]): FailedRunRow[] {
  const rows = (series: FailedRunRow['series'], of: readonly CurveLevel[]): FailedRunRow[] =>
    of.flatMap((level) =>
      level.outliers.map((o) => ({
        series,
        density: level.density,
        seed: o.seed,
        why: describeOutlier(o, level.density).replace(/^.*?: /, ''),
        monosemantic: o.monosemantic,
        lossOverClean: o.lossOverClean,
      })),
    );
  return [...rows('converged grid', levels), ...rows('replication budget', replication)];
}

/** "The failure check … flags none of the grid's 75 runs": what the note under the figure opens with. */
export function failedRunsSentence(failed: readonly FailedRunRow[], runs: number): string {
  const rule = `A run fails when an output is dead (0 on every single-feature input, at a cost of at least ${DEAD_OUTPUT_EXCESS}× the clean solution’s loss) or when its eval loss is over ${LOSS_OUTLIER_FACTOR}× the median of the runs at and beside its density.`;
  if (failed.length === 0)
    return `${rule} The check flags none of the grid’s ${formatCount(runs)} runs or the replication budget’s: no run is left out of the bands.`;
  const grid = failed.filter((r) => r.series === 'converged grid').length;
  return (
    `${rule} It flags ${plural(grid, 'run')} of the grid’s ${formatCount(runs)} and ${plural(failed.length - grid, 'model')} of the replication budget (listed below). ` +
    'Each is drawn as a cross at its own value and left out of its band, unless no other seed of its density is left to make one (the replication budget has one seed per density).'
  );
}

/** The converged sweep's runs (every seed that loaded, each level's exact eval loss) against the no-superposition baseline. */
export function convergedBaseline(seeds: readonly SeedSweep[]): BaselineLevel[] {
  const first = seeds[0]?.sweep.file.config;
  if (!first) return [];
  const runs = seeds.flatMap(({ seed, sweep }) =>
    sweep.models.flatMap((model) => (model.evaluation ? [{ density: model.density, seed, evalLoss: model.evaluation.loss }] : [])),
  );
  return baselineLevels(runs, importances(first), first.m);
}
