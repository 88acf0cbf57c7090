/**
 * The article: it owns the page's state and controllers (the URL, the runs, the live model, the
 * shipped files, a model loaded from a file), provides them to the sections as one context
 * (context.ts), and lists the sections. Each section is an element of its own (sections/<name>/)
 * that reads what it needs from the context and owns its handlers.
 */
import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BackendName } from '../training/backend';
import '../viz/density-curve/density-curve';
import '../viz/export/figure-download';
import '../viz/loss-chart/loss-chart';
import '../viz/motif/motif-closeup';
import '../viz/stack-plot/neuron-stack-plot';
import '../viz/sweep/sweep-figure';
import '../viz/training-timeline/training-timeline';
import { type ArticleContext, articleContext } from './context';
import { TEST_EVENTS } from './figures/exposed-state';
import { type NeuronSource, neuronChoice } from './state/neuron-model-field';
import { LiveModelController } from './live/live-model-controller';
import { FirstMarks } from './page/first-marks';
import { EMBED_TARGETS, embedSourceLine, fullArticleHref, markEmbeddedFigure } from './page/embed';
import { OverflowFocus } from './page/overflow-focus';
import './page/notices';
import './sections/appendix/section';
import { type ArticleSection, SECTION_DRAWN } from './sections/article-section';
import './sections/computation/section';
import './sections/curve/section';
import './sections/intermediate/section';
import { skipLink } from './sections/intro/markup';
import './sections/intro/section';
import './sections/live/section';
import './sections/method/section';
import './sections/model/section';
import './sections/motif/section';
import './sections/neuron-response/section';
import './sections/stack/section';
import './sections/sweep/section';
import { YourModelController } from './sections/your-model/controller';
import './sections/your-model/section';
import { CurveLoader } from './shipped/curve-models';
import { RecipeComparisonLoader } from './shipped/recipe-comparison-models';
import { ShippedLoader } from './shipped/shipped-loader';
import { shownSweep } from './shipped/shown-sweep';
import { LiveInput } from './state/live-input';
import { type LocationHost, LocationController } from './state/location-controller';
import { NeuronPick, type NeuronPickHost } from './page/neuron-pick';
import { type ArticleState, DEFAULT_STATE, type EmbedFigure, type ParsedState, type SectionId } from './state/url-state';
import { announcement } from './training/progress';
import { type RunStatus, TrainingController, type TrainingTarget } from './training/training-controller';

@customElement('superposition-article')
export class SuperpositionArticle extends LitElement implements LocationHost, NeuronPickHost {
  @state() articleState: ArticleState = DEFAULT_STATE;
  @state() backendChoice: BackendName | 'auto' = 'auto';
  @state() private linkNotices: readonly string[] = [];
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
  /** The density curve's grid files, fetched when its section (or the live one) nears the screen. */
  private readonly curve = new CurveLoader(this, () => this.recipeComparison.request());
  /** The recipe comparison's files (shown in the curve section), fetched with the curve's. */
  private readonly recipeComparison = new RecipeComparisonLoader(this);
  /** A model the reader loads from a file: it stays in this tab, and the URL only says one is shown. */
  private readonly yourModel = new YourModelController(this, () => this.showLocalModel());
  private readonly shipped = new ShippedLoader(this, (replication) => this.liveModel.request(true, replication));
  private readonly overflowFocus = new OverflowFocus();
  private readonly neuronPick = new NeuronPick(this);
  private readonly firstMarks = new FirstMarks();
  private readonly provider = new ContextProvider(this, { context: articleContext });

  constructor() {
    super();
    this.addEventListener(TEST_EVENTS.loseWebGLContext, () => this.training.loseWebGLContext());
    // A section can add a wide box (a table that loaded later) after the article's own update.
    this.addEventListener(SECTION_DRAWN, () => this.overflowFocus.observeAll(this));
  }

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
    this.linkNotices = parsed.notices;
    this.liveInput.reset(parsed.state.density);
    this.liveModel.request(this.shipped.settled, this.shipped.replication);
  }

  onSection(section: SectionId): void {
    this.articleState = { ...this.articleState, section };
    this.location.write('replace');
  }

  private setState(patch: Partial<ArticleState>): void {
    this.articleState = { ...this.articleState, ...patch };
    this.location.write('push');
  }

  /** A neuron chosen in a figure (page/neuron-pick.ts): the neuron-response section shows it, in that figure's model where it can. */
  chooseNeuron(neuron: number, source?: NeuronSource): void {
    // The location controller writes no history entry when the link stays the same.
    this.setState(neuronChoice(neuron, source, this.articleState.neuronModel));
  }

  goToNeuronResponse(): void {
    this.location.goTo('neuron-response');
  }

  /** Records in the URL that a local model is shown, and brings its section into view. */
  private showLocalModel(): void {
    this.setState({ model: 'local', section: 'your-model' });
    void this.updateComplete.then(() => this.querySelector('#your-model')?.scrollIntoView());
  }

  // ---- the context ---------------------------------------------------------------------------

  /** What the sections read: a new value at each update, so every section redraws with the article. */
  private contextValue(): ArticleContext {
    const models = this.shipped.models;
    const replication = this.shipped.replication;
    return {
      state: this.articleState,
      setState: (patch) => this.setState(patch),
      training: this.training,
      liveModel: this.liveModel,
      liveInput: this.liveInput,
      curve: this.curve,
      recipeComparison: this.recipeComparison,
      shipped: this.shipped,
      models,
      replication,
      shown: shownSweep(models, replication, this.articleState),
      converged: shownSweep(models, replication, { ...this.articleState, budget: 'converged' }),
      linkNotices: this.linkNotices,
      dismissLinkNotices: () => (this.linkNotices = []),
      yourModel: this.yourModel,
      backendChoice: this.backendChoice,
      setBackendChoice: (backend) => (this.backendChoice = backend),
      backendOption: () => (this.backendChoice === 'auto' ? {} : { backend: this.backendChoice }),
      chosenStep: (target) => (this.training.runOf(target).target === target ? (this.chosenSteps[target] ?? null) : null),
      seek: (target, step) => (this.chosenSteps = { ...this.chosenSteps, [target]: step ?? undefined }),
      goTo: (section) => this.location.goTo(section),
      showLocalModel: () => this.showLocalModel(),
    };
  }

  protected override willUpdate(): void {
    this.provider.setValue(this.contextValue());
  }

  // ---- test hooks ----------------------------------------------------------------------------

  /**
   * The kept frames of the run for `target`, as steps and packed weights (timeline.ts), or null when
   * no such run exists; the browser tests and the bench compare what the plot draws with them. The
   * page's other test surface is declared in figures/exposed-state.ts.
   */
  timelineForTesting(target: TrainingTarget): RunStatus['timeline']['frames'] | null {
    const run = this.training.runOf(target);
    return run.target === target ? run.timeline.frames : null;
  }

  // ---- after rendering -----------------------------------------------------------------------

  private sections(): ArticleSection[] {
    return [...this.querySelectorAll<ArticleSection>('.article-section')];
  }

  /** Complete once the sections have drawn this update's context too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const sections = await Promise.all(this.sections().map((section) => section.updateComplete));
    return done && sections.every(Boolean);
  }

  protected override updated(): void {
    void Promise.all(this.sections().map((section) => section.updateComplete)).then(() => this.sectionsDrawn());
  }

  /** Once the sections are in the page: follow the reader's place, watch the live and curve sections, mark overflowing boxes. */
  private sectionsDrawn(): void {
    if (this.shipped.models) {
      this.location.attach();
      this.liveModel.observeSection();
      this.curve.observe(this.querySelector('#curve'));
      this.curve.observe(this.querySelector('#live'));
      // The motif section's catalogue lists the grid's models too.
      this.curve.observe(this.querySelector('#motif-catalogue'));
    }
    this.overflowFocus.observeAll(this);
    this.firstMarks.sectionsDrawn(this, () => this.shipped.startRest());
    const { embed } = this.articleState;
    if (embed) markEmbeddedFigure(this, embed);
  }

  // ---- render --------------------------------------------------------------------------------

  private readonly onSkip = (event: MouseEvent): void => {
    const start = this.querySelector<HTMLElement>('#article-start');
    if (!start) return;
    event.preventDefault();
    start.scrollIntoView({ block: 'start' });
    start.focus({ preventScroll: true });
  };

  /** Embed mode: the figure's section alone, and the line back to the full article (page/embed.ts). */
  private renderEmbed(figure: EmbedFigure) {
    document.documentElement.dataset.embed = figure;
    const section = EMBED_TARGETS[figure].section;
    return html`<main class="page embed-page" data-embed=${figure}>
      ${section === 'article-sweep' ? html`<article-sweep></article-sweep>` : nothing}
      ${section === 'article-curve' ? html`<article-curve></article-curve>` : nothing}
      ${section === 'article-live' ? html`<article-live></article-live>` : nothing}
      ${section === 'article-motif' ? html`<article-motif></article-motif>` : nothing}
      ${section === 'article-computation' ? html`<article-computation></article-computation>` : nothing}
      ${section === 'article-stack' ? html`<article-stack></article-stack>` : nothing}
      ${embedSourceLine(fullArticleHref(window.location))}
    </main>`;
  }

  protected override render() {
    if (this.articleState.embed) return this.renderEmbed(this.articleState.embed);
    delete document.documentElement.dataset.embed;
    return html`
      ${skipLink(this.onSkip)}
      <main class="page">
        <article-notices></article-notices>
        <article-intro></article-intro>
        <article-computation></article-computation>
        <article-model></article-model>
        <article-sweep></article-sweep>
        <article-curve></article-curve>
        <article-live></article-live>
        <article-intermediate></article-intermediate>
        <article-neuron-response></article-neuron-response>
        <article-motif></article-motif>
        <article-your-model></article-your-model>
        <article-method></article-method>
        <article-appendix></article-appendix>
        ${this.neuronPick.render(this.articleState.section === 'neuron-response')}
        <p class="visually-hidden" role="status" id="announcer">${announcement(this.training.status)}</p>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'superposition-article': SuperpositionArticle;
  }
}
