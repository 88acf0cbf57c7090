/**
 * What every section element shares: it renders into the light DOM (the article is one document
 * styled by article.css), takes no box of its own (`display: contents`, so the page lays out as
 * if the section's markup sat in the article directly), and draws from the article's context.
 */
import { consume } from '@lit/context';
import { LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { type ArticleContext, articleContext } from '../context';

/** The event a section sends after each of its updates. */
export const SECTION_DRAWN = 'section-drawn';

export abstract class ArticleSection extends LitElement {
  @consume({ context: articleContext, subscribe: true })
  @state()
  protected context?: ArticleContext;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.classList.add('article-section');
  }

  /** Tells the article that this section drew, so it can watch boxes the section added on its own (a table that loaded later). */
  protected override updated(): void {
    this.dispatchEvent(new Event(SECTION_DRAWN, { bubbles: true }));
  }

  protected override render(): unknown {
    return this.context ? this.renderSection(this.context) : nothing;
  }

  /** The section's markup for the article's current context. */
  protected abstract renderSection(context: ArticleContext): unknown;
}
