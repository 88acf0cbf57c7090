/**
 * The article: composes the sections. It holds the URL state and the reader's choices, hands the
 * URL to a LocationController, the worker to a TrainingController, the decision of when the live
 * model trains to the live-run state machine, and the shipped models to a Task; pure view
 * functions turn all of that into what each section draws.
 * Data flows one way: URL state → config → training → weights → analysis → figures.
 */
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BackendName } from '../training/backend';
import '../viz/figure-download';
import '../viz/loss-chart';
import '../viz/motif-closeup';
import '../viz/neuron-stack-plot';
import '../viz/sweep-figure';
import '../viz/training-timeline';
import { liveConfig } from './live-settings';
import { INITIAL_LIVE_RUN, type LiveRunEvent, nextLiveRun } from './live-run';
import { type LocationHost, LocationController } from './location-controller';
import { NextTask } from './next-task';
import { intermediateSection } from './sections/intermediate';
import { introSection } from './sections/intro';
import { liveSection } from './sections/live';
import { methodSection, trainingBudget } from './sections/method';
import { modelSection } from './sections/model';
import { motifSection } from './sections/motif';
import { referencesSection } from './sections/references';
import { sweepSection } from './sections/sweep';
import { isShipped, loadShippedModels, type ShippedModels } from './shipped-models';
import { type RunChange, type RunStatus, TrainingController, type TrainingTarget } from './training-controller';
import { type ArticleState, DEFAULT_STATE, formatState, type ParsedState, parseState, type SectionId } from './url-state';
import { intermediateView, type LiveShown, liveLossSeries, liveView, motifView, shippedLevels, sweepLossSeries, sweepView } from './views';

@customElement('superposition-article')
export class SuperpositionArticle extends LitElement implements LocationHost {
  @state() articleState: ArticleState = DEFAULT_STATE;
  @state() private notices: readonly string[] = [];
  @state() private backendChoice: BackendName | 'auto' = 'auto';
  @state() private linkMessage = '';
  /** The sweep panel the download button saves. */
  @state() private sweepPanel = 0;
  /** The newest live weights drawn, shown until newer ones are. */
  @state() private liveShown: LiveShown | null = null;
  /** The step each run's figures show, chosen on its timeline; absent: the newest weights. Cleared when a run starts. */
  @state() private chosenSteps: Partial<Record<TrainingTarget, number>> = {};

  private readonly location = new LocationController(this);
  private readonly training = new TrainingController(this, (change) => this.onRunChange(change));
  private liveRun = INITIAL_LIVE_RUN;
  private liveObserved = false;
  private readonly liveDraw = new NextTask<LiveShown>((shown) => (this.liveShown = shown));
  private readonly shipped = new Task(this, {
    task: () => loadShippedModels(),
    args: () => [] as const,
    // onComplete runs before `value` is set, so the models are passed along.
    onComplete: (models) => this.requestLiveModel(models),
  });
  private readonly liveVisibility = new IntersectionController(this, {
    target: null,
    callback: (entries) => {
      const last = entries.at(-1);
      if (last) this.dispatchLive({ type: last.isIntersecting ? 'visible' : 'hidden' });
    },
  });

  protected override createRenderRoot(): HTMLElement {
    // Light DOM: the article is one document styled by article.css; figures keep their own shadow roots.
    return this;
  }

  override connectedCallback(): void {
    // Drop the static "Loading…" placeholder before Lit renders into the light DOM.
    this.replaceChildren();
    super.connectedCallback();
  }

  // ---- the location --------------------------------------------------------------------------

  onLocation(parsed: ParsedState): void {
    this.articleState = parsed.state;
    this.notices = parsed.notices;
    this.requestLiveModel();
  }

  onSection(section: SectionId): void {
    this.articleState = { ...this.articleState, section };
    this.location.write('replace');
  }

  private setState(patch: Partial<ArticleState>): void {
    this.articleState = { ...this.articleState, ...patch };
    this.location.write('push');
  }

  // ---- the live model ------------------------------------------------------------------------

  private get shippedModels(): ShippedModels | undefined {
    return this.shipped.value;
  }

  /** After loading or a navigation: trains the configuration unless a shipped file holds it or it already trains. */
  private requestLiveModel(models = this.shippedModels): void {
    if (!models) return;
    const config = liveConfig(this.articleState);
    const { status } = this.training;
    if (status.target === 'live' && JSON.stringify(status.config) === JSON.stringify(config) && this.training.running) return;
    this.dispatchLive({ type: 'request', needsTraining: !isShipped(models.sweep, config) });
  }

  private dispatchLive(event: LiveRunEvent): void {
    const { state, action } = nextLiveRun(this.liveRun, event);
    this.liveRun = state;
    if (action === 'start') {
      this.training.start('live', liveConfig(this.articleState), this.backendChoice === 'auto' ? {} : { backend: this.backendChoice });
    } else if (action === 'pause') this.training.pause();
    else if (action === 'resume') this.training.resume();
    else if (action === 'cancel') this.training.cancel();
  }

  private onRunChange(change: RunChange): void {
    const live = change.target === 'live';
    if (change.type === 'started') this.chosenSteps = { ...this.chosenSteps, [change.target]: undefined };
    if (change.type === 'started') this.dispatchLive({ type: 'runStarted', live });
    else {
      const replaced = change.phase === 'replaced';
      this.dispatchLive({ type: 'runEnded', live, replaced, replacedByOther: replaced && change.replacedBy !== 'live' });
    }
  }

  protected override willUpdate(_changed: PropertyValues): void {
    const { status } = this.training;
    if (status.target !== 'live') return;
    const instance = status.snapshot?.instances[0];
    if (!status.snapshot || !instance) {
      // A new run has no weights yet: drop the previous run's model rather than show it as this one's.
      this.liveDraw.clear();
      this.liveShown = null;
    } else if (this.liveShown?.instance !== instance) {
      this.liveDraw.schedule({ config: status.config, instance, step: status.snapshot.step });
    }
  }

  // ---- handlers ------------------------------------------------------------------------------

  /** While dragging only the display follows; the URL and history change on release. */
  private readonly onSliderInput = (density: number): void => {
    this.articleState = { ...this.articleState, density };
  };

  private readonly onSliderChange = (density: number): void => {
    this.setState({ density });
    this.dispatchLive({ type: 'start' });
  };

  private readonly onTrain = (): void => this.dispatchLive({ type: 'start' });

  private readonly onPauseResume = (): void => {
    this.dispatchLive({ type: this.training.status.phase === 'paused' ? 'resume' : 'pause' });
  };

  private readonly onBackendChange = (backend: BackendName | 'auto'): void => {
    this.backendChoice = backend;
    if (this.training.running && this.training.status.target === 'live') this.dispatchLive({ type: 'start' });
  };

  private readonly onAdvancedApply = (form: HTMLFormElement): void => {
    const params = new URLSearchParams(formatState(this.articleState));
    new FormData(form).forEach((value, name) => {
      params.set(name, String(value));
    });
    const parsed = parseState(`?${params.toString()}`);
    this.notices = parsed.notices;
    this.setState({ ...parsed.state, section: this.articleState.section });
    this.dispatchLive({ type: 'start' });
  };

  private readonly onCopyLink = async (): Promise<void> => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      this.linkMessage = 'Link copied.';
    } catch {
      this.linkMessage = `Copy this link: ${link}`;
    }
  };

  /** The reader scrubbed or replayed a run's timeline: its figures show that step, or the newest weights (null). */
  private onTimelineSeek(target: TrainingTarget, step: number | null): void {
    this.chosenSteps = { ...this.chosenSteps, [target]: step ?? undefined };
  }

  private chosenStep(target: TrainingTarget): number | null {
    return this.training.status.target === target ? (this.chosenSteps[target] ?? null) : null;
  }

  private readonly onRetrainSweep = (): void => {
    const sweep = this.shippedModels?.sweep;
    if (sweep) this.training.start('sweep', sweep.file.config, { ...this.backendOption(), reportEvery: 50 });
  };

  private readonly onRetrainMotif = (): void => {
    const motif = this.shippedModels?.motif;
    if (motif) this.training.start('motif', motif.file.config, { ...this.backendOption(), reportEvery: 100 });
  };

  private backendOption(): { backend?: BackendName } {
    return this.backendChoice === 'auto' ? {} : { backend: this.backendChoice };
  }

  /**
   * The kept frames of the run for `target`, as steps and packed weights (timeline.ts), or null when
   * no such run exists; the browser tests compare what the plot draws with them.
   */
  timelineForTesting(target: TrainingTarget): RunStatus['timeline']['frames'] | null {
    const { status } = this.training;
    return status.target === target ? status.timeline.frames : null;
  }

  /** Simulates a lost WebGL context in the training worker; the browser tests call it. */
  loseWebGLContextForTesting(): void {
    this.training.loseWebGLContext();
  }

  // ---- after rendering -----------------------------------------------------------------------

  protected override updated(): void {
    if (this.shippedModels) {
      this.location.attach(this);
      this.observeLiveSection();
    }
    this.markFirstPlot();
  }

  /**
   * Watches the live section once the shipped figures are in the page: before they are, the page
   * is short and the section would count as on screen at the top of the article.
   */
  private observeLiveSection(): void {
    const live = this.querySelector('#live');
    if (this.liveObserved || !live) return;
    this.liveObserved = true;
    this.liveVisibility.observe(live);
  }

  /** Marks when the first stack plots are drawn, for the benchmark's time-to-first-plot. */
  private markFirstPlot(): void {
    const figure = this.querySelector('sweep-figure');
    if (!figure || figure.panels.length === 0 || performance.getEntriesByName('first-stack-plot').length > 0) return;
    void figure.updateComplete
      .then(() => Promise.all(figure.stackPlots().map((plot) => plot.updateComplete)))
      .then(() => performance.getEntriesByName('first-stack-plot').length === 0 && performance.mark('first-stack-plot'));
  }

  // ---- render --------------------------------------------------------------------------------

  protected override render() {
    const { status, workerTensors } = this.training;
    const models = this.shippedModels;
    const sweep = models?.sweep ?? null;
    const sweepFigure = sweepView(status, sweep, this.chosenStep('sweep'));
    const motif = motifView(status, models?.motif ?? null);
    return html`
      <main class="page">
        ${
          this.notices.length
            ? html`<div class="notice" role="alert" id="url-notice">
              <strong>Some settings in this link could not be used.</strong>
              <ul>${this.notices.map((n) => html`<li>${n}</li>`)}</ul>
              <button type="button" @click=${() => (this.notices = [])}>Dismiss</button>
            </div>`
            : nothing
        }
        ${this.shipped.render({
          pending: () => html`<p class="notice" role="status">Loading the shipped models…</p>`,
          complete: (loaded) => loaded.errors.map((e) => html`<div class="notice error" role="alert">${e}</div>`),
          error: (e) => html`<div class="notice error" role="alert">The shipped models could not be read (${String(e)}).</div>`,
        })}
        ${introSection()} ${modelSection()}
        ${sweepSection({
          panels: sweepFigure?.panels ?? [],
          levels: sweepFigure?.levels ?? [],
          shippedLevels: shippedLevels(sweep),
          source: sweepFigure?.source ?? '',
          frame: sweepFigure?.frame ?? null,
          exportSource: sweepFigure?.exportSource ?? null,
          lossSeries: sweepLossSeries(status),
          onTimelineSeek: (step) => this.onTimelineSeek('sweep', step),
          budget: sweep ? trainingBudget(sweep.file) : '',
          status,
          selectedPanel: this.sweepPanel,
          onSelectPanel: (index) => (this.sweepPanel = index),
          onRetrain: this.onRetrainSweep,
          onCancel: () => this.training.cancel(),
        })}
        ${liveSection({
          state: this.articleState,
          view: liveView(this.articleState, status, this.liveShown, sweep, this.chosenStep('live')),
          onTimelineSeek: (step) => this.onTimelineSeek('live', step),
          status,
          workerTensors,
          lossSeries: liveLossSeries(status),
          backendChoice: this.backendChoice,
          linkMessage: this.linkMessage,
          onSliderInput: this.onSliderInput,
          onSliderChange: this.onSliderChange,
          onTrain: this.onTrain,
          onPauseResume: this.onPauseResume,
          onBackendChange: this.onBackendChange,
          onAdvancedApply: this.onAdvancedApply,
          onCopyLink: () => void this.onCopyLink(),
        })}
        ${intermediateSection(intermediateView(sweep))}
        ${motifSection({ view: motif, status, onRetrain: this.onRetrainMotif })}
        ${methodSection(sweep?.file ?? null, status.phase === 'idle' ? null : status.backend)} ${referencesSection()}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'superposition-article': SuperpositionArticle;
  }
}
