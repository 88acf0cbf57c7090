import { html, nothing, type TemplateResult } from 'lit';
import { ARTICLE_META, formatPublished } from '../../page/article-meta';
import { SECTION_TITLES } from '../contents/markup';

/**
 * The title, byline and a short opening that leads straight to the computation figure (the next
 * section): the question and its numbers follow the figure. `contents` (the table of contents)
 * sits between byline and text.
 */
export function introSection(contents: TemplateResult): TemplateResult {
  return html`
    <section id="intro" class="prose" data-section="intro">
      <h1>${SECTION_TITLES.intro}</h1>
      <p class="subtitle">
        An explorable reproduction of one experiment from Elhage et al., “Toy Models of Superposition” (Anthropic,
        2022)<sup><a href="#ref-toy" aria-label="Reference 1">[1]</a></sup>, one of its networks trained live in your
        browser.
      </p>
      <dl class="byline">
        <div><dt>Authors</dt><dd>${ARTICLE_META.authors}</dd></div>
        <div><dt>Published</dt><dd><time datetime=${ARTICLE_META.published}>${formatPublished(ARTICLE_META.published)}</time></dd></div>
        ${
          ARTICLE_META.sourceUrl
            ? html`<div><dt>Source</dt><dd><a href=${ARTICLE_META.sourceUrl}>code and training scripts</a></dd></div>`
            : nothing
        }
        <div><dt>Cite</dt><dd><a href="#cite">BibTeX</a></dd></div>
      </dl>
      <details class="toc-details">
        <summary>Contents</summary>
        ${contents}
      </details>
      <div id="article-start" tabindex="-1">
        <p>
          Neural networks often seem to represent more features of their input than they have neurons. This article
          watches that happen in about the smallest network where it can: one hidden layer of 40 ReLU neurons, trained to
          output the absolute value |x<sub>i</sub>| of each of 100 inputs, where any one input is usually zero. Here is
          one trained network at work. Drag an input up or down and see which neurons fire, and how close each
          output comes to its target.
        </p>
      </div>
    </section>
  `;
}

/** The skip link: past the title block and the contents to the text. */
export function skipLink(onSkip: (event: MouseEvent) => void): TemplateResult {
  return html`<a class="skip-link" href="#article-start" @click=${onSkip}>Skip to the article text</a>`;
}
