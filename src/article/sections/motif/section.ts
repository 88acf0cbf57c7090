/** The motif section: the shipped motif model or one retrained here, the controls that retrain it, and the big models' catalogue. */
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { catalogueCloseup, type CatalogueChoice, catalogueSentence, type PageCatalogue, pageCatalogue } from './catalogue';
import { catalogueMarkup } from './catalogue-markup';
import { motifSection } from './markup';
import { MOTIF_SEARCH, searchSentence, searchSummary } from './search';
import { motifView } from './view';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { colouringOf } from '../../state/colouring-field';

const SEARCH = searchSummary(MOTIF_SEARCH);

@customElement('article-motif')
export class ArticleMotif extends ArticleSection {
  /** The catalogue's instance drawn; null: its first. */
  @state() private choice: CatalogueChoice | null = null;
  /** The last catalogue and its inputs, so that a render with the same files hands the figures the same objects. */
  private cached: { readonly inputs: readonly unknown[]; readonly catalogue: PageCatalogue } | null = null;
  /** The close-up drawn, for the catalogue and choice (by value) it was made for. */
  private drawn: { readonly catalogue: PageCatalogue; readonly key: string; readonly data: ReturnType<typeof catalogueCloseup> } | null =
    null;

  private readonly onRetrain = (): void => {
    const motif = this.context?.models?.motif;
    if (motif && this.context)
      this.context.training.start('motif', motif.file.config, { ...this.context.backendOption(), reportEvery: 100 });
  };

  /** Forgets the retrained motif model that ended, so the shipped one shows again. */
  private readonly onRestore = (): void => this.context?.training.dismiss('motif');

  private readonly onCancel = (): void => this.context?.training.cancel();

  private readonly onChoose = (choice: CatalogueChoice): void => {
    this.choice = choice;
  };

  /** The catalogue lists the curve grid's models too: opening it loads the grid if it has not loaded yet. */
  private readonly onOpen = (): void => this.context?.curve.request();

  private readonly onShowCatalogue = (): void => {
    const details = this.querySelector<HTMLDetailsElement>('#motif-catalogue');
    if (details) details.open = true;
    this.onOpen();
  };

  private catalogueOf({ models, replication, curve }: ArticleContext): PageCatalogue {
    const inputs = [models, replication, curve.value];
    if (!this.cached || inputs.some((x, k) => x !== this.cached!.inputs[k]))
      this.cached = { inputs, catalogue: pageCatalogue(models, replication, curve.value) };
    return this.cached.catalogue;
  }

  private readonly onColouringChange = (colouring: StackColouring): void => this.context?.setState({ colouring });

  protected renderSection(context: ArticleContext): unknown {
    const { training, models, shipped, state } = context;
    const status = training.runOf('motif');
    const catalogue = this.catalogueOf(context);
    const first = catalogue.rows.find((r) => r.instances.length > 0);
    const choice = this.choice ?? (first ? { source: first.source, seed: first.seed, density: first.density, index: 0 } : null);
    const key = JSON.stringify(choice);
    if (choice && (this.drawn?.catalogue !== catalogue || this.drawn.key !== key))
      this.drawn = { catalogue, key, data: catalogueCloseup(catalogue, choice) };
    const curveState = context.curve.loading;
    const pending = catalogue.missing.length
      ? `Not counted yet: the ${catalogue.missing.join(' and the ')} (${
          catalogue.missing.includes('curve grid') && curveState === 'pending'
            ? 'they load with the density curve, or when this list is opened'
            : typeof curveState === 'object'
              ? curveState.error
              : 'loading'
        }).`
      : null;
    return motifSection({
      view: motifView(status, models?.motif ?? null),
      status,
      onRetrain: this.onRetrain,
      onCancel: this.onCancel,
      onRestore: this.onRestore,
      colouring: colouringOf(state.colouring, 'feature'),
      onColouringChange: this.onColouringChange,
      unavailable:
        shipped.motif.renderFailure() ??
        (shipped.motif.value ? undefined : html`<p class="small" role="status">Loading the motif model…</p>`),
      search: searchSentence(SEARCH, models?.motif?.file.config.seed ?? SEARCH.chosen ?? 0),
      bigModels: catalogueSentence(catalogue),
      notCounted: pending ?? '',
      catalogue: catalogueMarkup({
        catalogue,
        choice,
        closeup: choice ? (this.drawn?.data ?? null) : null,
        pending,
        onChoose: this.onChoose,
        onOpen: this.onOpen,
      }),
      onShowCatalogue: this.onShowCatalogue,
    });
  }
}
