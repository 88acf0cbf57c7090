/**
 * What the curve section's stack plot draws: the grid model at the density chosen on the curve,
 * or, while none is chosen, at the grid density nearest the live slider; its median-loss seed.
 */
import type { ModelAnalysis } from '../../../model/analysis';
import { type BaselineLevel, baselineLevels } from '../../../model/baseline-summary';
import { importances } from '../../../model/config';
import type { SeedSweep } from '../../shipped/shipped-models';
import type { CurveLevel } from '../../../model/curve';
import { formatDensity } from '../../../viz/core/format';
import type { StackPlotData } from '../../../viz/core/types';
import { plotOf } from '../../figures/view-parts';
import { type CurveData, gridModelAt } from '../../shipped/curve-models';

export interface ChosenGridModel {
  readonly level: CurveLevel;
  /** The median-loss seed at that level, whose model is drawn. */
  readonly seed: number;
  readonly analysis: ModelAnalysis;
  readonly plot: StackPlotData;
  /** Why this density: "the density chosen on the curve" or "the grid density nearest the live slider (…)". */
  readonly why: string;
}

/** The grid model the curve section draws for a density chosen on the curve (`selected`), else for the live slider's; null off the grid. */
export function chosenGridModel(curve: CurveData, selected: number | null, liveDensity: number): ChosenGridModel | null {
  const shown = gridModelAt(curve, selected ?? liveDensity);
  if (!shown) return null;
  const { level, seed, analysis } = shown;
  const why =
    selected === null
      ? `the grid density nearest the live slider (1 − S = ${formatDensity(liveDensity)})`
      : 'the density chosen on the curve';
  return { level, seed, analysis, plot: plotOf(analysis), why };
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
