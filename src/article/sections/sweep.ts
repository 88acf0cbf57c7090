import { html, nothing, type TemplateResult } from 'lit';
import type { ModelCounts } from '../../model/analysis';
import { formatDensity, formatLoss, formatNumber } from '../../viz/format';
import type { SweepPanel } from '../../viz/sweep-figure';
import { FIGURE_NUMBER } from '../article-meta';
import { formatDuration, MEASURED_SWEEP_STEPS_PER_SECOND, stepOfTotal, timeLeftPhrase } from '../progress';
import { isRunning, type TrainingStatus } from '../training-controller';
import { fnRef } from './appendix';
import { SECTION_TITLES } from './contents';
import type { LossSeries } from '../../viz/types';
import { type ExportSource, sweepExport, sweepLossExport } from '../figure-exports';
import type { RunFrameView } from '../views';
import { download } from './download';

export interface SweepLevel {
  readonly density: number;
  readonly counts: ModelCounts;
  readonly loss: number;
}

export interface SweepSectionProps {
  readonly panels: readonly SweepPanel[];
  /** The levels the figure shows (shipped or retraining here), for the table. */
  readonly levels: readonly SweepLevel[];
  /** The shipped levels, which the text describes. */
  readonly shippedLevels: readonly SweepLevel[];
  /** "the shipped weights (…)" or "the weights you just trained (…)". */
  readonly source: string;
  readonly budget: string;
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
  /** The retraining run's frame drawn, for its timeline; null for the shipped sweep. */
  readonly frame: RunFrameView | null;
  /** The retraining run's loss curves, one per level (empty without a retrain). */
  readonly lossSeries: LossSeries[];
  /** The reader chose a step on the retrain's timeline (null: back to the newest weights). */
  readonly onTimelineSeek: (step: number | null) => void;
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

const at = (levels: readonly SweepLevel[], density: number): SweepLevel | undefined => levels.find((l) => l.density === density);

/**
 * The story of the sweep, told from the shipped models (trained to the end): every count is read
 * off them, and each claim is made only when their numbers bear it out. A sweep retraining here
 * shows in the figure and the table, not in this text, which would contradict itself mid-training.
 */
function narrative(levels: readonly SweepLevel[]): TemplateResult {
  const dense = at(levels, 1);
  const mid = at(levels, 0.03);
  const sparsest = at(levels, 0.001);
  if (!dense || !mid || !sparsest) return html``;
  const m = dense.counts.neurons;
  const pairs = Math.floor(m / 2);
  const denseDedicated = dense.counts.monosemantic === m;
  const firstPoly = levels.find((l) => l.counts.polysemantic > 0);
  const computed = mid.counts.representedFeatures;
  return html`
    <p>
      In the shipped models, with every feature present in every example (1 − S = 1), ${dense.counts.monosemantic} of
      ${m} neurons are monosemantic${denseDedicated ? ', each reading a single feature,' : ''} and the model computes |x|
      for ${dense.counts.representedFeatures} features.
      ${denseDedicated ? 'Interference would cost it on every example, so it does not share.' : nothing}
      ${
        firstPoly
          ? html`The first polysemantic neurons appear at 1 − S = ${formatDensity(firstPoly.density)}
            (${firstPoly.counts.polysemantic} of ${m}, with a mean polysemanticity score of
            ${formatNumber(firstPoly.counts.meanPolysemanticity)}).`
          : nothing
      }
      At 1 − S = 0.03, ${mid.counts.monosemantic} neurons remain monosemantic and ${mid.counts.polysemantic} read several
      features; the model now computes ${computed} features,
      ${computed > pairs ? 'more than' : 'against'} the ${pairs} that ${m} neurons could serve one pair each. At
      1 − S = 0.001, ${sparsest.counts.monosemantic} of ${m} neurons are monosemantic.
    </p>
  `;
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
  const estimate = formatDuration(props.retrainSteps / MEASURED_SWEEP_STEPS_PER_SECOND);
  const retrain = html`<button type="button" @click=${props.onRetrain}>Retrain the whole sweep</button>
    <span class="small">Trains all seven models again in your browser, ${props.retrainSteps.toLocaleString('en')} steps each:
      ${estimate} on a two-core laptop. The panels update as it goes.</span>`;
  // isRunning() narrows `status` to idle below; the run that ended is read from props again.
  const ended = props.status.target === 'sweep' ? props.status : null;
  if (ended?.snapshot) {
    const how = ended.phase === 'completed' ? 'finished' : `stopped at ${stepOfTotal(ended)}`;
    return html`<button type="button" id="restore-sweep" @click=${props.onRestore}>Restore the shipped models</button>
      <span class="small">The figure shows the sweep you retrained (${how}).</span> ${retrain}`;
  }
  return retrain;
}

/** The sweep section: its story (told from the shipped models), Figure 1, the retrain controls and the counts table. */
export function sweepSection(props: SweepSectionProps): TemplateResult {
  const { status } = props;
  return html`
    <section id="sweep" data-section="sweep">
      <div class="prose">
        <h2>${SECTION_TITLES.sweep}</h2>
        <p>
          The paper’s central figure for this model trains seven networks, identical except for how sparse their
          inputs are, and lines up their stack plots. Figure ${FIGURE_NUMBER.sweep} shows seven models trained by this
          page’s own engine. Each caption counts <a class="term" href="#term-monosemantic">monosemantic</a> neurons with
          the rule given in the method section.${fnRef('budget')}
        </p>
        ${narrative(props.shippedLevels)}
      </div>
      <figure>
        <sweep-figure id="sweep-figure" .panels=${props.panels} label="Neuron weight stack plots at seven sparsity levels"></sweep-figure>
        ${retrainTimeline(props)}
        <figcaption>
          <span class="figure-number">Figure ${FIGURE_NUMBER.sweep}.</span> Stack plots of ${props.source}. ${props.budget} Each panel has its own vertical scale, marked on its axis: a
          shared one would flatten the dense levels, whose stacks are about 1 tall, to about a ninth of the sparsest’s. The
          dashed lines at ±1 mark a neuron’s largest weight, so how far a stack reaches past them says how many features
          the neuron reads. Every feature is a segment of its own.
        </figcaption>
        ${
          props.exportSource
            ? html`<div class="controls small">
                <span>All seven panels, with their titles and the legend:</span>
                ${download('sweep-figure', sweepExport(props.exportSource), 'all panels', 'all')}
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
      <div class="scroll-x table-scroll" role="region" aria-labelledby="counts-caption">
      <table class="counts">
        <caption id="counts-caption">Counts per sparsity level, for ${props.source}</caption>
        <thead>
          <tr><th scope="col">1 − S</th><th scope="col">monosemantic neurons</th><th scope="col">features computed</th><th scope="col">mean polysemanticity</th><th scope="col">${props.frame ? `loss at step ${props.frame.step.toLocaleString('en')}` : 'final loss'}</th></tr>
        </thead>
        <tbody>
          ${props.levels.map(
            (l) => html`<tr>
              <td>${formatDensity(l.density)}</td>
              <td>${l.counts.monosemantic} of ${l.counts.neurons}</td>
              <td>${l.counts.representedFeatures}</td>
              <td>${formatNumber(l.counts.meanPolysemanticity)}</td>
              <td>${formatLoss(l.loss)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
    </section>
  `;
}
