/** The density curve: its grid files (loaded as the section nears the screen), the curve, and the chosen density's stack plot. */
import { TaskStatus } from '@lit/task';
import { customElement, state } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { memo } from '../../figures/view-parts';
import { type CurveLoader, replicationLevels } from '../../shipped/curve-models';
import { ArticleSection } from '../article-section';
import { type CurveSectionProps, curveSection } from './markup';

/** Memoised so that the curve figure receives the same array on every render. */
const replicationOf = memo(replicationLevels);

/** 'pending' before the section comes near, 'loading', 'ready', or why the grid could not be loaded. */
function curveLoading({ task }: CurveLoader): CurveSectionProps['loading'] {
  if (task.status === TaskStatus.ERROR) return { error: `The density curve could not be loaded (${String(task.error)}).` };
  return task.status === TaskStatus.INITIAL ? 'pending' : task.status === TaskStatus.PENDING ? 'loading' : 'ready';
}

@customElement('article-curve')
export class ArticleCurve extends ArticleSection {
  /** The density chosen on the curve; null: its stack plot follows the live slider. */
  @state() private selected: number | null = null;

  private readonly onSelect = (density: number): void => {
    this.selected = density;
  };

  protected renderSection({ curve, replication, state: articleState }: ArticleContext): unknown {
    return curveSection({
      curve: curve.task.value ?? null,
      loading: curveLoading(curve),
      replication: replication ? replicationOf(replication) : [],
      selected: this.selected,
      liveDensity: articleState.density,
      onSelect: this.onSelect,
    });
  }
}
