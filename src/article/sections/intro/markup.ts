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
  const trained = budget === 'converged' ? 'trained to convergence' : 'trained with the public replications’ budget';
  const seeds = dense.seeds > 1 ? ` in each of its ${dense.seeds} seeds` : '';
  if (dense.representedFeatures.min === pairs && dense.representedFeatures.max === pairs) {
    return `Figure ${FIGURE_NUMBER.sweep}’s dense model, ${trained}, does that${seeds}: it computes ${pairs} features, each with its own pair of neurons.`;
  }
  return `Figure ${FIGURE_NUMBER.sweep}’s dense model, ${trained}, computes ${formatSpread(dense.representedFeatures)} features rather than ${pairs}.`;
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
      ${contents}
      <div id="article-start" tabindex="-1">
        <p>
          A neural network often seems to track more properties of its input than it has neurons. One way to do that is
          <a class="term" href="#term-superposition">superposition</a>: giving each property, or <em>feature</em>, a
          direction in activation space, and letting many more directions than dimensions share the space. The directions
          cannot all be orthogonal, so features interfere with each other; but when each feature is rarely active, two of
          them are seldom active together and the interference is a price worth paying.
        </p>
        <p>
          Storing features this way is one thing. The striking result of the paper’s “computation in superposition” section
          is that a network can also <em>compute</em> on features it keeps in superposition. The task is as small as it can
          be: output the absolute value ${tex('|x_i|')} of each of 100 inputs, using a hidden layer of only 40 ReLU neurons.
          Because a clean solution spends two neurons on every feature, 40 neurons can compute 20 features without any
          sharing. What happens to the other 80 depends on how sparse the inputs are, and that is what you can explore
          here. <span id="intro-dense">${dense}</span>
        </p>
      </div>
    </section>
  `;
}

/** The skip link: past the title block and the contents to the text. */
export function skipLink(onSkip: (event: MouseEvent) => void): TemplateResult {
  return html`<a class="skip-link" href="#article-start" @click=${onSkip}>Skip to the article text</a>`;
}
