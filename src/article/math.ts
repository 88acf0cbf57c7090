/**
 * Typesets the article's own TeX strings with KaTeX. Only constant strings written in this
 * repository reach it, never URL or user input, which is why rendering its HTML is safe.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

export function tex(source: string, displayMode = false): TemplateResult {
  const markup = katex.renderToString(source, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
  return displayMode ? html`<div class="math-display">${unsafeHTML(markup)}</div>` : html`${unsafeHTML(markup)}`;
}
