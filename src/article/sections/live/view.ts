/**
 * What the live section draws: the one place that decides which model the live figure shows
 * (`liveFigure`, its priority order in its docstring), and the live loss curve.
 */
import type { ModelCounts } from '../../../model/analysis';
import { PAPER_DENSITIES, type ModelConfig } from '../../../model/config';
import { recipeConfig } from '../../../model/recipe';
import { formatCount, formatDensity } from '../../../viz/core/format';
import type { LossSeries, StackPlotData } from '../../../viz/core/types';
import type { ExportSource } from '../../figures/figure-exports';
import { countsSentence, plotOf } from '../../figures/view-parts';
import type { LiveShown } from '../../live/live-model-controller';
import { type CurveData, gridModelAt } from '../../shipped/curve-models';
import { trainingBudget } from '../../shipped/provenance-text';
import { shippedRangeSentence } from './text';
import { type AnalysedModel, isShipped, type ShippedFile, sameConfig, shippedAt } from '../../shipped/shipped-models';
import { shippedSummary, type ShownSweep } from '../../shipped/shown-sweep';
import { levelAt } from '../../shipped/sweep-summary';
import { densityOf, liveConfigOf, nearestPaperDensity } from '../../state/live-settings';
import type { ArticleState } from '../../state/url-state';
import { type RunFrameView, runFrame } from '../../training/run-frame';
import type { TrainingStatus } from '../../training/training-controller';

export interface LiveView {
  readonly plot: StackPlotData;
  readonly caption: string;
  readonly counts: string;
  readonly source: 'live' | 'shipped';
  /** The step of the weights drawn. */
  readonly step: number;
  readonly monosemantic: number;
  /** The live run's frame drawn, for its timeline; null for a shipped model. */
  readonly frame: RunFrameView | null;
  /** Which weights are drawn, for the downloads' names and headings. */
  readonly exportSource: ExportSource;
}

/** What decides the live figure: the reader's settings, the runs, and every model that may stand in for the live one. */
export interface LiveFigureInput {
  readonly state: ArticleState;
  readonly status: TrainingStatus;
  /** The newest live weights drawn (handed over a task late by the live-model controller). */
  readonly shown: LiveShown | null;
  /** The converged sweep the sweep figure draws (its seed), whose levels stand in at the paper's densities. */
  readonly reference: ShownSweep | null;
  readonly replication: ShippedFile | null;
  /** The step chosen on the live run's timeline; null: the newest weights. */
  readonly selectedStep: number | null;
  /** The density curve's grid, once loaded. */
  readonly curve: CurveData | null;
}

/**
 * The live figure, decided here and nowhere else. In this order, the first that has a model:
 * 1. the live run, when it trains exactly the reader's configuration (`sameConfig`) and has
 *    reported weights: its newest weights once drawn (`shown`), or the frame chosen on its timeline;
 * 2. between the paper's levels, the density curve's grid model nearest the slider (its
 *    median-loss seed), once the curve has loaded;
 * 3. a shipped model: the replication sweep's when it holds exactly this configuration, else the
 *    converged sweep's (`reference`, the seed the sweep figure draws) at the nearest paper level.
 * Null when none is there yet (before the shipped files load).
 */
export function liveFigure(input: LiveFigureInput): LiveView | null {
  const config = liveConfigOf(input.state);
  const density = input.state.density;
  const betweenLevels = !PAPER_DENSITIES.includes(density);
  return (
    liveRunView(input, config) ?? (betweenLevels && input.curve ? gridModelView(input.curve, density) : null) ?? shippedView(input, config)
  );
}

/** Step 1: the live run's weights, when the run trains `config` and has drawn weights. */
function liveRunView({ status, shown, reference, selectedStep }: LiveFigureInput, config: ModelConfig): LiveView | null {
  if (status.target !== 'live' || !shown || !sameConfig(status.config, config) || !sameConfig(shown.config, config)) return null;
  // The newest weights are drawn once NextTask hands them over (shown); a chosen frame at once.
  const frame = runFrame(status, selectedStep ?? shown.frame.step, selectedStep === null);
  const drawn = frame?.instances[0];
  if (!frame || !drawn) return null;
  const { analysis } = drawn;
  const final = status.phase === 'completed' && frame.step === status.step;
  const label = final
    ? 'trained here'
    : selectedStep !== null && !frame.newest
      ? `step ${formatCount(frame.step)} of the run, chosen on its timeline`
      : `training here, step ${formatCount(frame.step)}`;
  return {
    plot: drawn.plot,
    caption: `The live model at 1 − S = ${formatDensity(densityOf(config))} (${label}).`,
    counts: `${countsSentence(analysis)}${convergedComparison(reference, config, analysis.counts, final)}`,
    source: 'live',
    step: frame.step,
    monosemantic: analysis.counts.monosemantic,
    frame,
    exportSource: { kind: 'trained here', config: status.config, step: frame.step },
  };
}

/** Step 2: the density curve's grid model nearest `density`, its median-loss seed. */
export function gridModelView(curve: CurveData, density: number): LiveView | null {
  const grid = gridModelAt(curve, density);
  if (!grid) return null;
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

/** Step 3: the replication sweep's model of exactly this configuration, else the converged sweep's at the nearest paper level. */
function shippedView({ reference, replication }: LiveFigureInput, config: ModelConfig): LiveView | null {
  const nearest = nearestPaperDensity(densityOf(config));
  if (replication && isShipped(replication, config)) {
    const model = shippedAt(replication, config, nearest);
    if (model) {
      return shippedLive(
        model,
        replication,
        nearest,
        `The shipped model at 1 − S = ${formatDensity(nearest)}: the model this configuration trains. ${trainingBudget(replication.file)}`,
      );
    }
  }
  const model = reference ? shippedAt(reference.drawn, config, nearest) : undefined;
  if (!model || !reference) return null;
  return shippedLive(
    model,
    reference.drawn,
    nearest,
    `The shipped converged model at 1 − S = ${formatDensity(nearest)} (seed ${reference.seed}), the nearest precomputed level, shown until the live model reports.`,
  );
}

/** The live figure showing a shipped model. */
function shippedLive(model: AnalysedModel, sweep: ShippedFile, density: number, caption: string): LiveView {
  const recipe = sweep.file.instances.find((instance) => instance.density === density)?.recipe;
  const config = recipe ? recipeConfig(recipe, sweep.file.config) : { ...sweep.file.config, densities: [density] };
  return {
    plot: plotOf(model.analysis),
    caption,
    counts: countsSentence(model.analysis),
    source: 'shipped',
    step: config.steps,
    monosemantic: model.analysis.counts.monosemantic,
    frame: null,
    exportSource: { kind: 'shipped', config, step: config.steps },
  };
}

/** At a paper level, the converged sweep's counts there over its seeds: the range a finished live model should land in. */
function convergedComparison(reference: ShownSweep | null, config: ModelConfig, counts: ModelCounts, final: boolean): string {
  if (!reference || !shippedAt(reference.drawn, config, densityOf(config))) return '';
  const level = levelAt(shippedSummary(reference.seeds), densityOf(config));
  if (!level) return '';
  const ids = reference.seeds.map((s) => String(s.file.config.seed));
  const seeds = ids.length < 2 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return shippedRangeSentence(level, counts, seeds, final);
}

/** The live loss curve, labelled with the density of the run that drew it (not the slider's). */
export function liveLossSeries(status: TrainingStatus): LossSeries[] {
  if (status.target !== 'live' || !status.lossHistory[0]) return [];
  return [{ label: `1 − S = ${formatDensity(densityOf(status.config))}, live`, points: status.lossHistory[0] }];
}
