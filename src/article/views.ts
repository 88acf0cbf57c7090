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
import type { ExportSource } from './figures/figure-exports';
import { formatDensity } from '../viz/format';
import { liveConfig, densityOf, nearestPaperDensity } from './state/live-settings';
import { trainingBudget } from './sections/method/markup';
import { type IntermediateFacts, intermediateFacts } from './sections/intermediate/markup';
import { type AnalysedModel, isShipped, type ShippedFile, type ShippedModels, sameConfig, shippedAt } from './shipped/shipped-models';
import type { SweepBudget } from './state/budget';
import { type LevelSummary, levelAt, summariseLevels } from './shipped/sweep-summary';
import { recipeConfig } from '../model/recipe';
import { isRunning, type TrainingStatus } from './training/training-controller';
import type { ArticleState, SweepSettings } from './state/url-state';
import { type RunFrameView, runFrame } from './training/run-frame';
import { closeupsOf, countsSentence, memo, monosemanticPhrase, motifPlotOf, plotOf } from './figures/view-parts';

export { countsSentence, monosemanticPhrase } from './figures/view-parts';
export { type KnownAnalyses, type RunFrameView, type RunInstanceView, runFrame } from './training/run-frame';

// ---- the sweep ---------------------------------------------------------------------------------

/** The shipped sweep the figure shows: its budget, the seed drawn, and every seed's file of that budget. */
export interface ShownSweep {
  readonly budget: SweepBudget;
  /** The file the panels draw (for the converged budget, the chosen seed's). */
  readonly drawn: ShippedFile;
  readonly seed: number;
  /** Every seed's file of the budget, in seed order (one for the replication budget). */
  readonly seeds: readonly ShippedFile[];
}

const convergedFiles = memo((models: ShippedModels): readonly ShippedFile[] => models.converged.map((s) => s.sweep));
const replicationFiles = memo((replication: ShippedFile): readonly ShippedFile[] => [replication]);

/**
 * The shipped sweep of `settings.budget`: the converged seed asked for (the first loaded if that
 * one did not load), or the replication sweep; null while it has not loaded.
 */
export function shownSweep(models: ShippedModels | undefined, replication: ShippedFile | null, settings: SweepSettings): ShownSweep | null {
  if (settings.budget === 'replication') {
    return replication
      ? { budget: 'replication', drawn: replication, seed: replication.file.config.seed, seeds: replicationFiles(replication) }
      : null;
  }
  const chosen = models?.converged.find((s) => s.seed === settings.sweepSeed) ?? models?.converged[0];
  if (!models || !chosen) return null;
  return { budget: 'converged', drawn: chosen.sweep, seed: chosen.seed, seeds: convergedFiles(models) };
}

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
}

/** Every level of a shipped budget, summarised over its seeds. */
export const shippedSummary = memo((seeds: readonly ShippedFile[]): LevelSummary[] =>
  summariseLevels(
    seeds.map((s) => s.models),
    seeds[0]!.file.config,
  ),
);

const panelsOf = (models: readonly { density: number; analysis: ModelAnalysis; plot: StackPlotData }[]): SweepPanel[] =>
  models.map((model) => ({ density: model.density, caption: monosemanticPhrase(model.analysis.counts), data: model.plot }));

const shippedPanels = memo((sweep: ShippedFile): SweepPanel[] => panelsOf(sweep.models.map((m) => ({ ...m, plot: plotOf(m.analysis) }))));

/** "the shipped converged models (seed 1)" or "the shipped replication-budget models". */
export function shippedSource(shown: Pick<ShownSweep, 'budget' | 'seed'>): string {
  return shown.budget === 'converged' ? `the shipped converged models (seed ${shown.seed})` : 'the shipped replication-budget models';
}

function shippedSweepView(shown: ShownSweep): SweepView {
  const { config } = shown.drawn.file;
  const recipes = shown.drawn.file.instances.map((instance) => instance.recipe);
  const levelRecipes = recipes.every((r) => r !== undefined) ? { levelRecipes: recipes } : {};
  return {
    panels: shippedPanels(shown.drawn),
    levels: shippedSummary(shown.seeds),
    source: shippedSource(shown),
    frame: null,
    exportSource: { kind: 'shipped', config, step: config.steps, ...levelRecipes },
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
          source: `${what} (step ${frame.step.toLocaleString('en')})`,
          frame,
          exportSource: { kind: 'trained here', config: status.config, step: frame.step },
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
 * `shown`, or the frame at `selectedStep` on its timeline), else a shipped model: the replication
 * sweep's when it holds exactly this configuration, else the converged sweep's (`reference`, the
 * seed the sweep figure draws) at the nearest paper level.
 */
export function liveView(
  state: ArticleState,
  status: TrainingStatus,
  shown: LiveShown | null,
  reference: ShownSweep | null,
  replication: ShippedFile | null,
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
        counts: `${countsSentence(analysis)}${convergedComparison(reference, config)}`,
        source: 'live',
        step: frame.step,
        monosemantic: analysis.counts.monosemantic,
        frame,
        exportSource: { kind: 'trained here', config: status.config, step: frame.step },
      };
    }
  }
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
function convergedComparison(reference: ShownSweep | null, config: ModelConfig): string {
  if (!reference || !shippedAt(reference.drawn, config, densityOf(config))) return '';
  const level = levelAt(shippedSummary(reference.seeds), densityOf(config));
  if (!level) return '';
  const seeds = reference.seeds.map((s) => s.file.config.seed).join(', ');
  const { median, min, max } = level.monosemantic;
  return min === max
    ? ` The shipped converged models at this level have ${median} monosemantic neurons in each of seeds ${seeds}.`
    : ` The shipped converged models at this level have a median of ${median} monosemantic neurons (${min}–${max} over seeds ${seeds}).`;
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
  /** Which model it is: "the shipped converged model (seed 0)". */
  readonly source: string;
}

const intermediateOf = memo((sweep: ShippedFile): Omit<IntermediateView, 'source'> | null => {
  const mid = sweep.models.find((model) => model.density === INTERMEDIATE_DENSITY);
  return mid ? { facts: intermediateFacts(mid.analysis, mid.density), plot: plotOf(mid.analysis) } : null;
});

/** Facts about the intermediate regime and its figure, from the shown sweep's model at INTERMEDIATE_DENSITY. */
export function intermediateView(shown: ShownSweep | null): IntermediateView | null {
  const view = shown ? intermediateOf(shown.drawn) : null;
  if (!view || !shown) return null;
  const source = shown.budget === 'converged' ? `the shipped converged model (seed ${shown.seed})` : 'the shipped replication-budget model';
  return { ...view, source };
}
