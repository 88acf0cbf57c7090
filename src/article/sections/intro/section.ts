/** The intro section: title, byline, table of contents and a short opening that leads to the computation figure. */
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import type { SectionId } from '../../state/url-state';
import { ArticleSection } from '../article-section';
import { tableOfContents } from '../contents/markup';
import { introSection } from './markup';

@customElement('article-intro')
export class ArticleIntro extends ArticleSection {
  /** A table-of-contents link: scrolls in place (a modified click opens the permalink as the browser would). */
  private readonly onGoToSection = (section: SectionId, event: MouseEvent): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.context?.goTo(section);
  };

  protected renderSection({ state }: ArticleContext): unknown {
    return introSection(tableOfContents(state, this.onGoToSection));
  }
}
