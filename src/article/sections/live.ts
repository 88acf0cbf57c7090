import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULT_CONFIG, PAPER_DENSITIES } from '../../model/config';
import type { BackendName } from '../../training/backend';
import type { LossSeries } from '../../viz/types';
import { formatDensity, formatLoss } from '../../viz/format';
import { attributes } from '../attributes-directive';
import { LIVE_FIGURE_ATTRIBUTES, statusAttributes } from '../exposed-state';
import { liveExport } from '../figure-exports';
import { download } from './download';
import { isRunning, type RunStatus, type TrainingStatus } from '../training-controller';
import { LIVE_LIMITS } from '../live-settings';
import type { ArticleState } from '../url-state';
import type { LiveView } from '../views';

export interface LiveSectionProps {
  readonly state: ArticleState;
  /** What the stack plot shows now, and sentences saying which model that is; null before any model. */
  readonly view: LiveView | null;
  readonly status: TrainingStatus;
  readonly workerTensors: number | null;
  readonly lossSeries: LossSeries[];
  readonly backendChoice: BackendName | 'auto';
  readonly linkMessage: string;
  readonly onSliderInput: (density: number) => void;
  readonly onSliderChange: (density: number) => void;
  readonly onTrain: () => void;
  readonly onPauseResume: () => void;
  readonly onBackendChange: (backend: BackendName | 'auto') => void;
  readonly onAdvancedApply: (form: HTMLFormElement) => void;
  readonly onCopyLink: () => void;
  /** The reader chose a step on the live run's timeline (null: back to the newest weights). */
  readonly onTimelineSeek: (step: number | null) => void;
}

const SLIDER_STEP = 0.01;
const toSlider = (density: number): number => Math.round(Math.log10(density) / SLIDER_STEP) * SLIDER_STEP;
/** Slider positions are log10(density); round to 3 significant digits so URLs stay readable. */
export const fromSlider = (position: number): number => Number((10 ** position).toPrecision(3));

/** The live status line's wording: "Step 1,200 of 3,500 · loss 2.1e-3 · backend wasm · 410 steps/s · training". */
export function statusLine(status: RunStatus): string {
  const phase =
    status.phase === 'starting'
      ? 'starting the training worker…'
      : status.phase === 'paused'
        ? 'paused'
        : status.phase === 'completed'
          ? 'finished'
          : status.phase === 'training'
            ? 'training'
            : status.phase;
  const loss = status.losses[0];
  return [
    `Step ${status.step.toLocaleString('en')} of ${status.config.steps.toLocaleString('en')}`,
    loss === undefined ? null : `loss ${formatLoss(loss)}`,
    status.backend ? `backend ${status.backend}` : null,
    status.phase === 'training' && status.stepsPerSecond > 0 ? `${Math.round(status.stepsPerSecond)} steps/s` : null,
    phase,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function liveSection(props: LiveSectionProps): TemplateResult {
  const { state, status, view } = props;
  const live = status.target === 'live' ? status : null;
  const running = isRunning(status, 'live');
  return html`
    <section id="live" data-section="live">
      <div class="prose">
        <h2>Drag the sparsity</h2>
        <p>
          Choose a feature density and the page trains a fresh model at that density, here in your browser. To finish
          in seconds it takes ${state.steps.toLocaleString('en')} steps at learning rate ${state.learningRate} where the
          shipped sweep took ${DEFAULT_CONFIG.steps.toLocaleString('en')} at ${DEFAULT_CONFIG.learningRate}: about the same
          distance travelled by Adam. At the paper’s levels the caption compares the result with the shipped model. While
          it trains you see the nearest precomputed model; then the columns move as the live model learns. Release the
          slider somewhere between the paper’s levels to see the transition the seven panels only sample.
        </p>
      </div>
      <div class="slider-row">
        <label for="density-slider">Feature density 1 − S: <output id="density-value" for="density-slider">${formatDensity(state.density)}</output></label>
        <input
          id="density-slider"
          type="range"
          min=${Math.log10(LIVE_LIMITS.density.min)}
          max=${Math.log10(LIVE_LIMITS.density.max)}
          step=${SLIDER_STEP}
          .value=${String(toSlider(state.density))}
          list="paper-levels"
          aria-valuetext=${`feature density ${formatDensity(state.density)}`}
          @input=${(e: Event) => props.onSliderInput(fromSlider(Number((e.target as HTMLInputElement).value)))}
          @change=${(e: Event) => props.onSliderChange(fromSlider(Number((e.target as HTMLInputElement).value)))}
        />
        <datalist id="paper-levels">
          ${PAPER_DENSITIES.map((d) => html`<option value=${Math.log10(d)} label=${formatDensity(d)}></option>`)}
        </datalist>
        <div class="ticks" aria-hidden="true">${[...PAPER_DENSITIES].reverse().map((d) => html`<span>${formatDensity(d)}</span>`)}</div>
      </div>
      <div class="controls">
        <button type="button" id="train-button" @click=${props.onTrain}>${running ? 'Restart' : 'Train'}</button>
        <button type="button" id="pause-button" ?disabled=${!running} @click=${props.onPauseResume}>${live?.phase === 'paused' ? 'Resume' : 'Pause'}</button>
        <label
          >Backend
          <select id="backend-select" @change=${(e: Event) => props.onBackendChange((e.target as HTMLSelectElement).value as BackendName | 'auto')}>
            ${(['auto', 'webgl', 'wasm', 'cpu', 'webgpu'] as const).map(
              (b) => html`<option value=${b} ?selected=${props.backendChoice === b}>${b === 'auto' ? 'automatic' : b}</option>`,
            )}
          </select>
        </label>
        <button type="button" @click=${props.onCopyLink}>Copy link</button>
        <span class="small" role="status">${props.linkMessage}</span>
      </div>
      <p class="status-line" id="live-status" role="status" aria-live="polite" ${attributes(statusAttributes(status, props.workerTensors))}>
        ${live ? statusLine(live) : 'Not training. Move the slider or press Train.'}
      </p>
      ${live?.message ? html`<p class="notice" role="alert">${live.message}</p>` : nothing}
      <details class="advanced">
        <summary>Advanced settings</summary>
        <form
          @submit=${(e: Event) => {
            e.preventDefault();
            props.onAdvancedApply(e.target as HTMLFormElement);
          }}
        >
          <div class="fields">
            <label>Seed <input name="seed" inputmode="numeric" .value=${String(state.seed)} /></label>
            <label>Steps <input name="steps" inputmode="numeric" .value=${String(state.steps)} /></label>
            <label>Learning rate <input name="lr" inputmode="decimal" .value=${String(state.learningRate)} /></label>
            <label>Hidden neurons m <input name="m" inputmode="numeric" .value=${String(state.m)} /></label>
            <label>Importance decay <input name="decay" inputmode="decimal" .value=${String(state.importanceDecay)} /></label>
          </div>
          <button type="submit">Apply and retrain</button>
        </form>
      </details>
      <div class="two-up">
        <figure
          id="live-figure"
          ${attributes({
            [LIVE_FIGURE_ATTRIBUTES.source]: view?.source ?? '',
            [LIVE_FIGURE_ATTRIBUTES.step]: String(view?.step ?? ''),
            [LIVE_FIGURE_ATTRIBUTES.monosemantic]: String(view?.monosemantic ?? ''),
          })}
        >
          ${
            view
              ? html`<neuron-stack-plot id="live-plot" .data=${view.plot} label=${`Neuron weights of the live model: ${view.counts}`}></neuron-stack-plot>
                ${download('live-plot', liveExport(view.exportSource, 'weights'), 'the live stack plot')}`
              : html`<p class="small">No model to show yet for this configuration; it appears as soon as training reports weights.</p>`
          }
          ${
            view?.frame && live
              ? html`<training-timeline
                  id="live-timeline"
                  label="Training timeline of the live model"
                  .steps=${view.frame.steps}
                  .index=${view.frame.index}
                  ?following=${view.frame.following}
                  total-steps=${live.config.steps}
                  @timeline-seek=${(e: CustomEvent<{ step: number | null }>) => props.onTimelineSeek(e.detail.step)}
                ></training-timeline>`
              : nothing
          }
          <figcaption>
            ${view?.caption ?? ''} ${view?.counts ?? ''}
            ${
              view?.source === 'live'
                ? html`Columns keep their place while the model trains and are sorted by their most important feature when
                    it finishes; the y axis changes only in round steps. Hover or focus a column to follow that neuron.
                    Scrub or replay the timeline to see the run again (up to 200 snapshots, from the initialisation on).`
                : nothing
            }
          </figcaption>
        </figure>
        <figure>
          ${
            props.lossSeries.length
              ? html`<loss-chart
                  id="live-loss"
                  .series=${props.lossSeries}
                  last-step=${live ? live.config.steps : 0}
                  marker-step=${view?.source === 'live' ? view.step : -1}
                  label="Training loss of the live model"
                ></loss-chart>
                ${view ? download('live-loss', liveExport(view.exportSource, 'loss'), 'the loss chart') : nothing}`
              : html`<p class="small">The loss curve appears here once a live model trains.</p>`
          }
          <figcaption>
            Importance-weighted loss on each step’s batch, read back every 25 steps and drawn up to ten times a second. The
            dashed rule marks the step whose weights the stack plot shows.
          </figcaption>
        </figure>
      </div>
    </section>
  `;
}
