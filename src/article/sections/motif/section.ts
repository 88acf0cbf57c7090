/** The motif section: the shipped motif model or one retrained here, and the controls that retrain it. */
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { motifSection } from './markup';
import { motifView } from './view';

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

  protected renderSection({ training, models, shipped }: ArticleContext): unknown {
    const status = training.runOf('motif');
    return motifSection({
      view: motifView(status, models?.motif ?? null),
      status,
      onRetrain: this.onRetrain,
      onCancel: this.onCancel,
      onRestore: this.onRestore,
      unavailable:
        shipped.motif.renderFailure() ??
        (shipped.motif.value ? undefined : html`<p class="small" role="status">Loading the motif model…</p>`),
    });
  }
}
