/**
 * What the curve section's stack plot draws: the grid model at the density chosen on the curve,
 * or, while none is chosen, at the grid density nearest the live slider; its median-loss seed.
 */
import type { ModelAnalysis } from '../../../model/analysis';
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
