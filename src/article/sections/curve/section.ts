/** The density curve: its grid files (loaded as the section nears the screen), the curve, and the chosen density's stack plot. */
import { customElement, state } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { memo } from '../../figures/view-parts';
import { replicationLevels } from '../../shipped/curve-models';
import { ArticleSection } from '../article-section';
import { curveSection } from './markup';
import { convergedBaseline } from './view';
import { colouringOf } from '../../state/colouring-field';

/** Memoised so that the curve figure receives the same array on every render. */
const replicationOf = memo(replicationLevels);
const baselineOf = memo(convergedBaseline);

@customElement('article-curve')
export class ArticleCurve extends ArticleSection {
  /** The density chosen on the curve; null: its stack plot follows the live slider. */
  @state() private selected: number | null = null;

  private readonly onSelect = (density: number): void => {
    this.selected = density;
  };

  protected renderSection({ curve, replication, state: articleState, models, recipeComparison }: ArticleContext): unknown {
    return curveSection({
      curve: curve.value,
      loading: curve.loading,
      failures: curve.renderFailures(),
      replication: replication ? replicationOf(replication) : [],
      selected: this.selected,
      liveDensity: articleState.density,
      onSelect: this.onSelect,
      recipeComparison: recipeComparison.value,
      recipeFailures: recipeComparison.renderFailures(),
      baseline: models ? baselineOf(models.converged) : [],
      neurons: models?.converged[0]?.sweep.file.config.m ?? 40,
      colouring: colouringOf(articleState.colouring),
    });
  }
}
