/** The intermediate regime, read off the shown sweep's middle level; nothing until the sweep loads. */
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { ArticleSection } from '../article-section';
import { intermediateSection } from './markup';
import { intermediateView } from './view';
import { colouringOf } from '../../state/colouring-field';

@customElement('article-intermediate')
export class ArticleIntermediate extends ArticleSection {
  protected renderSection({ shown, state }: ArticleContext): unknown {
    return intermediateSection(intermediateView(shown), colouringOf(state.colouring));
  }
}
