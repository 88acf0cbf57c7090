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
import { checkSetting, checkSettings, type SettingName, SETTING_FIELDS } from './advanced-settings';
import { KeyCommit } from './density-slider';
import { liveConfig } from './live-settings';
import { INITIAL_LIVE_RUN, type LiveRunEvent, nextLiveRun } from './live-run';
import { type LocationHost, LocationController } from './location-controller';
import { NextTask } from './next-task';
import { OverflowFocus } from './overflow-focus';
import { announcement } from './progress';
import { appendix } from './sections/appendix';
import { tableOfContents } from './sections/contents';
import { intermediateSection } from './sections/intermediate';
import { introSection, skipLink } from './sections/intro';
import { liveSection } from './sections/live';
import { methodSection, trainingBudget } from './sections/method';
import { modelSection } from './sections/model';
import { motifSection } from './sections/motif';
import { sweepSection } from './sections/sweep';
import { isShipped, loadShippedModels, type ShippedModels } from './shipped-models';
import { type RunChange, TrainingController } from './training-controller';
import { type ArticleState, DEFAULT_STATE, type ParsedState, type SectionId } from './url-state';
import { intermediateView, type LiveShown, liveLossSeries, liveView, motifView, shippedLevels, sweepView } from './views';

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
  /** The advanced settings form's refusals, shown beside their fields. */
  @state() private settingErrors: Partial<Record<SettingName, string>> = {};
  /** The density in the URL: a slider release or key burst that ends where it started commits nothing. */
  private committedDensity = DEFAULT_STATE.density;
  private readonly keyCommit = new KeyCommit((density) => this.commitDensity(density));
  private readonly overflowFocus = new OverflowFocus();

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.keyCommit.cancel();
    this.overflowFocus.disconnect();
  }

  // ---- the location --------------------------------------------------------------------------

  onLocation(parsed: ParsedState): void {
    this.keyCommit.cancel();
    this.articleState = parsed.state;
    this.committedDensity = parsed.state.density;
    this.notices = parsed.notices;
    this.settingErrors = {};
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

  /** A release commits at once, and supersedes a key burst still waiting. */
  private readonly onSliderCommit = (density: number): void => {
    this.keyCommit.cancel();
    this.commitDensity(density);
  };

  private readonly onSliderKey = (density: number): void => {
    this.onSliderInput(density);
    this.keyCommit.schedule(density);
  };

  private readonly onSliderBlur = (): void => this.keyCommit.flush();

  /** One history entry and one retrain per committed density, none when it is the one already in the URL. */
  private commitDensity(density: number): void {
    if (density === this.committedDensity) {
      if (this.articleState.density !== density) this.articleState = { ...this.articleState, density };
      return;
    }
    this.committedDensity = density;
    this.setState({ density });
    this.dispatchLive({ type: 'start' });
  }

  private readonly onTrain = (): void => this.dispatchLive({ type: 'start' });

  private readonly onPauseResume = (): void => {
    this.dispatchLive({ type: this.training.status.phase === 'paused' ? 'resume' : 'pause' });
  };

  private readonly onBackendChange = (backend: BackendName | 'auto'): void => {
    this.backendChoice = backend;
    if (this.training.running && this.training.status.target === 'live') this.dispatchLive({ type: 'start' });
  };

  /** Applies the form only when every field is valid; otherwise each refusal shows beside its field and nothing trains. */
  private readonly onAdvancedApply = (form: HTMLFormElement): void => {
    const read = (name: SettingName) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? null;
    const { settings, errors } = checkSettings(read);
    this.settingErrors = errors;
    if (!settings) {
      const first = SETTING_FIELDS.find((field) => errors[field.name]);
      void this.updateComplete.then(() => form.querySelector<HTMLInputElement>(`input[name="${first?.name}"]`)?.focus());
      return;
    }
    this.keyCommit.cancel();
    this.setState(settings);
    this.dispatchLive({ type: 'start' });
  };

  /**
   * Rechecks a refused field as the reader edits it, so its message goes as soon as the value is
   * valid. Fields are first checked on Apply, not on leaving them: a message appearing as the
   * reader leaves a field for the Apply button would move the button under their pointer.
   */
  private readonly onSettingInput = (input: HTMLInputElement): void => {
    const field = SETTING_FIELDS.find((f) => f.name === input.name);
    if (!field || !this.settingErrors[field.name]) return;
    const check = checkSetting(field, input.value);
    const { [field.name]: _refused, ...rest } = this.settingErrors;
    this.settingErrors = check.ok ? rest : { ...rest, [field.name]: check.error };
  };

  /** A table-of-contents link: scrolls in place (a modified click opens the permalink as the browser would). */
  private readonly onGoToSection = (section: SectionId, event: MouseEvent): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.location.goTo(section);
  };

  /** The skip link moves focus to the text without adding a fragment to the permalink. */
  private readonly onSkip = (event: MouseEvent): void => {
    const start = this.querySelector<HTMLElement>('#article-start');
    if (!start) return;
    event.preventDefault();
    start.scrollIntoView({ block: 'start' });
    start.focus({ preventScroll: true });
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

  private readonly onRetrainSweep = (): void => {
    const sweep = this.shippedModels?.sweep;
    if (sweep) this.training.start('sweep', sweep.file.config, { ...this.backendOption(), reportEvery: 50 });
  };

  /** Forgets the retrained sweep or motif model that ended, so the shipped models show again. */
  private readonly onRestoreShipped = (): void => this.training.dismiss();

  private readonly onRetrainMotif = (): void => {
    const motif = this.shippedModels?.motif;
    if (motif) this.training.start('motif', motif.file.config, { ...this.backendOption(), reportEvery: 100 });
  };

  private backendOption(): { backend?: BackendName } {
    return this.backendChoice === 'auto' ? {} : { backend: this.backendChoice };
  }

  /** Simulates a lost WebGL context in the training worker; the browser tests call it. */
  loseWebGLContextForTesting(): void {
    this.training.loseWebGLContext();
  }

  // ---- after rendering -----------------------------------------------------------------------

  protected override updated(): void {
    if (this.shippedModels) {
      this.location.attach();
      this.observeLiveSection();
    }
    this.overflowFocus.observeAll(this);
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
    const sweepFigure = sweepView(status, sweep);
    const motif = motifView(status, models?.motif ?? null);
    const here = `${window.location.origin}${window.location.pathname}`;
    return html`
      ${skipLink(this.onSkip)}
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
        ${introSection(tableOfContents(this.articleState, this.onGoToSection))} ${modelSection()}
        ${sweepSection({
          panels: sweepFigure?.panels ?? [],
          levels: sweepFigure?.levels ?? [],
          shippedLevels: shippedLevels(sweep),
          source: sweepFigure?.source ?? '',
          budget: sweep ? trainingBudget(sweep.file) : '',
          status,
          selectedPanel: this.sweepPanel,
          onSelectPanel: (index) => (this.sweepPanel = index),
          onRetrain: this.onRetrainSweep,
          onCancel: () => this.training.cancel(),
          onRestore: this.onRestoreShipped,
          retrainSteps: sweep?.file.config.steps ?? 0,
        })}
        ${liveSection({
          state: this.articleState,
          view: liveView(this.articleState, status, this.liveShown, sweep),
          status,
          workerTensors,
          lossSeries: liveLossSeries(status),
          backendChoice: this.backendChoice,
          linkMessage: this.linkMessage,
          settingErrors: this.settingErrors,
          onSliderInput: this.onSliderInput,
          onSliderCommit: this.onSliderCommit,
          onSliderKey: this.onSliderKey,
          onSliderBlur: this.onSliderBlur,
          onTrain: this.onTrain,
          onPauseResume: this.onPauseResume,
          onBackendChange: this.onBackendChange,
          onAdvancedApply: this.onAdvancedApply,
          onSettingInput: this.onSettingInput,
          onCopyLink: () => void this.onCopyLink(),
        })}
        ${intermediateSection(intermediateView(sweep))}
        ${motifSection({ view: motif, status, onRetrain: this.onRetrainMotif, onCancel: () => this.training.cancel(), onRestore: this.onRestoreShipped })}
        ${methodSection(sweep?.file ?? null, status.phase === 'idle' ? null : status.backend)} ${appendix(here)}
        <p class="visually-hidden" role="status" id="announcer">${announcement(status)}</p>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'superposition-article': SuperpositionArticle;
  }
}
