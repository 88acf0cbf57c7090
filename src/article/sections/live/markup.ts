import { live } from 'lit/directives/live.js';
import { keyed } from 'lit/directives/keyed.js';
import { marginNote, noted } from '../../page/margin-note';
import { olderLinkNotice } from '../../page/older-link-notice';
import { colouringOf } from '../../state/colouring-field';
import { html, nothing, type TemplateResult } from 'lit';
import { PAPER_DENSITIES } from '../../../model/config';
import type { BackendName } from '../../../training/backend';
import type { LossSeries } from '../../../viz/core/types';
import { formatDensity, plural } from '../../../viz/core/format';
import { formValues, rangeHint, type SettingName, SETTING_FIELDS, scheduleSentence } from '../../state/advanced-settings';
import { FIGURE_NUMBER } from '../../page/article-meta';
import { attributes } from '../../figures/attributes-directive';
import {
  DETENT,
  densityAfterKey,
  densityAt,
  isSliderKey,
  positionOf,
  SLIDER_MAX,
  SLIDER_MIN,
  trackFraction,
} from '../../state/density-slider';
import { LIVE_LIMITS } from '../../state/live-settings';
import { LIVE_FIGURE_ATTRIBUTES, statusAttributes } from '../../figures/exposed-state';
import { liveExport } from '../../figures/figure-exports';
import { download } from '../../figures/download';
import { isRunning, type TrainingStatus } from '../../training/training-controller';
import type { ArticleState } from '../../state/url-state';
import { idleLine, statusLine } from './text';
import type { LiveView } from './view';
import type { LivePhase } from '../../live/live-run';
import { fnRef } from '../appendix/markup';
import { SECTION_TITLES } from '../contents/markup';

export interface LiveSectionProps {
  readonly state: ArticleState;
  /** What the stack plot shows now, and sentences saying which model that is; null before any model. */
  readonly view: LiveView | null;
  readonly status: TrainingStatus;
  readonly workerTensors: number | null;
  /** The live-run state machine's phase. */
  readonly liveRun: LivePhase;
  readonly lossSeries: LossSeries[];
  readonly backendChoice: BackendName | 'auto';
  readonly linkMessage: string;
  /** Errors the advanced settings form shows next to its fields, by field name. */
  readonly settingErrors: Partial<Record<SettingName, string>>;
  /** Changes at each navigation: the form is drawn anew, dropping a draft the reader did not apply. */
  readonly formGeneration: number;
  /** The slider moved (dragged or by a key): the display follows, nothing is committed yet. */
  readonly onSliderInput: (density: number) => void;
  /** The slider was released: a new configuration, committed at once. */
  readonly onSliderCommit: (density: number) => void;
  /** A key moved the slider: the display follows and the density is committed once the keys are still. */
  readonly onSliderKey: (density: number) => void;
  /** The slider lost focus: a density waiting for the keys to be still is committed now. */
  readonly onSliderBlur: () => void;
  readonly onTrain: () => void;
  readonly onPauseResume: () => void;
  readonly onBackendChange: (backend: BackendName | 'auto') => void;
  /** The form was submitted; the article validates it, and applies it only when every field is valid. */
  readonly onAdvancedApply: (form: HTMLFormElement) => void;
  /** A field was edited: the article rechecks it if it was refused. */
  readonly onSettingInput: (input: HTMLInputElement) => void;
  readonly onCopyLink: () => void;
  /** Moves a link of the constant schedule (formats 1 and 2) onto the live recipe at its density, and Figure 1 onto the converged budget. */
  readonly onUseLiveRecipe: () => void;
  /** The reader chose a step on the live run's timeline (null: back to the newest weights). */
  readonly onTimelineSeek: (step: number | null) => void;
}

/**
 * The slider over log10(density) with the paper's levels as ticks. Its keys are its own
 * (density-slider.ts): the browser's would move by its fixed step and commit at every press.
 * The ticks sit where the thumb's centre goes: the track is inset by half a thumb at both ends.
 */
function densitySlider(props: LiveSectionProps): TemplateResult {
  const { state } = props;
  const position = (e: Event) => Number((e.target as HTMLInputElement).value);
  const onKeyDown = (e: KeyboardEvent) => {
    if (!isSliderKey(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    props.onSliderKey(densityAfterKey(state.density, e.key));
  };
  const levels = [...PAPER_DENSITIES].sort((a, b) => a - b);
  return html`<div class="slider-row">
    <label for="density-slider">Feature density 1 − S: <output id="density-value" for="density-slider">${formatDensity(state.density)}</output></label>
    <div class="slider-track">
      <input
        id="density-slider"
        type="range"
        min=${SLIDER_MIN}
        max=${SLIDER_MAX}
        step="any"
        .value=${live(String(positionOf(state.density)))}
        aria-valuetext=${`feature density ${formatDensity(state.density)}`}
        aria-describedby="slider-keys"
        @input=${(e: Event) => props.onSliderInput(densityAt(position(e)))}
        @change=${(e: Event) => props.onSliderCommit(densityAt(position(e)))}
        @keydown=${onKeyDown}
        @blur=${props.onSliderBlur}
      />
      <div class="ticks" aria-hidden="true">
        ${levels.map(
          (d) =>
            html`<span class="tick" data-density=${d} style=${`--at: ${trackFraction(d)}`}><span class="tick-label">${formatDensity(d)}</span></span>`,
        )}
      </div>
    </div>
    <p class="small" id="slider-keys">
      Any density from ${formatDensity(LIVE_LIMITS.density.min)} to ${formatDensity(LIVE_LIMITS.density.max)} can be chosen; a release near one of the paper’s seven levels
      (within about ${Math.round((10 ** DETENT - 1) * 100)}%) snaps onto it. Keys: arrows move a tenth of a decade, Page Up and Page Down jump
      between the paper’s levels.
    </p>
  </div>`;
}

/** The advanced settings, each field with its valid range and, when its value is refused, the reason beside it. */
function advancedSettings(props: LiveSectionProps): TemplateResult {
  const { state, settingErrors } = props;
  const errorCount = Object.keys(settingErrors).length;
  const values = formValues(state);
  // Keyed: the fields' values are bound without live() so that a re-render (a training report)
  // never overwrites what the reader is typing; a navigation draws a new form with the entry's values.
  return html`<details class="advanced">
    <summary>Advanced settings</summary>
    ${keyed(
      props.formGeneration,
      html`<form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        props.onAdvancedApply(e.target as HTMLFormElement);
      }}
      @input=${(e: Event) => {
        if (e.target instanceof HTMLInputElement) props.onSettingInput(e.target);
      }}
    >
      <div class="fields">
        ${SETTING_FIELDS.map((field) => {
          const error = settingErrors[field.name];
          return html`<div class="field">
            <label for=${`setting-${field.name}`}>${field.label}</label>
            <input
              id=${`setting-${field.name}`}
              name=${field.name}
              inputmode=${field.inputMode}
              autocomplete="off"
              .value=${String(values[field.key])}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${`hint-${field.name}${error ? ` error-${field.name}` : ''}`}
            />
            <span class="hint" id=${`hint-${field.name}`}>${rangeHint(field)}</span>
            ${error ? html`<span class="field-error" id=${`error-${field.name}`}>${error}</span>` : nothing}
          </div>`;
        })}
      </div>
      <button type="submit">Apply and retrain</button>
      ${
        errorCount
          ? html`<span class="field-error" role="alert">Nothing was trained: ${plural(errorCount, 'field needs', 'fields need')} a valid value.</span>`
          : nothing
      }
    </form>`,
    )}
  </details>`;
}

/**
 * The live section: its text (and, for an older link, the notice under its heading), then the live
 * model's stack plot with, under it as under every figure, the slider, the run's controls and
 * status and the advanced settings, then its timeline and caption; the loss curve beside it (under
 * it on a phone). The controls sit above the parts that change as the model trains, so they hold
 * still under the reader's pointer. Keyboard order follows: the plot, its controls, the timeline.
 */
export function liveSection(props: LiveSectionProps): TemplateResult {
  const { state, status, view } = props;
  const live = status.target === 'live' ? status : null;
  const running = isRunning(status, 'live');
  const schedule = scheduleSentence(state);
  return html`
    <section id="live" data-section="live">
      <div class="prose">
        <h2>${SECTION_TITLES.live}</h2>
        ${olderLinkNotice(state, 'live-older-link-notice', props.onUseLiveRecipe)}
        ${noted(
          marginNote(
            state.recipe === 'live'
              ? html`${schedule}${schedule.includes('Adam') ? fnRef('adam') : nothing} The live recipe is the converged one
                  shortened to fit a browser’s budget, so at the paper’s levels the caption compares the result with the
                  shipped converged models.`
              : schedule,
            'The live training recipe',
            'live-recipe-note',
          ),
          html`<p>
            Choose a feature density on the slider under the plot and the page trains a fresh model at that density, here in your
            browser: Figure ${FIGURE_NUMBER.livePlot} shows its neurons and Figure ${FIGURE_NUMBER.liveLoss} its loss. Until
            it reports, you see the nearest precomputed model; then the columns move as the live model learns. Release the
            slider between the paper’s levels to see the transition the seven panels only sample.
          </p>`,
        )}
      </div>
      <div class="two-up">
        <figure
          id="live-figure"
          ${attributes({
            [LIVE_FIGURE_ATTRIBUTES.source]: view?.source ?? '',
            [LIVE_FIGURE_ATTRIBUTES.step]: String(view?.step ?? ''),
            [LIVE_FIGURE_ATTRIBUTES.monosemantic]: String(view?.monosemantic ?? ''),
            [LIVE_FIGURE_ATTRIBUTES.timelineSteps]: view?.frame?.steps.join(',') ?? '',
          })}
        >
          ${
            view
              ? html`<neuron-stack-plot id="live-plot" data-budget="live" colouring=${colouringOf(props.state.colouring)} .data=${view.plot} label=${`Neuron weights of the live model: ${view.counts}`}></neuron-stack-plot>
                ${download('live-plot', liveExport(view.exportSource, 'weights'), 'the live stack plot')}`
              : html`<p class="small">No model to show yet for this configuration; it appears as soon as training reports weights.</p>`
          }
          <!-- The controls right under the plot, above the timeline and caption that change as it trains, so they hold still. -->
          ${densitySlider(props)}
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
          <!-- Not a live region: it changes at every report. The article's announcer says when a run starts, pauses and ends. -->
          <p class="status-line" id="live-status" ${attributes(statusAttributes(status, props.liveRun, props.workerTensors))}>
            ${live ? statusLine(live) : idleLine(status, props.liveRun)}
          </p>
          ${live?.message ? html`<p class="notice" role="alert">${live.message}</p>` : nothing}
          ${advancedSettings(props)}
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
            <span class="figure-number">Figure ${FIGURE_NUMBER.livePlot}.</span> ${view?.caption ?? ''} ${view?.counts ?? ''}
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
            <span class="figure-number">Figure ${FIGURE_NUMBER.liveLoss}.</span> Importance-weighted loss on each step’s
            batch, read back every 25 steps and drawn up to ten times a second. The dashed rule marks the step whose
            weights the stack plot shows.
          </figcaption>
        </figure>
      </div>
    </section>
  `;
}
