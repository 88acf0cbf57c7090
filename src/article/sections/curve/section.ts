/** The density curve: its grid files (loaded as the section nears the screen), the curve, and the chosen density's stack plot. */
import { customElement, state } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { memo } from '../../figures/view-parts';
import { replicationLevels } from '../../shipped/curve-models';
import { ArticleSection } from '../article-section';
import { curveSection } from './markup';
import { colouringOf } from '../../state/colouring-field';

/** Memoised so that the curve figure receives the same array on every render. */
const replicationOf = memo(replicationLevels);

@customElement('article-curve')
export class ArticleCurve extends ArticleSection {
  /** The density chosen on the curve; null: its stack plot follows the live slider. */
  @state() private selected: number | null = null;

  private readonly onSelect = (density: number): void => {
    this.selected = density;
  };

  protected renderSection({ curve, replication, state: articleState }: ArticleContext): unknown {
    return curveSection({
      curve: curve.value,
      loading: curve.loading,
      failures: curve.renderFailures(),
      replication: replication ? replicationOf(replication) : [],
      selected: this.selected,
      liveDensity: articleState.density,
      onSelect: this.onSelect,
      colouring: colouringOf(articleState.colouring),
    });
  }
}
