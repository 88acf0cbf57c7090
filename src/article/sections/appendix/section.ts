/** The back matter: glossary, footnotes, references and how to cite this page's address. */
import { customElement } from 'lit/decorators.js';
import { ArticleSection } from '../article-section';
import { appendix } from './markup';

@customElement('article-appendix')
export class ArticleAppendix extends ArticleSection {
  protected renderSection(): unknown {
    return appendix(`${window.location.origin}${window.location.pathname}`);
  }
}
