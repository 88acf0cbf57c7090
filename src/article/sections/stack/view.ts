/**
 * What the stack-plot embed (`?embed=stack`, docs/embedding.md) draws: one stack plot of the
 * shipped sweep that the link's `budget` and `sweep-seed` pick (shown-sweep.ts), at the level
 * nearest the link's `density` on a log scale. Pure: the section turns it into markup.
 */
import type { StackPlotData } from '../../../viz/core/types';
import { formatDensity } from '../../../viz/core/format';
import type { ExportSource } from '../../figures/figure-exports';
import type { SweepBudget } from '../../state/budget';
import { shippedSource, type ShownSweep } from '../../shipped/shown-sweep';
import { shippedSweepView } from '../sweep/view';

export interface StackView {
  /** The columns drawn (plotOf of the level's analysis: sorted by importance, rescaled). */
  readonly plot: StackPlotData;
  /** The drawn model, for the figure's data-budget, data-seed and data-density. */
  readonly budget: SweepBudget;
  readonly seed: number;
  /** The level's feature density 1 − S (one of the shipped file's). */
  readonly density: number;
  /** "11 of 40 neurons monosemantic". */
  readonly counts: string;
  /** "the shipped converged models (seed 1)". */
  readonly source: string;
  /** Plain sentences on what of the link could not be drawn as asked (a density between levels, a seed not shipped). */
  readonly notes: readonly string[];
  /** The download's source (figure-exports.ts). */
  readonly exportSource: ExportSource;
}

/** The index of the value nearest `target` on a log scale (the first of equals); -1 for no values. */
export function nearestOnLogScale(values: readonly number[], target: number): number {
  let best = -1;
  values.forEach((v, k) => {
    if (best < 0 || Math.abs(Math.log(v / target)) < Math.abs(Math.log(values[best]! / target))) best = k;
  });
  return best;
}

/**
 * The stack plot of `shown` at the level nearest `density` (1 − S, in (0, 1]). `sweepSeed` is the
 * seed the link asked for (shown.seed is the one drawn). Null while no sweep has loaded.
 */
export function stackView(shown: ShownSweep | null, density: number, sweepSeed: number): StackView | null {
  if (!shown) return null;
  const sweep = shippedSweepView(shown);
  const k = nearestOnLogScale(
    sweep.panels.map((p) => p.density),
    density,
  );
  const panel = sweep.panels[k];
  if (!panel) return null;
  const notes: string[] = [];
  if (panel.density !== density) {
    notes.push(`No shipped level at 1 − S = ${formatDensity(density)}; this is the nearest, 1 − S = ${formatDensity(panel.density)}.`);
  }
  if (shown.budget === 'converged' && shown.seed !== sweepSeed) {
    notes.push(`Seed ${sweepSeed} did not load; this is seed ${shown.seed}.`);
  }
  return {
    plot: panel.data,
    budget: shown.budget,
    seed: shown.seed,
    density: panel.density,
    counts: panel.caption,
    source: shippedSource(shown),
    notes,
    exportSource: sweep.exportSource,
  };
}
