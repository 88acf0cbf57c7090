/**
 * The notices above the article: an older link's (what it trains, and the current recipe in one
 * click; older-link-notice.ts), what could not be used of the link, the shipped models loading,
 * and each file that failed.
 */
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ArticleContext } from '../context';
import { ArticleSection } from '../sections/article-section';
import { olderLinkNotice, useCurrentRecipe } from './older-link-notice';

@customElement('article-notices')
export class ArticleNotices extends ArticleSection {
  private readonly onDismiss = (): void => this.context?.dismissLinkNotices();

  private readonly onUseCurrentRecipe = (): void => {
    if (this.context) useCurrentRecipe(this.context);
  };

  protected renderSection({ linkNotices, shipped, state }: ArticleContext): unknown {
    return html`${olderLinkNotice(state, 'older-link-notice', this.onUseCurrentRecipe)}${
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
