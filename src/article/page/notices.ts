/** The notices above the article: what could not be used of the link, the shipped models loading, and each file that failed. */
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../context';
import { ArticleSection } from '../sections/article-section';

@customElement('article-notices')
export class ArticleNotices extends ArticleSection {
  private readonly onDismiss = (): void => this.context?.dismissLinkNotices();

  protected renderSection({ linkNotices, shipped }: ArticleContext): unknown {
    return html`${
      linkNotices.length
        ? html`<div class="notice" role="alert" id="url-notice">
            <strong>Some settings in this link could not be used.</strong>
            <ul>${linkNotices.map((n) => html`<li>${n}</li> `)}</ul>
            <button type="button" @click=${this.onDismiss}>Dismiss</button>
          </div>`
        : nothing
    }${shipped.renderNotices()}`;
  }
}
