/**
 * The article: composes the sections, owns the URL state and the training worker, and turns
 * weights (shipped or trained here) into analysis and figure data. Data flows one way:
 * URL state → config → training → weights → analysis → figures.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { importances, makeConfig, type ModelConfig } from '../model/config';
import { analyseModel, type ModelAnalysis } from '../model/analysis';
import type { NetworkWeights } from '../model/network';
import { parseWeightsFile, type WeightsFile } from '../model/weights-file';
import type { BackendName } from '../training/backend';
import '../viz/figure-download';
import '../viz/loss-chart';
import '../viz/motif-closeup';
import '../viz/neuron-stack-plot';
import '../viz/sweep-figure';
import type { SweepPanel } from '../viz/sweep-figure';
import type { LossSeries, MotifCloseupData, StackPlotData } from '../viz/types';
import { motifCloseupData, motifHighlights, stackPlotData } from './figure-data';
import { liveConfig } from './live-config';
import { formatDensity, plural } from './format';
import { intermediateFacts, intermediateSection, type IntermediateFacts } from './sections/intermediate';
import { introSection } from './sections/intro';
import { liveSection } from './sections/live';
import { methodSection, trainingBudget } from './sections/method';
import { modelSection } from './sections/model';
import { motifSection } from './sections/motif';
import { referencesSection } from './sections/references';
import { sweepSection, type SweepLevel } from './sections/sweep';
import { TrainingController, type TrainingStatus } from './training-controller';
import { DEFAULT_STATE, formatState, nearestPaperDensity, parseState, SECTIONS, type ArticleState, type SectionId } from './url-state';

interface AnalysedModel {
  readonly weights: NetworkWeights;
  readonly summary: ModelAnalysis;
  readonly density: number;
  readonly loss: number;
}

/** The level the intermediate-regime section reads its facts from. */
const INTERMEDIATE_DENSITY = 0.1;

const analysisCache = new WeakMap<NetworkWeights, ModelAnalysis>();

function analyse(weights: NetworkWeights, config: Pick<ModelConfig, 'n' | 'importanceDecay'>): ModelAnalysis {
  let summary = analysisCache.get(weights);
  if (!summary) {
    summary = analyseModel(weights, importances(config));
    analysisCache.set(weights, summary);
  }
  return summary;
}

function analyseAll(config: ModelConfig, weights: readonly NetworkWeights[], losses: readonly number[]): AnalysedModel[] {
  return weights.map((w, k) => ({ weights: w, summary: analyse(w, config), density: config.densities[k]!, loss: losses[k] ?? Number.NaN }));
}

const sweepLevel = (model: AnalysedModel): SweepLevel => ({ density: model.density, counts: model.summary.counts, loss: model.loss });

const countsText = (summary: ModelAnalysis): string =>
  `${summary.counts.monosemantic} of ${plural(summary.counts.neurons, 'neuron')} monosemantic; ${summary.counts.representedFeatures} features computed.`;

async function fetchWeights(path: string): Promise<WeightsFile> {
  const response = await fetch(new URL(path, document.baseURI));
  // A static server may answer a missing file with its HTML fallback page: that is "not found" too.
  if (!response.ok || !response.headers.get('content-type')?.includes('json')) {
    throw new Error(`${path} was not found (HTTP ${response.status})`);
  }
  return parseWeightsFile(await response.json());
}

const sameConfig = (a: ModelConfig | null, b: ModelConfig): boolean => a !== null && JSON.stringify(a) === JSON.stringify(b);

@customElement('superposition-article')
export class SuperpositionArticle extends LitElement {
  @state() private articleState: ArticleState = DEFAULT_STATE;
  @state() private notices: readonly string[] = [];
  @state() private sweepFile: WeightsFile | null = null;
  @state() private motifFile: WeightsFile | null = null;
  @state() private loadErrors: readonly string[] = [];
  @state() private backendChoice: BackendName | 'auto' = 'auto';
  @state() private linkMessage = '';

  private readonly training = new TrainingController(this);
  private shippedSweep: AnalysedModel[] = [];
  private shippedMotif: AnalysedModel | null = null;
  private intermediate: IntermediateFacts | null = null;
  private sweepView: { panels: SweepPanel[]; levels: SweepLevel[]; source: string } = { panels: [], levels: [], source: '' };
  /** The shipped models, or the weights of the sweep retraining here, that sweepView was built from. */
  private sweepWeightsShown: readonly NetworkWeights[] | readonly AnalysedModel[] | null = null;
  /** The live weights waiting to be drawn, in a task of their own (see updateLiveShown). */
  private livePending: NetworkWeights | null = null;
  /** The newest live model drawn, shown until newer weights are. */
  private liveShown: {
    readonly config: ModelConfig;
    readonly weights: NetworkWeights;
    readonly summary: ModelAnalysis;
    readonly step: number;
  } | null = null;
  private liveVisible = false;
  private liveAutoPaused = false;
  private pendingLiveTraining = false;
  private sectionObserver: IntersectionObserver | null = null;
  private liveObserver: IntersectionObserver | null = null;
  private scrolledToSection = false;

  protected override createRenderRoot(): HTMLElement {
    // Light DOM: the article is one document styled by article.css; figures keep their own shadow roots.
    return this;
  }

  override connectedCallback(): void {
    // Drop the static "Loading…" placeholder before Lit renders into the light DOM.
    this.replaceChildren();
    super.connectedCallback();
    this.readLocation();
    window.addEventListener('popstate', this.onPopState);
    void this.loadWeights();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.sectionObserver?.disconnect();
    this.liveObserver?.disconnect();
  }

  private readonly onPopState = (): void => {
    this.readLocation();
    this.requestLiveModel();
  };

  private readLocation(): void {
    const parsed = parseState(window.location.search);
    this.articleState = parsed.state;
    this.notices = parsed.notices;
  }

  /** Records the state in the URL: a new history entry for a new configuration, else in place. */
  private writeLocation(mode: 'push' | 'replace'): void {
    const url = `${window.location.pathname}${formatState(this.articleState)}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private async loadWeights(): Promise<void> {
    const [sweep, motif] = await Promise.allSettled([fetchWeights('weights/sweep.json'), fetchWeights('weights/motif.json')]);
    const errors: string[] = [];
    if (sweep.status === 'fulfilled') {
      this.sweepFile = sweep.value;
      this.shippedSweep = analyseAll(
        sweep.value.config,
        sweep.value.instances,
        sweep.value.instances.map((i) => i.loss),
      );
      const mid = this.shippedSweep.find((a) => a.density === INTERMEDIATE_DENSITY);
      this.intermediate = mid ? intermediateFacts(mid.summary, mid.density) : null;
    } else errors.push(`The precomputed sweep could not be loaded (${String(sweep.reason)}). Press Train to train a model here instead.`);
    if (motif.status === 'fulfilled') {
      this.motifFile = motif.value;
      const instance = motif.value.instances[0]!;
      this.shippedMotif = {
        weights: instance,
        summary: analyse(instance, motif.value.config),
        density: instance.density,
        loss: instance.loss,
      };
    } else errors.push(`The precomputed motif model could not be loaded (${String(motif.reason)}).`);
    this.loadErrors = errors;
    this.requestLiveModel();
  }

  // ---- derived views -------------------------------------------------------------------------

  protected override willUpdate(_changed: PropertyValues): void {
    const status = this.training.status;
    // The worker analyses the snapshots it sends; the page analyses only weights that came without.
    status.summaries?.forEach((summary, k) => {
      const weights = status.weights?.[k];
      if (weights && !analysisCache.has(weights)) analysisCache.set(weights, summary);
    });
    this.updateLiveShown(status);
    const trainedSweep = status.target === 'sweep' && status.weights && status.config ? status.weights : null;
    // Recompute only when the weights shown change: a progress report must not redraw seven plots.
    const weights = trainedSweep ?? this.shippedSweep;
    if (weights !== this.sweepWeightsShown && weights.length > 0) {
      this.sweepWeightsShown = weights;
      const models = trainedSweep && status.config ? analyseAll(status.config, trainedSweep, status.losses) : this.shippedSweep;
      this.sweepView = {
        panels: models.map((a) => ({
          density: a.density,
          caption: `${a.summary.counts.monosemantic} of ${a.summary.counts.neurons} neurons monosemantic`,
          data: stackPlotData(a.summary),
        })),
        levels: models.map(sweepLevel),
        source: trainedSweep ? `the sweep you are retraining (step ${status.step})` : 'the shipped weights',
      };
    }
  }

  /**
   * Keeps `liveShown` up to date. New weights are drawn in a task of their own, apart from the one
   * that received them (which updates the status line and the loss curve), so that no task blocks
   * the page for long; weights the worker did not analyse (a diverged run's last good ones, say)
   * are analysed in that task too.
   */
  private updateLiveShown(status: TrainingStatus): void {
    const weights = status.target === 'live' ? status.weights?.[0] : undefined;
    const config = status.config;
    if (!weights || !config) {
      // A new run has no weights yet: drop the previous run's model rather than show it as this one's.
      if (status.target === 'live') this.liveShown = null;
      return;
    }
    if (this.liveShown?.weights === weights || this.livePending === weights) return;
    this.livePending = weights;
    const step = status.weightsStep;
    setTimeout(() => {
      if (this.livePending !== weights) return;
      this.livePending = null;
      this.liveShown = { config, weights, summary: analyse(weights, config), step };
      this.requestUpdate();
    });
  }

  /** The model the live figure shows: the live run if it matches the state, else the shipped one nearest to it. */
  private liveModel(): { plot: StackPlotData; caption: string; counts: string } | null {
    const { status } = this.training;
    const config = liveConfig(this.articleState);
    const shown = this.liveShown;
    if (status.target === 'live' && shown && sameConfig(status.config, config) && sameConfig(shown.config, config)) {
      const { summary } = shown;
      const final = status.phase === 'completed' && shown.weights === status.weights?.[0];
      const label = final ? 'trained here' : `training here, step ${shown.step.toLocaleString('en')}`;
      return {
        plot: this.cachedPlot(summary),
        caption: `The live model at 1 − S = ${formatDensity(config.densities[0]!)} (${label}).`,
        counts: `${countsText(summary)}${this.shippedComparison(config)}`,
      };
    }
    const nearest = nearestPaperDensity(config.densities[0]!);
    const shipped = this.shippedAt(config, nearest);
    const sweep = this.sweepFile;
    if (!shipped || !sweep) return null;
    const exact = this.isShipped(config);
    return {
      plot: this.cachedPlot(shipped.summary),
      caption: exact
        ? `The shipped model at 1 − S = ${formatDensity(nearest)}: the model this configuration trains. ${trainingBudget(sweep)}`
        : `The shipped model at 1 − S = ${formatDensity(nearest)}, the nearest precomputed level, shown until the live model reports.`,
      counts: countsText(shipped.summary),
    };
  }

  /** The shipped model at `density`, if the sweep has that level and the same model shape as `config`. */
  private shippedAt(config: ModelConfig, density: number): AnalysedModel | undefined {
    const sweep = this.sweepFile;
    if (!sweep || config.m !== sweep.config.m || config.importanceDecay !== sweep.config.importanceDecay) return undefined;
    return this.shippedSweep.find((a) => a.density === density);
  }

  /** At a paper level, the shipped model's count there: the reference a finished live model should land near. */
  private shippedComparison(config: ModelConfig): string {
    const sweep = this.sweepFile;
    const shipped = this.shippedAt(config, config.densities[0]!);
    if (!sweep || !shipped) return '';
    return ` The shipped model at this level (${sweep.config.steps.toLocaleString('en')} steps, seed ${sweep.config.seed}) has ${shipped.summary.counts.monosemantic}.`;
  }

  private readonly plotCache = new WeakMap<ModelAnalysis, StackPlotData>();
  private readonly closeupCache = new WeakMap<ModelAnalysis, MotifCloseupData[]>();
  private cachedPlot(summary: ModelAnalysis, highlights?: ReadonlyMap<number, string>): StackPlotData {
    let plot = this.plotCache.get(summary);
    if (!plot) {
      plot = stackPlotData(summary, highlights);
      this.plotCache.set(summary, plot);
    }
    return plot;
  }

  /** True when a shipped file already holds the model this configuration trains. */
  private isShipped(config: ModelConfig): boolean {
    const sweep = this.sweepFile;
    if (!sweep) return false;
    const shippedAsSingle = makeConfig({ ...sweep.config, densities: config.densities });
    return sweep.config.densities.includes(config.densities[0]!) && sameConfig(shippedAsSingle, config);
  }

  private motifView(): {
    summary: ModelAnalysis;
    plot: StackPlotData;
    closeups: MotifCloseupData[];
    source: string;
    config: ModelConfig;
  } | null {
    const { status } = this.training;
    const file = this.motifFile;
    if (!file) return null;
    const retrained = status.target === 'motif' && status.weights ? status.weights[0]! : null;
    const weights = retrained ?? this.shippedMotif?.weights;
    if (!weights) return null;
    const summary = analyse(weights, file.config);
    let closeups = this.closeupCache.get(summary);
    if (!closeups) {
      closeups = summary.motifs.map((m, k) => motifCloseupData(summary.normalised, m, k));
      this.closeupCache.set(summary, closeups);
    }
    return {
      summary,
      config: file.config,
      plot: this.cachedPlot(summary, motifHighlights(summary.motifs)),
      closeups,
      source: retrained ? `retrained in your browser (step ${status.step})` : 'as shipped',
    };
  }

  // ---- training ------------------------------------------------------------------------------

  private trainOptions(): { backend?: BackendName } {
    return this.backendChoice === 'auto' ? {} : { backend: this.backendChoice };
  }

  private startLive(): void {
    this.pendingLiveTraining = false;
    this.liveAutoPaused = false;
    this.training.start('live', liveConfig(this.articleState), this.trainOptions());
  }

  /**
   * Starts the live model that waits for its section, unless the reader has started another run
   * (the sweep or the motif model): an automatic start must not replace a run someone asked for.
   * `updated` calls this again once that run has ended.
   */
  private startPendingLive(): void {
    if (this.training.running && this.training.status.target !== 'live') return;
    this.startLive();
  }

  /**
   * After a navigation: a configuration the shipped files do not hold is trained as soon as the
   * live section is on screen (a permalink must reproduce its figure); a shipped one is shown as is.
   */
  private requestLiveModel(): void {
    if (!this.sweepFile && this.loadErrors.length === 0) return;
    const config = liveConfig(this.articleState);
    const { status } = this.training;
    if (this.isShipped(config) || (status.target === 'live' && sameConfig(status.config, config))) {
      if (status.target === 'live' && !sameConfig(status.config, config)) this.training.cancel();
      this.pendingLiveTraining = false;
      return;
    }
    this.training.cancel();
    this.pendingLiveTraining = true;
    if (this.liveVisible) this.startLive();
  }

  private onLiveVisibility(visible: boolean): void {
    this.liveVisible = visible;
    const { status } = this.training;
    if (visible) {
      if (this.pendingLiveTraining) this.startPendingLive();
      else if (this.liveAutoPaused && status.target === 'live') {
        this.liveAutoPaused = false;
        this.training.resume();
      }
    } else if (status.target === 'live' && status.phase === 'training') {
      // Off screen nobody watches it: pause instead of spending the reader's battery.
      this.liveAutoPaused = true;
      this.training.pause();
    }
  }

  // ---- handlers ------------------------------------------------------------------------------

  private setState(patch: Partial<ArticleState>, mode: 'push' | 'replace'): void {
    this.articleState = { ...this.articleState, ...patch };
    this.writeLocation(mode);
  }

  /** While dragging only the display follows; the URL and history change on release. */
  private readonly onSliderInput = (density: number): void => {
    this.articleState = { ...this.articleState, density };
  };

  private readonly onSliderChange = (density: number): void => {
    this.setState({ density }, 'push');
    this.startLive();
  };

  private readonly onTrain = (): void => this.startLive();

  private readonly onPauseResume = (): void => {
    this.liveAutoPaused = false;
    if (this.training.status.phase === 'paused') this.training.resume();
    else this.training.pause();
  };

  private readonly onBackendChange = (backend: BackendName | 'auto'): void => {
    this.backendChoice = backend;
    if (this.training.running && this.training.status.target === 'live') this.startLive();
  };

  private readonly onAdvancedApply = (form: HTMLFormElement): void => {
    const params = new URLSearchParams(formatState(this.articleState));
    new FormData(form).forEach((value, name) => {
      params.set(name, String(value));
    });
    const parsed = parseState(`?${params.toString()}`);
    this.notices = parsed.notices;
    this.setState({ ...parsed.state, section: this.articleState.section }, 'push');
    this.startLive();
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
    if (!this.sweepFile) return;
    this.training.start('sweep', this.sweepFile.config, { ...this.trainOptions(), reportEvery: 50 });
  };

  private readonly onRetrainMotif = (): void => {
    if (!this.motifFile) return;
    this.training.start('motif', this.motifFile.config, { ...this.trainOptions(), reportEvery: 100 });
  };

  /** Simulates a lost WebGL context in the training worker; the browser tests call it. */
  loseWebGLContextForTesting(): void {
    this.training.loseWebGLContext();
  }

  // ---- observers -----------------------------------------------------------------------------

  /** Marks when the first stack plots are drawn, for the benchmark's time-to-first-plot. */
  private markFirstPlot(): void {
    const figure = this.querySelector('sweep-figure');
    if (!figure || this.sweepView.panels.length === 0 || performance.getEntriesByName('first-stack-plot').length > 0) return;
    void figure.updateComplete
      .then(() => Promise.all(figure.stackPlots().map((plot) => plot.updateComplete)))
      .then(() => performance.getEntriesByName('first-stack-plot').length === 0 && performance.mark('first-stack-plot'));
  }

  protected override updated(): void {
    this.markFirstPlot();
    if (this.pendingLiveTraining && this.liveVisible && !this.training.running) this.startPendingLive();
    const live = this.querySelector('#live');
    if (live && !this.liveObserver) {
      this.liveObserver = new IntersectionObserver((entries) => this.onLiveVisibility(entries.some((e) => e.isIntersecting)));
      this.liveObserver.observe(live);
    }
    if (!this.sectionObserver && this.querySelector('[data-section]')) {
      // The reading band is the top 40% of the viewport; the current section is the last one
      // (in document order) that reaches into it.
      const inBand = new Set<Element>();
      const sections = Array.from(this.querySelectorAll('[data-section]'));
      this.sectionObserver = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) inBand.add(entry.target);
            else inBand.delete(entry.target);
          }
          const current = sections.filter((el) => inBand.has(el)).at(-1);
          const section = current?.getAttribute('data-section') as SectionId | null | undefined;
          if (section && this.scrolledToSection && section !== this.articleState.section) this.setState({ section }, 'replace');
        },
        { rootMargin: '0px 0px -60% 0px' },
      );
      sections.forEach((el) => {
        this.sectionObserver!.observe(el);
      });
    }
    if (!this.scrolledToSection && this.sweepFile) {
      this.scrolledToSection = true;
      const { section } = this.articleState;
      if (section !== 'intro' && SECTIONS.includes(section)) this.querySelector(`#${section}`)?.scrollIntoView();
    }
  }

  // ---- render --------------------------------------------------------------------------------

  protected override render() {
    const { status } = this.training;
    const live = this.liveModel();
    const liveLoss: LossSeries[] =
      status.target === 'live' && status.lossHistory[0]
        ? [{ label: `1 − S = ${formatDensity(this.articleState.density)}, live`, points: status.lossHistory[0] }]
        : [];
    const motif = this.motifView();
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
        ${this.loadErrors.map((e) => html`<div class="notice error" role="alert">${e}</div>`)}
        ${introSection()} ${modelSection()}
        ${sweepSection({
          panels: this.sweepView.panels,
          levels: this.sweepView.levels,
          shippedLevels: this.shippedSweep.map(sweepLevel),
          source: this.sweepView.source,
          budget: this.sweepFile ? trainingBudget(this.sweepFile) : '',
          status,
          onRetrain: this.onRetrainSweep,
          onCancel: () => this.training.cancel(),
        })}
        ${liveSection({
          state: this.articleState,
          plot: live?.plot ?? null,
          plotCaption: live?.caption ?? '',
          counts: live?.counts ?? '',
          status,
          lossSeries: liveLoss,
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
        ${intermediateSection(this.intermediate)}
        ${motifSection({
          config: motif?.config ?? null,
          summary: motif?.summary ?? null,
          plot: motif?.plot ?? null,
          closeups: motif?.closeups ?? [],
          source: motif?.source ?? '',
          status,
          onRetrain: this.onRetrainMotif,
        })}
        ${methodSection(this.sweepFile, status.backend)} ${referencesSection()}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'superposition-article': SuperpositionArticle;
  }
}
