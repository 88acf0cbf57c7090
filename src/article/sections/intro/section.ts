/** The intro section: title, byline, table of contents and opening, with Figure 1's dense model in a sentence. */
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../../context';
import { shippedSummary } from '../../shipped/shown-sweep';
import { levelAt } from '../../shipped/sweep-summary';
import type { SectionId } from '../../state/url-state';
import { ArticleSection } from '../article-section';
import { tableOfContents } from '../contents/markup';
import { denseSentence, introSection } from './markup';

@customElement('article-intro')
export class ArticleIntro extends ArticleSection {
  /** A table-of-contents link: scrolls in place (a modified click opens the permalink as the browser would). */
  private readonly onGoToSection = (section: SectionId, event: MouseEvent): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.context?.goTo(section);
  };

  protected renderSection({ state, shown }: ArticleContext): unknown {
    return introSection(
      tableOfContents(state, this.onGoToSection),
      denseSentence(state.budget, shown ? levelAt(shippedSummary(shown.seeds), 1) : undefined),
    );
  }
}
