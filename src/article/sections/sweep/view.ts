/**
 * What the sweep section draws: the shipped sweep of the reader's budget, or under the replication
 * budget the sweep retraining here once it has weights; memoised so that a report that brings no
 * new weights redraws nothing.
 */
import type { ModelAnalysis } from '../../../model/analysis';
import { formatCount, formatDensity } from '../../../viz/core/format';
import type { SweepPanel } from '../../../viz/sweep/sweep-figure';
import type { LossSeries, StackPlotData } from '../../../viz/core/types';
import type { AnalysisSource } from '../../figures/analysis-download';
import type { ExportSource } from '../../figures/figure-exports';
import { memo, monosemanticPhrase, plotOf } from '../../figures/view-parts';
import type { ShippedFile } from '../../shipped/shipped-models';
import { shippedSource, shippedSummary, type ShownSweep } from '../../shipped/shown-sweep';
import { type LevelSummary, summariseLevels } from '../../shipped/sweep-summary';
import { type RunFrameView, runFrame } from '../../training/run-frame';
import { shippedWeightsPath } from '../../../model/weights-file';
import { isRunning, type TrainingStatus } from '../../training/training-controller';

export interface SweepView {
  readonly panels: readonly SweepPanel[];
  /** The levels the figure shows, over every seed of its budget, for the table. */
  readonly levels: readonly LevelSummary[];
  /** Which weights the figure shows, as a phrase. */
  readonly source: string;
  /** The retraining run's frame drawn, for its timeline; null for a shipped sweep. */
  readonly frame: RunFrameView | null;
  /** Which weights are drawn, for the downloads' names and headings. */
  readonly exportSource: ExportSource;
  /** The model drawn, for "Download analysis". */
  readonly analysisSource: AnalysisSource;
}

const panelsOf = (models: readonly { density: number; analysis: ModelAnalysis; plot: StackPlotData }[]): SweepPanel[] =>
  models.map((model) => ({ density: model.density, caption: monosemanticPhrase(model.analysis.counts), data: model.plot }));

/** "sweep-converged-seed0": the shipped file's stem, as the "Your model" downloads name it. */
const shippedStem = (shown: ShownSweep): string =>
  shippedWeightsPath(shown.budget, shown.seed)
    .replace(/^weights\//, '')
    .replace(/\.json$/, '');

const shippedPanels = memo((sweep: ShippedFile): SweepPanel[] => panelsOf(sweep.models.map((m) => ({ ...m, plot: plotOf(m.analysis) }))));

/** The shipped sweep `shown`: its panels, levels and download sources. */
export function shippedSweepView(shown: ShownSweep): SweepView {
  const { config } = shown.drawn.file;
  const recipes = shown.drawn.file.instances.map((instance) => instance.recipe);
  const levelRecipes = recipes.every((r) => r !== undefined) ? { levelRecipes: recipes } : {};
  return {
    panels: shippedPanels(shown.drawn),
    levels: shippedSummary(shown.seeds),
    source: shippedSource(shown),
    frame: null,
    exportSource: { kind: 'shipped', config, step: config.steps, ...levelRecipes },
    analysisSource: { kind: 'file', name: shippedStem(shown), file: shown.drawn.file },
  };
}

/** Keyed by the frame's plot data, so an unchanged frame keeps its view and the panels do not redraw. */
const retrainedViews = new WeakMap<StackPlotData, SweepView>();

/**
 * The sweep figure. Under the replication budget, the sweep retraining here once it has reported
 * weights (its newest frame, or the frame at `selectedStep` on its timeline), else the shipped one;
 * under the converged budget, the chosen seed's shipped models.
 */
export function sweepView(status: TrainingStatus, shown: ShownSweep | null, selectedStep: number | null = null): SweepView | null {
  if (shown?.budget !== 'converged' && status.target === 'sweep' && status.snapshot) {
    const frame = runFrame(status, selectedStep);
    const first = frame?.instances[0];
    if (frame && first) {
      let view = retrainedViews.get(first.plot);
      if (!view) {
        const what = isRunning(status, 'sweep') ? 'the sweep you are retraining' : 'the sweep you retrained';
        view = {
          panels: panelsOf(frame.instances),
          levels: summariseLevels([frame.instances], status.config),
          source: `${what} (step ${formatCount(frame.step)})`,
          frame,
          exportSource: { kind: 'trained here', config: status.config, step: frame.step },
          analysisSource: {
            kind: 'frame',
            name: `sweep-trained-here_seed-${status.config.seed}_step-${frame.step}`,
            config: status.config,
            step: frame.step,
            instances: frame.instances,
          },
        };
        retrainedViews.set(first.plot, view);
      }
      return view;
    }
  }
  return shown ? shippedSweepView(shown) : null;
}

/** The sweep's loss curves, one per level, while the sweep retrains here and after. */
export function sweepLossSeries(status: TrainingStatus): LossSeries[] {
  if (status.target !== 'sweep') return [];
  return status.config.densities.map((density, k) => ({ label: `1 − S = ${formatDensity(density)}`, points: status.lossHistory[k] ?? [] }));
}
