import { html, nothing, type TemplateResult } from 'lit';
import { ARTICLE_META, FIGURE_NUMBER, formatPublished } from '../../page/article-meta';
import type { SweepBudget } from '../../state/budget';
import { formatSpread, type LevelSummary } from '../../shipped/sweep-summary';
import { tex } from '../../math';
import { SECTION_TITLES } from '../contents/markup';

/**
 * What Figure 1's dense panel shows against the clean solution the intro describes, from the
 * summary of the budget it draws; empty before the sweep loads.
 */
export function denseSentence(budget: SweepBudget, dense: LevelSummary | undefined): string {
  if (!dense) return '';
  const pairs = Math.floor(dense.neurons / 2);
  const figure = `Figure ${FIGURE_NUMBER.sweep}`;
  if (dense.representedFeatures.min === pairs && dense.representedFeatures.max === pairs) {
    return `When every feature is present in every input, the trained network does exactly that (${figure}, left): it computes ${pairs} features, each with its own pair of neurons.`;
  }
  const trained = budget === 'converged' ? '' : ', trained with the shorter replication budget,';
  return `When every feature is present in every input, the network${trained} computes ${formatSpread(dense.representedFeatures)} features rather than ${pairs} (${figure}, left).`;
}

/** The title, byline and opening; `contents` (the table of contents) sits between byline and text, `dense` is denseSentence's. */
export function introSection(contents: TemplateResult, dense: string): TemplateResult {
  return html`
    <section id="intro" class="prose" data-section="intro">
      <h1>${SECTION_TITLES.intro}</h1>
      <p class="subtitle">
        An explorable reproduction of one experiment from Elhage et al., “Toy Models of Superposition” (Anthropic,
        2022)<sup><a href="#ref-toy" aria-label="Reference 1">[1]</a></sup>. The network on this page is trained in your browser.
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
          A layer of a neural network often seems to represent more features of its input than it has neurons.
          <a class="term" href="#term-superposition">Superposition</a> is one way to do that: each feature gets its own
          direction in the layer’s activations, and more directions than dimensions share the space. They cannot all be
          at right angles, so features interfere with each other. But if each feature is rarely present, two of them are
          seldom present together, and the interference rarely costs anything.
        </p>
        <p>
          Storing features this way is one thing; <em>computing</em> with them is another. The task here is about as small
          as a computation gets: read 100 inputs and output the absolute value ${tex('|x_i|')} of each, through one hidden
          layer of 40 ReLU neurons. The ReLU is needed, because ${tex('|x| = \\operatorname{ReLU}(x) + \\operatorname{ReLU}(-x)')}:
          one neuron for each sign. At two neurons a feature, 40 neurons can serve 20 features cleanly and leave the other
          80 with nothing. <span id="intro-dense">${dense}</span>
        </p>
        <p>
          The question is what the network does when the inputs are sparse, when each one is usually zero. Does it still
          give up on 80 features, or does it share its neurons and compute more than 20? The figure below lets you look
          inside one trained network: set an input, watch which neurons fire, and compare its outputs with ${tex('|x|')}.
        </p>
      </div>
    </section>
  `;
}

/** The skip link: past the title block and the contents to the text. */
export function skipLink(onSkip: (event: MouseEvent) => void): TemplateResult {
  return html`<a class="skip-link" href="#article-start" @click=${onSkip}>Skip to the article text</a>`;
}
