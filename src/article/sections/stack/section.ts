/**
 * The stack-plot embed (`?embed=stack`, docs/embedding.md): one stack plot of the shipped sweep
 * the link's `budget` and `sweep-seed` pick, at the level nearest its `density`. Only embed mode
 * draws it; the full article shows the same plots in the sweep figure.
 */
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { stackSection } from './markup';
import { stackView } from './view';

@customElement('article-stack')
export class ArticleStack extends ArticleSection {
  protected renderSection({ shown, state, shipped, models }: ArticleContext): unknown {
    const view = stackView(shown, state.density, state.sweepSeed);
    const unavailable =
      state.budget === 'replication'
        ? (shipped.replicationMissing ?? 'The replication-budget sweep did not load.')
        : models
          ? 'No converged sweep loaded.'
          : 'Loading the shipped models…';
    return stackSection({ view, unavailable });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'article-stack': ArticleStack;
  }
}
