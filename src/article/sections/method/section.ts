/** The method section, with the shipped sweeps' provenance and the backend of the live run. */
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { methodSection } from './markup';

@customElement('article-method')
export class ArticleMethod extends ArticleSection {
  protected renderSection({ converged, replication, training }: ArticleContext): unknown {
    const { status } = training;
    return methodSection(
      converged?.seeds.map((s) => s.file) ?? [],
      replication?.file ?? null,
      status.phase === 'idle' ? null : status.backend,
    );
  }
}
