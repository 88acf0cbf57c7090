/**
 * The computation section: one input through one model, the reader choosing both. The model and
 * the input live in the URL (computation-fields.ts); while the reader drags, the input is held
 * here and written to the URL once they pause (COMMIT_MS), so a drag makes one history entry. A
 * change of the URL's input or model that is not the commit (Back or Forward within the pause)
 * drops the held input, so that it is not written over the entry the reader went to.
 */
import { customElement, state } from 'lit/decorators.js';
import { computeForward, type InputEntry, randomInput } from '../../../model/analysis/computation';
import { createRng } from '../../../model/random';
import '../../../viz/computation/computation-figure';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { shippedSummary } from '../../shipped/shown-sweep';
import { levelAt } from '../../shipped/sweep-summary';
import { DEFAULT_COMPUTATION_MODEL } from '../../state/computation-fields';
import { computationSection } from './markup';
import { denseSentence, openingModelSentence } from './text';
import { awaitedFile, type ComputationSources, computationView, loadingSentence, steadyHiddenMax } from './view';

/** The files loaded so far that the figure can draw from. */
function sourcesOf(context: ArticleContext): ComputationSources {
  const { shipped } = context;
  return {
    models: context.models,
    firstView: shipped.firstView.value,
    firstViewSettled: shipped.firstView.settled,
    motif: shipped.motif.value,
    motifSettled: shipped.motif.settled,
  };
}

/** How long after the reader's last change the input is written to the URL. */
const COMMIT_MS = 250;

/** Values are kept to 3 decimals, so that what the figure shows is exactly what the link holds. */
const rounded = (input: readonly InputEntry[]): InputEntry[] =>
  input.map(({ feature, value }) => ({ feature, value: Math.round(value * 1000) / 1000 || 0 }));

/** text.ts's sentence on the model the figure opens with (DEFAULT_COMPUTATION_MODEL): from its own small file, or from its seed's sweep if that came first. */
function openingSentence({ models, shipped }: ArticleContext): string {
  const { density, seed } = DEFAULT_COMPUTATION_MODEL;
  const files = [shipped.firstView.value, models?.converged.find((s) => s.seed === seed)?.sweep];
  const model = files.flatMap((f) => f?.models ?? []).find((m) => m.density === density);
  return model ? openingModelSentence(density, model.analysis.counts) : '';
}

@customElement('article-computation')
export class ArticleComputation extends ArticleSection {
  /** The input being dragged, not yet in the URL. */
  @state() private pending: readonly InputEntry[] | null = null;
  /** The URL's input and model when the held input began. */
  private pendingFrom: Pick<ArticleContext['state'], 'input' | 'computationModel'> | null = null;
  /** The inhibition neuron removed (motif model only); not part of the link. */
  @state() private removed = false;
  private commitTimer: ReturnType<typeof setTimeout> | undefined;
  private draws = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flush();
  }

  private flush(): void {
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    // `pending` stays drawn until the context brings the committed input back (willUpdate).
    if (this.pending && this.context) this.context.setState({ input: this.pending });
  }

  protected override willUpdate(): void {
    const state = this.context?.state;
    if (!this.pending || !state) return;
    const from = this.pendingFrom;
    if (state.input === this.pending) this.pending = null;
    else if (from && (state.input !== from.input || state.computationModel !== from.computationModel)) {
      clearTimeout(this.commitTimer);
      this.commitTimer = undefined;
      this.pending = null;
    }
  }

  private readonly onInputChange = (event: Event): void => {
    if (!this.pending && this.context)
      this.pendingFrom = { input: this.context.state.input, computationModel: this.context.state.computationModel };
    this.pending = rounded((event as CustomEvent<{ input: readonly InputEntry[] }>).detail.input);
    clearTimeout(this.commitTimer);
    this.commitTimer = setTimeout(() => this.flush(), COMMIT_MS);
  };

  private readonly onRandomInput = (): void => {
    const view = this.view();
    if (!view) return;
    const rng = createRng(view.seed, 1000 + this.draws++);
    this.pending = rounded(randomInput(rng, view.weights.W2.length, view.density));
    this.flush();
  };

  private readonly onInhibitionToggle = (event: Event): void => {
    this.removed = (event as CustomEvent<{ removed: boolean }>).detail.removed;
  };

  private readonly onModelChange = (key: string): void => {
    const choice = this.view()?.choices.find((c) => c.key === key);
    if (!choice || !this.context) return;
    clearTimeout(this.commitTimer);
    this.pending = null;
    this.removed = false;
    this.context.setState({ computationModel: choice.model, input: undefined });
  };

  private view(context = this.context) {
    return context
      ? computationView(sourcesOf(context), context.liveModel.shown, context.state.computationModel, this.pending ?? context.state.input)
      : null;
  }

  /**
   * A model that waits for the converged files asks for them now (the loader fetches them only when
   * asked); so does the motif model while it loads, so that a stalled motif file never delays them.
   */
  protected override updated(): void {
    super.updated();
    const context = this.context;
    const awaited = context ? awaitedFile(sourcesOf(context), context.liveModel.shown, context.state.computationModel) : null;
    if (context && (awaited === 'converged' || awaited === 'motif')) context.shipped.startRest();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('input-change', this.onInputChange);
    this.addEventListener('random-input', this.onRandomInput);
    this.addEventListener('inhibition-toggle', this.onInhibitionToggle);
  }

  protected renderSection(context: ArticleContext): unknown {
    const view = this.view(context);
    const silenced = view?.inhibition && this.removed ? view.inhibition.neuron : undefined;
    const computation = view ? computeForward(view.weights, view.input, silenced) : null;
    return computationSection({
      view,
      loading: loadingSentence(
        context.state.computationModel,
        awaitedFile(sourcesOf(context), context.liveModel.shown, context.state.computationModel),
      ),
      computation,
      hiddenMax: view && computation ? steadyHiddenMax(view.hiddenMax, computation) : 1,
      onModelChange: this.onModelChange,
      dense: denseSentence(context.state.budget, context.shown ? levelAt(shippedSummary(context.shown.seeds), 1) : undefined),
      opening: openingSentence(context),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'article-computation': ArticleComputation;
  }
}
