import { docRef } from '../../page/source-links';
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, formatDensity, formatLoss, formatNumber } from '../../../viz/core/format';
import { BUDGET_LABELS, SWEEP_BUDGETS, type SweepBudget } from '../../state/budget';
import { formatSpread, type LevelSummary } from '../../shipped/sweep-summary';
import { budgetComparison, fs, sweepNarrative, sweepNotes } from './text';
import type { SweepPanel } from '../../../viz/sweep/sweep-figure';
import { clipCaption } from '../../../viz/sweep/sweep-layout';
import { FIGURE_NUMBER } from '../../page/article-meta';
import { type PreRunEstimate, preRunPhrase, stepOfTotal, timeLeftPhrase } from '../../training/progress';
import { isRunning, type TrainingStatus } from '../../training/training-controller';
import { marginNote, noted } from '../../page/margin-note';
import { SECTION_TITLES } from '../contents/markup';
import type { LossSeries } from '../../../viz/core/types';
import { type ExportSource, sweepExport, sweepLossExport } from '../../figures/figure-exports';
import type { RunFrameView } from '../../training/run-frame';
import { download } from '../../figures/download';
import { analysisButtons } from '../../figures/analysis-buttons';
import type { AnalysisSource } from '../../figures/analysis-download';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { colouringControl } from '../../figures/colouring-control';

export interface SweepSectionProps {
  readonly panels: readonly SweepPanel[];
  /** The levels the figure shows (shipped, over every seed of the budget, or retraining here), for the table. */
  readonly levels: readonly LevelSummary[];
  /** The shipped levels of each budget that has loaded, which the text describes and compares. */
  readonly shipped: Readonly<Record<SweepBudget, readonly LevelSummary[] | null>>;
  /** The budget the figure shows, and the converged seeds that loaded. */
  readonly budget: SweepBudget;
  readonly seed: number;
  readonly seeds: readonly number[];
  /** Why the replication sweep is not there (loading, or its error); null once it has loaded. */
  readonly replicationMissing: string | null;
  readonly onBudgetChange: (budget: SweepBudget) => void;
  readonly onSeedChange: (seed: number) => void;
  /** "the shipped converged models (seed 0)" or "the sweep you retrained (…)". */
  readonly source: string;
  /** The training budget of the weights drawn, as a sentence. */
  readonly budgetSentence: string;
  readonly status: TrainingStatus;
  /** The index of the panel the download button saves. */
  readonly selectedPanel: number;
  readonly onSelectPanel: (index: number) => void;
  readonly onRetrain: () => void;
  readonly onCancel: () => void;
  /** Puts the shipped models back in the figure after a retrained sweep stopped or finished. */
  readonly onRestore: () => void;
  /** The steps the retrain trains for (the shipped sweep's). */
  readonly retrainSteps: number;
  /** How long retraining would take here (progress.ts's preRunEstimate); null before the replication sweep has loaded. */
  readonly retrainEstimate: PreRunEstimate | null;
  /** The retraining run's frame drawn, for its timeline; null for the shipped sweep. */
  readonly frame: RunFrameView | null;
  /** The retraining run's loss curves, one per level (empty without a retrain). */
  readonly lossSeries: LossSeries[];
  /** The reader chose a step on the retrain's timeline (null: back to the newest weights). */
  readonly onTimelineSeek: (step: number | null) => void;
  /** The model the figure draws, for "Download analysis"; null before it has loaded. */
  readonly analysisSource: AnalysisSource | null;
  /** How the panels colour their segments, and the reader's choice of it. */
  readonly colouring: StackColouring;
  readonly onColouringChange: (colouring: StackColouring) => void;
  /** Which weights the panels draw, for the downloads; null before the shipped sweep has loaded. */
  readonly exportSource: ExportSource | null;
}

/** The retrain's timeline, under the panels, once the sweep has retrained here. */
function retrainTimeline(props: SweepSectionProps): TemplateResult | typeof nothing {
  const { frame, status } = props;
  if (!frame || status.target !== 'sweep') return nothing;
  return html`<training-timeline
    id="sweep-timeline"
    label="Training timeline of the retrained sweep"
    .steps=${frame.steps}
    .index=${frame.index}
    ?following=${frame.following}
    total-steps=${status.config.steps}
    @timeline-seek=${(e: CustomEvent<{ step: number | null }>) => props.onTimelineSeek(e.detail.step)}
  ></training-timeline>`;
}

/** The retrain's loss curves, marked at the step the panels show. */
function retrainLoss(props: SweepSectionProps): TemplateResult | typeof nothing {
  const { frame, status } = props;
  if (!frame || status.target !== 'sweep') return nothing;
  return html`<figure class="sweep-loss">
    <loss-chart
      id="sweep-loss"
      .series=${props.lossSeries}
      last-step=${status.config.steps}
      marker-step=${frame.step}
      label="Training loss of the retrained sweep, one line per level"
    ></loss-chart>
    ${props.exportSource ? download('sweep-loss', sweepLossExport(props.exportSource), 'the sweep’s loss chart') : nothing}
    <figcaption>Loss of each level while the sweep retrains here; the dashed rule marks the step the panels show.</figcaption>
  </figure>`;
}

/** The budget control and, for the converged budget, the seed the panels draw. */
function budgetControls(props: SweepSectionProps): TemplateResult {
  return html`<div class="controls budget-controls">
    <fieldset class="budget">
      <legend>Training budget</legend>
      ${SWEEP_BUDGETS.map(
        (budget) => html`<label
          ><input
            type="radio"
            name="sweep-budget"
            value=${budget}
            .checked=${live(props.budget === budget)}
            @change=${() => props.onBudgetChange(budget)}
          />
          ${BUDGET_LABELS[budget]}</label
        >`,
      )}
    </fieldset>
    ${
      props.budget === 'converged' && props.seeds.length > 1
        ? html`<label
            >Seed drawn
            <select id="sweep-seed-select" @change=${(e: Event) => props.onSeedChange(Number((e.target as HTMLSelectElement).value))}>
              ${props.seeds.map((seed) => html`<option value=${seed} .selected=${seed === props.seed}>${seed}</option>`)}
            </select></label
          >`
        : nothing
    }
  </div>`;
}

/** Retraining the sweep: the button with its time estimate, the run's progress, or the way back to the shipped models. */
function retrainControls(props: SweepSectionProps): TemplateResult {
  const { status } = props;
  if (isRunning(status, 'sweep')) {
    const speed = status.stepsPerSecond > 0 ? `${Math.round(status.stepsPerSecond)} steps/s` : null;
    return html`<button type="button" @click=${props.onCancel}>Stop retraining</button>
      <label>Retraining the sweep <progress max=${status.config.steps} value=${status.step}></progress></label>
      <span class="status-line" id="sweep-status">${[stepOfTotal(status), status.backend, speed, timeLeftPhrase(status)].filter(Boolean).join(' · ')}</span>`;
  }
  const estimate = props.retrainEstimate ? preRunPhrase(props.retrainEstimate) : 'an unknown time';
  const retrain =
    props.budget === 'replication'
      ? html`<button type="button" @click=${props.onRetrain}>Retrain the whole sweep</button>
          <span class="small">Trains all seven models again in your browser, ${formatCount(props.retrainSteps)} steps each:
            ${estimate}. The panels update as it goes.</span>`
      : html`<button type="button" @click=${props.onRetrain}>Retrain the replication-budget sweep</button>
          <span class="small">Switches the figure to the replication budget and trains its seven models again in your browser,
            ${formatCount(props.retrainSteps)} steps each: ${estimate}. The converged sweep trains
            each level with its own recipe, offline (recipes in ${docRef('docs/training.md')}); the live model below trains one level at a time.</span>`;
  // isRunning() narrows `status` to idle below; the run that ended is read from props again.
  const ended = props.status.target === 'sweep' ? props.status : null;
  if (ended?.snapshot && props.budget === 'replication') {
    const how =
      ended.phase === 'completed' ? 'finished' : `stopped at ${stepOfTotal(ended)}; the figure shows the last weights it reported`;
    return html`<button type="button" id="restore-sweep" @click=${props.onRestore}>Restore the shipped models</button>
      <span class="small">The figure shows the sweep you retrained (${how}).</span> ${retrain}`;
  }
  return retrain;
}

/** The counts table's cells for one level: medians with ranges over seeds. */
function levelRow(level: LevelSummary): TemplateResult {
  const loss = formatSpread(level.loss, formatLoss);
  const error = level.lossKind === 'eval' && level.seeds === 1 ? ` ± ${formatLoss(level.standardError)}` : '';
  return html`<tr>
    <td>${formatDensity(level.density)}</td>
    <td>${fs(level.monosemantic)} of ${level.neurons}</td>
    <td>${fs(level.lowParticipation)}</td>
    <td>${fs(level.representedFeatures)}</td>
    <td>${formatSpread(level.meanPolysemanticity, (v) => formatNumber(v))}</td>
    <td>${loss}${error}</td>
    <td>${formatNumber(level.cleanRatio, 2)}</td>
  </tr>`;
}

/** What the table's numbers are, for its caption. */
function tableCaption(props: SweepSectionProps): string {
  const seeds = props.levels[0]?.seeds ?? 1;
  const over = seeds > 1 ? `: median and, in brackets, range over ${seeds} seeds` : '';
  const error = props.levels[0]?.lossKind === 'eval' && seeds === 1 ? ' ± is the evaluation’s standard error.' : '';
  const budget = seeds > 1 ? 'Each level trained with its own recipe (method section).' : props.budgetSentence;
  return `Counts per sparsity level, for ${seeds > 1 ? 'the shipped converged models' : props.source}${over}. ${budget}${error}`;
}

/** The sweep section: its story (told from the shipped models of the chosen budget), Figure 1, the budget control, the retrain controls and the counts table. */
export function sweepSection(props: SweepSectionProps): TemplateResult {
  const { status } = props;
  const shipped = props.shipped[props.budget];
  const narrative = shipped ? sweepNarrative(props.budget, shipped) : [];
  const notes = shipped ? sweepNotes(props.budget, shipped) : [];
  const comparison =
    props.shipped.converged && props.shipped.replication ? budgetComparison(props.shipped.converged, props.shipped.replication) : [];
  const lossKind =
    props.levels[0]?.lossKind === 'eval' ? 'eval loss' : props.frame ? `batch loss at step ${formatCount(props.frame.step)}` : 'batch loss';
  return html`
    <section id="sweep" data-section="sweep">
      <div class="prose">
        <h2>${SECTION_TITLES.sweep}</h2>
        <p>
          Figure ${FIGURE_NUMBER.sweep} is the paper’s central experiment for this model (Elhage et al. 2022)<sup
            ><a href="#ref-toy" aria-label="Reference 1">[1]</a></sup
          >: seven networks, identical except for how often each feature is present, each drawn as a stack plot. From left
          to right the features get rarer, and the grey backgrounds of
          <a class="term" href="#term-polysemantic">polysemantic</a> neurons spread: neurons that served one feature each
          start to serve several.
        </p>
        ${noted(
          html`<aside class="margin-note" id="sweep-budget-note" aria-label="The two training budgets">
          Two training budgets: the default trains every level to convergence, each with its own recipe; the other is the
          public replications’ shorter schedule, the same at every level. Recipes, seeds and the rule that counts a neuron
          as <a class="term" href="#term-monosemantic">monosemantic</a> are in the method section. The paper gives no neuron counts; those here depend on how long the models
          train, so every count on this page is shown next to the training that produced it.
        </aside>
          ${notes.length > 0 ? marginNote(notes.join(' '), 'Notes on the counts', 'sweep-notes') : nothing}`,
          html`<p id="sweep-narrative">${narrative.join(' ')}</p>`,
        )}
        ${props.frame ? html`<p class="small" id="narrative-note">This text describes the shipped models of this budget; Figure ${FIGURE_NUMBER.sweep} and its table now show ${props.source}.</p>` : nothing}
        ${
          comparison.length > 0
            ? html`<details class="budget-comparison">
                <summary>What training to convergence changes</summary>
                <p id="budget-comparison">${comparison.join(' ')}</p>
              </details>`
            : nothing
        }
      </div>
      <figure>
        <sweep-figure
          id="sweep-figure"
          .panels=${props.panels}
          colouring=${props.colouring}
          budget=${props.frame ? 'retrained' : props.budget}
          seed=${props.frame || props.budget !== 'converged' ? Number.NaN : props.seed}
          label="Neuron weight stack plots at seven sparsity levels"
        ></sweep-figure>
        ${budgetControls(props)}
        ${props.budget === 'replication' && props.replicationMissing ? html`<p class="notice" role="status">${props.replicationMissing}</p>` : nothing}
        ${colouringControl('sweep', props.colouring, props.onColouringChange)}
        ${retrainTimeline(props)}
        <figcaption>
          <span class="figure-number">Figure ${FIGURE_NUMBER.sweep}.</span> Stack plots of ${props.source}. ${props.budgetSentence} Each panel has its own vertical scale, marked on its axis: a
          shared one would flatten the dense levels, whose stacks are about 1 tall, to a small fraction of the sparsest’s. The
          dashed lines at ±1 mark a neuron’s largest weight, so how far a stack reaches past them says how many features
          the neuron reads. Every feature is a segment of its own. ${clipCaption(props.panels)}
        </figcaption>
        ${
          props.exportSource
            ? html`<div class="controls small">
                <span>All seven panels, with their titles and the legend:</span>
                ${download('sweep-figure', sweepExport(props.exportSource), 'all panels', 'all')}
                ${props.analysisSource ? analysisButtons('sweep-figure', props.analysisSource) : nothing}
                <label
                  >One panel
                  <select id="sweep-panel-select" @change=${(e: Event) => props.onSelectPanel(Number((e.target as HTMLSelectElement).value))}>
                    ${props.panels.map((p, k) => html`<option value=${k} ?selected=${k === props.selectedPanel}>1 − S = ${formatDensity(p.density)}</option>`)}
                  </select></label
                >
                ${download(
                  'sweep-figure',
                  sweepExport(props.exportSource, props.panels[props.selectedPanel]?.density ?? 1),
                  'the chosen panel',
                  props.selectedPanel,
                )}
              </div>`
            : nothing
        }
      </figure>
      <div class="controls">${retrainControls(props)}</div>
      ${status.target === 'sweep' && status.message ? html`<p class="notice" role="alert">${status.message}</p>` : nothing}
      ${retrainLoss(props)}
      <p class="table-caption" id="counts-caption">${tableCaption(props)}</p>
      <div class="scroll-x table-scroll" role="region" aria-labelledby="counts-caption">
      <table class="counts" aria-labelledby="counts-caption">
        <thead>
          <tr>
            <th scope="col">1 − S</th>
            <th scope="col">monosemantic neurons (0.1 rule)</th>
            <th scope="col">participation ratio &lt; 1.5</th>
            <th scope="col">features computed</th>
            <th scope="col">mean polysemanticity</th>
            <th scope="col">${lossKind}</th>
            <th scope="col">loss ÷ clean 20×2</th>
          </tr>
        </thead>
        <tbody>
          ${props.levels.map(levelRow)}
        </tbody>
      </table>
      </div>
    </section>
  `;
}
