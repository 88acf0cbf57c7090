/** The motif section: the shipped motif model or one retrained here, and the controls that retrain it. */
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { motifSection } from './markup';
import { motifView } from './view';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import { colouringOf } from '../../state/colouring-field';

@customElement('article-motif')
export class ArticleMotif extends ArticleSection {
  private readonly onRetrain = (): void => {
    const motif = this.context?.models?.motif;
    if (motif && this.context)
      this.context.training.start('motif', motif.file.config, { ...this.context.backendOption(), reportEvery: 100 });
  };

  /** Forgets the retrained motif model that ended, so the shipped one shows again. */
  private readonly onRestore = (): void => this.context?.training.dismiss('motif');

  private readonly onCancel = (): void => this.context?.training.cancel();

  private readonly onColouringChange = (colouring: StackColouring): void => this.context?.setState({ colouring });

  protected renderSection({ training, models, shipped, state }: ArticleContext): unknown {
    const status = training.runOf('motif');
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
    });
  }
}
