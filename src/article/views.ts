/**
 * Pure view functions: (state, training status, shipped models) → what each section draws.
 * Derived figure data is memoised on the analysis object it comes from, so a progress report
 * that brings no new weights redraws nothing.
 */
import type { ModelAnalysis } from '../model/analysis';
import type { ModelConfig } from '../model/config';
import type { InstanceSnapshot } from '../training/snapshot';
import type { SweepPanel } from '../viz/sweep-figure';
import type { LossSeries, MotifCloseupData, StackPlotData } from '../viz/types';
import type { ExportSource } from './figure-exports';
import { formatDensity } from '../viz/format';
import { liveConfig, densityOf, nearestPaperDensity } from './live-settings';
import { trainingBudget } from './sections/method';
import { type IntermediateFacts, intermediateFacts } from './sections/intermediate';
import type { SweepLevel } from './sections/sweep';
import { isShipped, type ShippedFile, sameConfig, shippedAt } from './shipped-models';
import { isRunning, type TrainingStatus } from './training-controller';
import type { ArticleState } from './url-state';
import { type RunFrameView, runFrame } from './run-frame';
import { closeupsOf, countsSentence, memo, monosemanticPhrase, motifPlotOf, plotOf } from './view-parts';

export { countsSentence, monosemanticPhrase } from './view-parts';
export { type KnownAnalyses, type RunFrameView, type RunInstanceView, runFrame } from './run-frame';

// ---- the sweep ---------------------------------------------------------------------------------

export interface SweepView {
  readonly panels: readonly SweepPanel[];
  /** The levels the figure shows, for the table. */
  readonly levels: readonly SweepLevel[];
  /** Which weights the figure shows, as a phrase. */
  readonly source: string;
  /** The retraining run's frame drawn, for its timeline; null for the shipped sweep. */
  readonly frame: RunFrameView | null;
  /** Which weights are drawn, for the downloads' names and headings. */
  readonly exportSource: ExportSource;
}

interface LevelModel {
  readonly density: number;
  readonly analysis: ModelAnalysis;
  readonly loss: number;
  readonly plot: StackPlotData;
}

function sweepViewOf(models: readonly LevelModel[], source: string, frame: RunFrameView | null, exportSource: ExportSource): SweepView {
  return {
    exportSource,
    panels: models.map((model) => ({
      density: model.density,
      caption: monosemanticPhrase(model.analysis.counts),
      data: model.plot,
    })),
    levels: models.map((model) => ({ density: model.density, counts: model.analysis.counts, loss: model.loss })),
    source,
    frame,
  };
}

const shippedSweepView = memo((sweep: ShippedFile) =>
  sweepViewOf(
    sweep.models.map((m) => ({ ...m, plot: plotOf(m.analysis) })),
    'the shipped weights',
    null,
    { kind: 'shipped', config: sweep.file.config, step: sweep.file.config.steps },
  ),
);
/** Keyed by the frame's plot data, so an unchanged frame keeps its view and the panels do not redraw. */
const retrainedViews = new WeakMap<StackPlotData, SweepView>();

/**
 * The sweep figure: the sweep retraining here once it has reported weights (its newest frame, or
 * the frame at `selectedStep` on its timeline), else the shipped one.
 */
export function sweepView(status: TrainingStatus, sweep: ShippedFile | null, selectedStep: number | null = null): SweepView | null {
  if (status.target === 'sweep' && status.snapshot) {
    const frame = runFrame(status, selectedStep);
    const first = frame?.instances[0];
    if (frame && first) {
      let view = retrainedViews.get(first.plot);
      if (!view) {
        const what = isRunning(status, 'sweep') ? 'the sweep you are retraining' : 'the sweep you retrained';
        view = sweepViewOf(frame.instances, `${what} (step ${frame.step.toLocaleString('en')})`, frame, {
          kind: 'trained here',
          config: status.config,
          step: frame.step,
        });
        retrainedViews.set(first.plot, view);
      }
      return view;
    }
  }
  return sweep ? shippedSweepView(sweep) : null;
}

/** The sweep's loss curves, one per level, while the sweep retrains here and after. */
export function sweepLossSeries(status: TrainingStatus): LossSeries[] {
  if (status.target !== 'sweep') return [];
  return status.config.densities.map((density, k) => ({ label: `1 − S = ${formatDensity(density)}`, points: status.lossHistory[k] ?? [] }));
}

/** The shipped sweep's levels, which the sweep text describes. */
export const shippedLevels = (sweep: ShippedFile | null): readonly SweepLevel[] => (sweep ? shippedSweepView(sweep).levels : []);

// ---- the live model ----------------------------------------------------------------------------

/** The live weights the figure draws, with the configuration that trained them. */
export interface LiveShown {
  readonly config: ModelConfig;
  readonly instance: InstanceSnapshot;
  readonly step: number;
}

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

/**
 * The live figure: the live run if it trains the state's configuration (its newest weights drawn,
 * `shown`, or the frame at `selectedStep` on its timeline), else the shipped model nearest to it.
 */
export function liveView(
  state: ArticleState,
  status: TrainingStatus,
  shown: LiveShown | null,
  sweep: ShippedFile | null,
  selectedStep: number | null = null,
): LiveView | null {
  const config = liveConfig(state);
  if (status.target === 'live' && shown && sameConfig(status.config, config) && sameConfig(shown.config, config)) {
    // The newest weights are drawn once NextTask hands them over (shown); a chosen frame at once.
    const known = [{ step: shown.step, analyses: [shown.instance.analysis] }];
    const frame = runFrame(status, selectedStep ?? shown.step, known, selectedStep === null);
    const drawn = frame?.instances[0];
    if (frame && drawn) {
      const { analysis } = drawn;
      const final = status.phase === 'completed' && frame.step === status.step;
      const label = final
        ? 'trained here'
        : selectedStep !== null && !frame.newest
          ? `step ${frame.step.toLocaleString('en')} of the run, chosen on its timeline`
          : `training here, step ${frame.step.toLocaleString('en')}`;
      return {
        plot: drawn.plot,
        caption: `The live model at 1 − S = ${formatDensity(densityOf(config))} (${label}).`,
        counts: `${countsSentence(analysis)}${shippedComparison(sweep, config)}`,
        source: 'live',
        step: frame.step,
        monosemantic: analysis.counts.monosemantic,
        frame,
        exportSource: { kind: 'trained here', config: status.config, step: frame.step },
      };
    }
  }
  const nearest = nearestPaperDensity(densityOf(config));
  const shipped = shippedAt(sweep, config, nearest);
  if (!shipped || !sweep) return null;
  return {
    plot: plotOf(shipped.analysis),
    caption: isShipped(sweep, config)
      ? `The shipped model at 1 − S = ${formatDensity(nearest)}: the model this configuration trains. ${trainingBudget(sweep.file)}`
      : `The shipped model at 1 − S = ${formatDensity(nearest)}, the nearest precomputed level, shown until the live model reports.`,
    counts: countsSentence(shipped.analysis),
    source: 'shipped',
    step: sweep.file.config.steps,
    monosemantic: shipped.analysis.counts.monosemantic,
    frame: null,
    exportSource: { kind: 'shipped', config: { ...sweep.file.config, densities: [nearest] }, step: sweep.file.config.steps },
  };
}

/** At a paper level, the shipped model's count there: the reference a finished live model should land near. */
function shippedComparison(sweep: ShippedFile | null, config: ModelConfig): string {
  const shipped = shippedAt(sweep, config, densityOf(config));
  if (!sweep || !shipped) return '';
  const c = sweep.file.config;
  return ` The shipped model at this level (${c.steps.toLocaleString('en')} steps, seed ${c.seed}) has ${shipped.analysis.counts.monosemantic}.`;
}

/** The live loss curve, labelled with the density of the run that drew it (not the slider's). */
export function liveLossSeries(status: TrainingStatus): LossSeries[] {
  if (status.target !== 'live' || !status.lossHistory[0]) return [];
  return [{ label: `1 − S = ${formatDensity(densityOf(status.config))}, live`, points: status.lossHistory[0] }];
}

// ---- the motif model ---------------------------------------------------------------------------

export interface MotifView {
  readonly config: ModelConfig;
  readonly analysis: ModelAnalysis;
  readonly plot: StackPlotData;
  readonly closeups: readonly MotifCloseupData[];
  /** Which weights are drawn, as a phrase. */
  readonly source: string;
  /** Which weights are drawn, for the downloads' names and headings. */
  readonly exportSource: ExportSource;
}

/** The motif figure: the motif model retraining here once it has weights, else the shipped one. */
export function motifView(status: TrainingStatus, motif: ShippedFile | null): MotifView | null {
  if (!motif) return null;
  const retrained = status.target === 'motif' ? status.snapshot : null;
  const frame = retrained && status.target === 'motif' ? runFrame(status, null) : null;
  const analysis = retrained?.instances[0]?.analysis ?? motif.models[0]?.analysis;
  if (!analysis) return null;
  return {
    config: motif.file.config,
    analysis,
    plot: frame?.instances[0]?.plot ?? motifPlotOf(analysis),
    closeups: closeupsOf(analysis),
    source: retrained ? `retrained in your browser (step ${retrained.step.toLocaleString('en')})` : 'as shipped',
    exportSource: retrained
      ? { kind: 'trained here', config: motif.file.config, step: retrained.step }
      : { kind: 'shipped', config: motif.file.config, step: motif.file.config.steps },
  };
}

// ---- the intermediate regime -------------------------------------------------------------------

/** The level the intermediate-regime section reads its facts from, and draws. */
export const INTERMEDIATE_DENSITY = 0.1;

export interface IntermediateView {
  readonly facts: IntermediateFacts;
  /** The model at INTERMEDIATE_DENSITY, drawn at full size so that its halves can be read. */
  readonly plot: StackPlotData;
}

const intermediateOf = memo((sweep: ShippedFile): IntermediateView | null => {
  const mid = sweep.models.find((model) => model.density === INTERMEDIATE_DENSITY);
  return mid ? { facts: intermediateFacts(mid.analysis, mid.density), plot: plotOf(mid.analysis) } : null;
});

/** Facts about the intermediate regime and its figure, from the shipped model at INTERMEDIATE_DENSITY. */
export const intermediateView = (sweep: ShippedFile | null): IntermediateView | null => (sweep ? intermediateOf(sweep) : null);
