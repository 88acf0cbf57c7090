/**
 * Pure view functions: (state, training status, shipped models) → what each section draws.
 * Derived figure data is memoised on the analysis object it comes from, so a progress report
 * that brings no new weights redraws nothing.
 */
import type { ModelAnalysis, ModelCounts } from '../model/analysis';
import type { ModelConfig } from '../model/config';
import type { InstanceSnapshot, WeightsSnapshot } from '../training/snapshot';
import type { SweepPanel } from '../viz/sweep-figure';
import type { LossSeries, MotifCloseupData, StackPlotData } from '../viz/types';
import { motifCloseupData, motifHighlights, stackPlotData } from './figure-data';
import { formatDensity, plural } from '../viz/format';
import { liveConfig, densityOf, nearestPaperDensity } from './live-settings';
import { trainingBudget } from './sections/method';
import { type IntermediateFacts, intermediateFacts } from './sections/intermediate';
import type { SweepLevel } from './sections/sweep';
import { isShipped, type ShippedFile, sameConfig, shippedAt } from './shipped-models';
import type { TrainingStatus } from './training-controller';
import type { ArticleState } from './url-state';

function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

const plotOf = memo((analysis: ModelAnalysis) => stackPlotData(analysis));
const motifPlotOf = memo((analysis: ModelAnalysis) => stackPlotData(analysis, motifHighlights(analysis.motifs)));
const closeupsOf = memo((analysis: ModelAnalysis) => analysis.motifs.map((m, k) => motifCloseupData(analysis.normalised, m, k)));

/** "11 of 40 neurons monosemantic": the one wording of the count, in captions and sentences. */
export const monosemanticPhrase = (counts: ModelCounts): string =>
  `${counts.monosemantic} of ${plural(counts.neurons, 'neuron')} monosemantic`;

/** "11 of 40 neurons monosemantic; 19 features computed." */
export const countsSentence = (analysis: ModelAnalysis): string =>
  `${monosemanticPhrase(analysis.counts)}; ${plural(analysis.counts.representedFeatures, 'feature')} computed.`;

// ---- the sweep ---------------------------------------------------------------------------------

export interface SweepView {
  readonly panels: readonly SweepPanel[];
  /** The levels the figure shows, for the table. */
  readonly levels: readonly SweepLevel[];
  /** Which weights the figure shows, as a phrase. */
  readonly source: string;
}

interface LevelModel {
  readonly density: number;
  readonly analysis: ModelAnalysis;
  readonly loss: number;
}

function sweepViewOf(models: readonly LevelModel[], source: string): SweepView {
  return {
    panels: models.map((model) => ({
      density: model.density,
      caption: monosemanticPhrase(model.analysis.counts),
      data: plotOf(model.analysis),
    })),
    levels: models.map((model) => ({ density: model.density, counts: model.analysis.counts, loss: model.loss })),
    source,
  };
}

const shippedSweepView = memo((sweep: ShippedFile) => sweepViewOf(sweep.models, 'the shipped weights'));
/** Keyed by snapshot: the table's losses are those reported with the weights drawn. */
const retrainedViews = new WeakMap<WeightsSnapshot, SweepView>();

/** The sweep figure: the sweep retraining here once it has weights, else the shipped one. */
export function sweepView(status: TrainingStatus, sweep: ShippedFile | null): SweepView | null {
  if (status.target === 'sweep' && status.snapshot) {
    const { snapshot, losses } = status;
    let view = retrainedViews.get(snapshot);
    if (!view) {
      const models = snapshot.instances.map((i, k) => ({ density: i.density, analysis: i.analysis, loss: losses[k] ?? Number.NaN }));
      view = sweepViewOf(models, `the sweep you are retraining (step ${snapshot.step.toLocaleString('en')})`);
      retrainedViews.set(snapshot, view);
    }
    return view;
  }
  return sweep ? shippedSweepView(sweep) : null;
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
}

/** The live figure: the live run if it trains the state's configuration, else the shipped model nearest to it. */
export function liveView(state: ArticleState, status: TrainingStatus, shown: LiveShown | null, sweep: ShippedFile | null): LiveView | null {
  const config = liveConfig(state);
  if (status.target === 'live' && shown && sameConfig(status.config, config) && sameConfig(shown.config, config)) {
    const { analysis } = shown.instance;
    const final = status.phase === 'completed' && shown.step === status.step;
    const label = final ? 'trained here' : `training here, step ${shown.step.toLocaleString('en')}`;
    return {
      plot: plotOf(analysis),
      caption: `The live model at 1 − S = ${formatDensity(densityOf(config))} (${label}).`,
      counts: `${countsSentence(analysis)}${shippedComparison(sweep, config)}`,
      source: 'live',
      step: shown.step,
      monosemantic: analysis.counts.monosemantic,
    };
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
}

/** The motif figure: the motif model retraining here once it has weights, else the shipped one. */
export function motifView(status: TrainingStatus, motif: ShippedFile | null): MotifView | null {
  if (!motif) return null;
  const retrained = status.target === 'motif' ? status.snapshot : null;
  const analysis = retrained?.instances[0]?.analysis ?? motif.models[0]?.analysis;
  if (!analysis) return null;
  return {
    config: motif.file.config,
    analysis,
    plot: motifPlotOf(analysis),
    closeups: closeupsOf(analysis),
    source: retrained ? `retrained in your browser (step ${retrained.step.toLocaleString('en')})` : 'as shipped',
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
