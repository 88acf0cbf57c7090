/**
 * <training-timeline>: scrub and replay a run's kept snapshots (docs/figures.md, "The training
 * timeline"). A range input whose stops are the kept frames, a Replay button that steps through
 * them from the start, and a Latest button that returns the figures to the newest weights. It
 * draws what it is given and says what the reader chose through a `timeline-seek` event; the page
 * decides what the figures show.
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { figureButtonStyles } from '../core/viz-styles';
import { replayStart } from './timeline-layout';

/** What a `timeline-seek` event says: the step chosen, or null to follow the newest weights. */
export interface TimelineSeekDetail {
  readonly step: number | null;
}

/** Time between frames while replaying, ms: about a second for every eight kept snapshots. */
export const REPLAY_FRAME_MS = 125;

/** Set `steps` (the kept frames' steps, ascending), `index` (the frame drawn), `following` and `label`. */
@customElement('training-timeline')
export class TrainingTimeline extends LitElement {
  static override styles = [
    figureButtonStyles,
    css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
      font: 13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #333;
    }
    input[type='range'] {
      flex: 1 1 12rem;
      min-width: 8rem;
      margin: 0;
    }
    output {
      font-variant-numeric: tabular-nums;
      min-width: 9.5em;
    }
    button:disabled {
      cursor: default;
      color: #767676;
    }
    input:focus-visible {
      outline: 2px solid #1a5fb4;
      outline-offset: 1px;
    }
  `,
  ];

  /** Steps of the kept frames, ascending. */
  @property({ attribute: false }) steps: readonly number[] = [];

  /** Index into `steps` of the frame the figures draw. */
  @property({ type: Number }) index = 0;

  /** Whether the figures follow the newest weights (nothing chosen). */
  @property({ type: Boolean }) following = true;

  /** Accessible name of the scrubber, e.g. "Training timeline of the live model". */
  @property() label = 'Training timeline';

  /** The step the run ends at, for "step 1,200 of 3,500"; 0 when unknown. */
  @property({ type: Number, attribute: 'total-steps' }) totalSteps = 0;

  @state() private playing = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Where a replay is, as an index into `steps`. */
  private playhead = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new run (fewer frames than the playhead) ends a replay of the old one.
    if (changed.has('steps') && this.playing && this.playhead >= this.steps.length) this.stop();
  }

  protected override render() {
    const last = Math.max(0, this.steps.length - 1);
    const index = Math.min(this.index, last);
    const step = this.steps[index] ?? 0;
    const stepText = `step ${step.toLocaleString('en')}${this.totalSteps > 0 ? ` of ${this.totalSteps.toLocaleString('en')}` : ''}`;
    return html`<button type="button" class="replay" aria-pressed=${this.playing ? 'true' : 'false'} ?disabled=${last === 0} @click=${this.onReplay}>
        ${this.playing ? 'Pause replay' : 'Replay'}
      </button>
      <input
        type="range"
        min="0"
        max=${last}
        step="1"
        .value=${String(index)}
        aria-label=${this.label}
        aria-valuetext=${`${stepText}, snapshot ${index + 1} of ${last + 1}`}
        ?disabled=${last === 0}
        @input=${this.onInput}
      />
      <output>${stepText}</output>
      <button type="button" class="latest" ?disabled=${this.following} @click=${this.onLatest}>Latest</button>`;
  }

  private readonly onInput = (e: Event): void => {
    this.stop();
    const index = Number((e.target as HTMLInputElement).value);
    this.seek(index >= this.steps.length - 1 ? null : (this.steps[index] ?? null));
  };

  private readonly onLatest = (): void => {
    this.stop();
    this.seek(null);
  };

  private readonly onReplay = (): void => {
    if (this.playing) {
      this.stop();
      return;
    }
    const start = replayStart(this.steps.length, this.following ? this.steps.length - 1 : this.index);
    if (start === undefined) return;
    this.playing = true;
    this.playhead = start;
    this.seek(this.steps[this.playhead] ?? null);
    this.timer = setInterval(() => {
      this.playhead++;
      if (this.playhead >= this.steps.length - 1) {
        this.stop();
        this.seek(null);
        return;
      }
      this.seek(this.steps[this.playhead] ?? null);
    }, REPLAY_FRAME_MS);
  };

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.playing = false;
  }

  private seek(step: number | null): void {
    this.dispatchEvent(new CustomEvent<TimelineSeekDetail>('timeline-seek', { detail: { step }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'training-timeline': TrainingTimeline;
  }
  interface HTMLElementEventMap {
    'timeline-seek': CustomEvent<TimelineSeekDetail>;
  }
}
