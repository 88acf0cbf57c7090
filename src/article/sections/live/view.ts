/**
 * The live slider's hook into the density curve: between the paper levels, until the live model
 * reports, the live figure shows the converged grid's model nearest the slider (its median-loss
 * seed) instead of the nearest paper level's. At a paper level the figure keeps what views.ts
 * chooses there.
 */
import { PAPER_DENSITIES } from '../../../model/config';
import { formatDensity } from '../../../viz/format';
import { type CurveData, gridModelAt } from '../../shipped/curve-models';
import { countsSentence, plotOf } from '../../figures/view-parts';
import type { LiveView } from '../../views';

export function withGridModel(view: LiveView | null, curve: CurveData | null, density: number): LiveView | null {
  if (!curve || (view && view.source !== 'shipped') || PAPER_DENSITIES.includes(density)) return view;
  const grid = gridModelAt(curve, density);
  if (!grid) return view;
  const { level, seed, analysis, config } = grid;
  return {
    plot: plotOf(analysis),
    caption:
      `The converged model at 1 − S = ${formatDensity(level.density)}, the density curve’s nearest grid level ` +
      `(seed ${seed}, the median eval loss of ${level.seeds.length}), shown until the live model reports.`,
    counts: countsSentence(analysis),
    source: 'shipped',
    step: config.steps,
    monosemantic: analysis.counts.monosemantic,
    frame: null,
    exportSource: { kind: 'shipped', config, step: config.steps },
  };
}
