/**
 * Embed mode (`?embed=<figure>`, docs/embedding.md): the page shows one figure alone, with its
 * caption and a line linking back to the full article, sized for an iframe: no skip link, no
 * other section, the body's margin 0. The figure's section renders as usual (so the figure keeps
 * its data, controls and downloads); the path from the section down to the figure is marked, and
 * embed.css hides everything off that path.
 *
 * A section may mark a few elements beside the figure to stay shown (EMBED_CLASSES.keep): the
 * computation figure's model picker and its notes, which say which model is drawn.
 *
 * Adding a figure: its name in EMBED_FIGURES (state/url-state.ts), a row in EMBED_TARGETS here
 * naming its section element and a selector for an element inside its <figure>, and its section
 * in SuperpositionArticle.renderEmbed.
 */
import { html, type TemplateResult } from 'lit';
import type { EmbedFigure } from '../state/url-state';
import { ARTICLE_META } from './article-meta';
import './embed.css';

/** Where each embeddable figure is: its section's element, and an element inside the <figure> to show. */
export const EMBED_TARGETS: Readonly<Record<EmbedFigure, { readonly section: string; readonly inside: string }>> = Object.freeze({
  sweep: { section: 'article-sweep', inside: '#sweep-figure' },
  curve: { section: 'article-curve', inside: 'figure.curve-figure' },
  live: { section: 'article-live', inside: '#live-figure' },
  motif: { section: 'article-motif', inside: '#motif-plot' },
  computation: { section: 'article-computation', inside: '#computation-figure' },
  stack: { section: 'article-stack', inside: '#stack-plot' },
});

/**
 * The classes of the figure shown, of every element between it and its section, and of an element
 * beside the figure that its section keeps shown in embed mode (embed.css).
 */
export const EMBED_CLASSES = Object.freeze({ figure: 'embed-figure', path: 'embed-path', keep: 'embed-keep' });

/**
 * The full article's address for an embedded page: the same path, query and hash without the
 * `embed` parameter (and without a "?" left empty).
 */
export function fullArticleHref(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const params = new URLSearchParams(location.search);
  params.delete('embed');
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** The line under the figure: "from: <title> — open the full article", opening in the top window. */
export function embedSourceLine(href: string): TemplateResult {
  return html`<p class="embed-source small">
    from: <a href=${href} target="_top" rel="noopener">${ARTICLE_META.title}</a> —
    <a href=${href} target="_top" rel="noopener">open the full article</a>
  </p>`;
}

/**
 * Marks the figure holding `inside` (within `root`) and its ancestors up to the section element.
 * Returns whether the figure is in the page yet (a figure drawn late is marked on a later call).
 */
export function markEmbeddedFigure(root: ParentNode, figure: EmbedFigure): boolean {
  const target = EMBED_TARGETS[figure];
  const section = root.querySelector(target.section);
  const inside = section?.querySelector(target.inside);
  const shown = inside?.closest('figure') ?? null;
  if (!section || !shown) return false;
  shown.classList.add(EMBED_CLASSES.figure);
  for (let node = shown.parentElement; node && node !== section; node = node.parentElement) node.classList.add(EMBED_CLASSES.path);
  section.classList.add(EMBED_CLASSES.path);
  return true;
}
