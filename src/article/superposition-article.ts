import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BackendName } from '../training/backend';
import '../viz/density-curve';
import '../viz/figure-download';
import '../viz/loss-chart';
import '../viz/motif-closeup';
import '../viz/neuron-stack-plot';
import '../viz/sweep-figure';
import '../viz/training-timeline';
import { withGridModel } from './sections/live/view';
import { CurveLoader, replicationLevels } from './shipped/curve-models';
import { LiveInput } from './state/live-input';
import { LiveModelController } from './live/live-model-controller';
import { type LocationHost, LocationController } from './state/location-controller';
import { OverflowFocus } from './page/overflow-focus';
import { announcement } from './training/progress';
import { appendix } from './sections/appendix/markup';
import { tableOfContents } from './sections/contents/markup';
import { curveSection } from './sections/curve/markup';
import { intermediateSection } from './sections/intermediate/markup';
import { denseSentence, introSection, skipLink } from './sections/intro/markup';
import { liveSection } from './sections/live/markup';
import { budgetSentence, methodSection, retrainBudget } from './sections/method/markup';
import { modelSection } from './sections/model/markup';
import { motifSection } from './sections/motif/markup';
import { sweepSection } from './sections/sweep/markup';
import { dropOverlay, yourModelSection } from './sections/your-model/markup';
import type { SweepBudget } from './state/budget';
import { levelAt } from './shipped/sweep-summary';
import { ShippedLoader } from './shipped/shipped-loader';
import { namedFiles, type ShippedFile, type ShippedModels } from './shipped/shipped-models';
import { type RunStatus, TrainingController, type TrainingTarget } from './training/training-controller';
import { type ArticleState, DEFAULT_STATE, formatState, type ParsedState, type SectionId } from './state/url-state';
import { intermediateView, liveLossSeries, liveView, motifView, shippedSummary, shownSweep, sweepLossSeries, sweepView } from './views';
import { memo } from './figures/view-parts';
import { YourModelController } from './sections/your-model/controller';

/** Memoised so that the curve figure receives the same array on every render of the article. */
const replicationOf = memo(replicationLevels);

@customElement('superposition-article')
export class SuperpositionArticle extends LitElement implements LocationHost {
  @state() articleState: ArticleState = DEFAULT_STATE;
  @state() private notices: readonly string[] = [];
  @state() backendChoice: BackendName | 'auto' = 'auto';
  @state() private linkMessage = '';
  /** The density chosen on the density curve; null: its stack plot follows the live slider. */
  @state() private curveSelected: number | null = null;
  /** The density curve's grid files, fetched when its section (or the live one) nears the screen. */
  private readonly curve = new CurveLoader(this);
  /** The sweep panel the download button saves. */
  @state() private sweepPanel = 0;
  private readonly overflowFocus = new OverflowFocus();
  /** The step each run's figures show, chosen on its timeline; absent: the newest weights. Cleared when a run starts. */
  @state() private chosenSteps: Partial<Record<TrainingTarget, number>> = {};

  private readonly location = new LocationController(this);
  private readonly training = new TrainingController(this, (change) => {
    if (change.type === 'started') this.chosenSteps = { ...this.chosenSteps, [change.target]: undefined };
    this.liveModel.onRunChange(change);
  });
  private readonly liveModel = new LiveModelController(this, this.training);
  private readonly liveInput = new LiveInput(
    this,
    {
      show: (patch) => (this.articleState = { ...this.articleState, ...patch }),
      commit: (patch) => {
        this.setState(patch);
        this.liveModel.dispatch({ type: 'start' });
      },
    },
    () => this.articleState,
  );
  /** A model the reader loads from a file: it stays in this tab, and the URL only says one is shown. */
  private readonly yourModel = new YourModelController(this, () => this.showLocalModel());
  private readonly shipped = new ShippedLoader(this, (replication) => this.liveModel.request(true, replication));
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
    this.liveInput.reset(this.articleState.density);
    this.overflowFocus.disconnect();
  }

  // ---- the location --------------------------------------------------------------------------

  onLocation(parsed: ParsedState): void {
    this.articleState = parsed.state;
    this.notices = parsed.notices;
    this.liveInput.reset(parsed.state.density);
    this.liveModel.request(this.shipped.settled, this.replicationSweep);
  }

  onSection(section: SectionId): void {
    this.articleState = { ...this.articleState, section };
    this.location.write('replace');
  }

  private setState(patch: Partial<ArticleState>): void {
    this.articleState = { ...this.articleState, ...patch };
    this.location.write('push');
  }

  // ---- the shipped models ------------------------------------------------------------------

  private get shippedModels(): ShippedModels | undefined {
    return this.shipped.models;
  }

  private get replicationSweep(): ShippedFile | null {
    return this.shipped.replication;
  }

  // ---- handlers ------------------------------------------------------------------------------

  private readonly onTrain = (): void => this.liveModel.dispatch({ type: 'start' });

  private readonly onPauseResume = (): void => {
    this.liveModel.dispatch({ type: this.training.status.phase === 'paused' ? 'resume' : 'pause' });
  };

  private readonly onBackendChange = (backend: BackendName | 'auto'): void => {
    this.backendChoice = backend;
    if (this.training.running && this.training.status.target === 'live') this.liveModel.dispatch({ type: 'start' });
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
    // A model loaded from a file has no link: the copied link leaves out model=local.
    const { pathname, hash, origin } = window.location;
    const link = `${origin}${pathname}${formatState({ ...this.articleState, model: undefined })}${hash}`;
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
    return this.training.runOf(target).target === target ? (this.chosenSteps[target] ?? null) : null;
  }

  /** Retrains the replication-budget sweep (the converged one trains offline), and shows that budget. */
  private readonly onRetrainSweep = (): void => {
    const sweep = this.replicationSweep;
    if (!sweep) return;
    if (this.articleState.budget !== 'replication') this.setState({ budget: 'replication' });
    this.training.start('sweep', sweep.file.config, { ...this.backendOption(), reportEvery: 50 });
  };

  private readonly onBudgetChange = (budget: SweepBudget): void => this.setState({ budget });
  private readonly onSweepSeedChange = (sweepSeed: number): void => this.setState({ sweepSeed });

  /** Forgets the retrained sweep or motif model that ended, so the shipped models show again. */
  private readonly onRestoreShipped = (target: TrainingTarget): void => this.training.dismiss(target);

  private readonly onRetrainMotif = (): void => {
    const motif = this.shippedModels?.motif;
    if (motif) this.training.start('motif', motif.file.config, { ...this.backendOption(), reportEvery: 100 });
  };

  private backendOption(): { backend?: BackendName } {
    return this.backendChoice === 'auto' ? {} : { backend: this.backendChoice };
  }

  /** Records in the URL that a local model is shown, and brings its section into view. */
  private showLocalModel(): void {
    this.setState({ model: 'local', section: 'your-model' });
    void this.updateComplete.then(() => this.querySelector('#your-model')?.scrollIntoView());
  }

  /**
   * The kept frames of the run for `target`, as steps and packed weights (timeline.ts), or null when
   * no such run exists; the browser tests compare what the plot draws with them.
   */
  timelineForTesting(target: TrainingTarget): RunStatus['timeline']['frames'] | null {
    const run = this.training.runOf(target);
    return run.target === target ? run.timeline.frames : null;
  }

  /** Simulates a lost WebGL context in the training worker; the browser tests call it. */
  loseWebGLContextForTesting(): void {
    this.training.loseWebGLContext();
  }

  // ---- after rendering -----------------------------------------------------------------------

  protected override updated(): void {
    if (this.shippedModels) {
      this.location.attach();
      this.liveModel.observeSection();
      this.curve.observe(this.querySelector('#curve'));
      this.curve.observe(this.querySelector('#live'));
    }
    this.overflowFocus.observeAll(this);
    this.markFirstPlot();
  }

  /** Marks when the first stack plots are drawn, for the benchmark's time-to-first-plot. */
  private markFirstPlot(): void {
    const figure = this.querySelector('sweep-figure');
    if (!figure || figure.panels.length === 0 || performance.getEntriesByName('first-stack-plot').length > 0) return;
    void figure.updateComplete
      .then(() => Promise.all(figure.stackPlots().map((plot) => plot.updateComplete)))
      .then(() => performance.getEntriesByName('first-stack-plot').length === 0 && performance.mark('first-stack-plot'));
  }

  private curveLoading(): Parameters<typeof curveSection>[0]['loading'] {
    const { task } = this.curve;
    if (task.status === TaskStatus.ERROR) return { error: `The density curve could not be loaded (${String(task.error)}).` };
    return task.status === TaskStatus.INITIAL ? 'pending' : task.status === TaskStatus.PENDING ? 'loading' : 'ready';
  }

  // ---- render --------------------------------------------------------------------------------

  protected override render() {
    const { status, workerTensors } = this.training;
    const models = this.shippedModels;
    const replication = this.replicationSweep;
    const shown = shownSweep(models, replication, this.articleState);
    const converged = shownSweep(models, replication, { ...this.articleState, budget: 'converged' });
    const sweepRun = this.training.runOf('sweep');
    const motifRun = this.training.runOf('motif');
    const sweepFigure = sweepView(sweepRun, shown, this.chosenStep('sweep'));
    const motif = motifView(motifRun, models?.motif ?? null);
    const here = `${window.location.origin}${window.location.pathname}`;
    return html`
      ${skipLink(this.onSkip)}
      <main class="page">
        ${dropOverlay(this.yourModel.dragging)}
        ${
          this.notices.length
            ? html`<div class="notice" role="alert" id="url-notice">
              <strong>Some settings in this link could not be used.</strong>
              <ul>${this.notices.map((n) => html`<li>${n}</li>`)}</ul>
              <button type="button" @click=${() => (this.notices = [])}>Dismiss</button>
            </div>`
            : nothing
        }
        ${this.shipped.renderNotices()}
        ${introSection(
          tableOfContents(this.articleState, this.onGoToSection),
          denseSentence(this.articleState.budget, shown ? levelAt(shippedSummary(shown.seeds), 1) : undefined),
        )}
        ${modelSection()}
        ${sweepSection({
          panels: sweepFigure?.panels ?? [],
          levels: sweepFigure?.levels ?? [],
          shipped: {
            converged: converged ? shippedSummary(converged.seeds) : null,
            replication: replication ? shippedSummary([replication]) : null,
          },
          budget: this.articleState.budget,
          seed: shown?.seed ?? this.articleState.sweepSeed,
          seeds: models?.converged.map((s) => s.seed) ?? [],
          replicationMissing: this.shipped.replicationMissing,
          onBudgetChange: this.onBudgetChange,
          onSeedChange: this.onSweepSeedChange,
          source: sweepFigure?.source ?? '',
          frame: sweepFigure?.frame ?? null,
          exportSource: sweepFigure?.exportSource ?? null,
          lossSeries: sweepLossSeries(sweepRun),
          onTimelineSeek: (step) => this.onTimelineSeek('sweep', step),
          budgetSentence: sweepFigure?.frame ? (replication ? retrainBudget(replication.file) : '') : shown ? budgetSentence(shown) : '',
          status: sweepRun,
          selectedPanel: this.sweepPanel,
          onSelectPanel: (index) => (this.sweepPanel = index),
          onRetrain: this.onRetrainSweep,
          onCancel: () => this.training.cancel(),
          onRestore: () => this.onRestoreShipped('sweep'),
          retrainSteps: replication?.file.config.steps ?? 0,
        })}
        ${curveSection({
          curve: this.curve.task.value ?? null,
          loading: this.curveLoading(),
          replication: replication ? replicationOf(replication) : [],
          selected: this.curveSelected,
          liveDensity: this.articleState.density,
          onSelect: (density) => (this.curveSelected = density),
        })}
        ${liveSection({
          state: this.articleState,
          view: withGridModel(
            liveView(this.articleState, status, this.liveModel.shown, converged, replication, this.chosenStep('live')),
            this.curve.task.value ?? null,
            this.articleState.density,
          ),
          onTimelineSeek: (step) => this.onTimelineSeek('live', step),
          status,
          workerTensors,
          liveRun: this.liveModel.state.phase,
          lossSeries: liveLossSeries(status),
          backendChoice: this.backendChoice,
          linkMessage: this.linkMessage,
          settingErrors: this.liveInput.settingErrors,
          onSliderInput: this.liveInput.onSliderInput,
          onSliderCommit: this.liveInput.onSliderCommit,
          onSliderKey: this.liveInput.onSliderKey,
          onSliderBlur: this.liveInput.onSliderBlur,
          onTrain: this.onTrain,
          onPauseResume: this.onPauseResume,
          onBackendChange: this.onBackendChange,
          onAdvancedApply: this.liveInput.onAdvancedApply,
          onSettingInput: this.liveInput.onSettingInput,
          onCopyLink: () => void this.onCopyLink(),
          onUseLiveRecipe: () => this.liveInput.commitSettings({ recipe: 'live', steps: undefined, learningRate: undefined }),
        })}
        ${intermediateSection(intermediateView(shown))}
        ${motifSection({
          view: motif,
          status: motifRun,
          onRetrain: this.onRetrainMotif,
          onCancel: () => this.training.cancel(),
          onRestore: () => this.onRestoreShipped('motif'),
        })}
        ${yourModelSection(this.yourModel.sectionProps(namedFiles(models, replication), this.articleState.model === 'local'))}
        ${methodSection(converged?.seeds.map((s) => s.file) ?? [], replication?.file ?? null, status.phase === 'idle' ? null : status.backend)} ${appendix(here)}
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
