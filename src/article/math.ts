/**
 * Typesets the article's own TeX strings with KaTeX. Only constant strings written in this
 * repository reach it, never URL or user input, which is why rendering its HTML is safe.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

/** Typeset markup by source: the article re-renders on every training report, KaTeX is slow. */
const typeset = new Map<string, string>();

export function tex(source: string, displayMode = false): TemplateResult {
  const key = `${displayMode ? 'D' : 'I'}${source}`;
  let markup = typeset.get(key);
  if (markup === undefined) {
    markup = katex.renderToString(source, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
    typeset.set(key, markup);
  }
  return displayMode ? html`<div class="math-display">${unsafeHTML(markup)}</div>` : html`${unsafeHTML(markup)}`;
}
