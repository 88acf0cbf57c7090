/** The model section: data, network, loss and how a stack plot draws it. */
import { customElement } from 'lit/decorators.js';
import { ArticleSection } from '../article-section';
import { modelSection } from './markup';

@customElement('article-model')
export class ArticleModel extends ArticleSection {
  protected renderSection(): unknown {
    return modelSection();
  }
}
