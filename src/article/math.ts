/**
 * The article's mathematics. Sections write `tex('…')`; the build (build/prerender-tex.ts, a
 * Vite plugin) typesets each call with KaTeX and replaces it by `typeset(markup)`, so the page
 * carries KaTeX's stylesheet and fonts but not its code. Only constant strings written in this
 * repository are typeset, never URL or user input, which is why inserting the markup is safe.
 */
import 'katex/dist/katex.min.css';
import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

/** What a section writes; never runs in a page built by Vite, where the plugin has replaced it. */
export function tex(source: string, _displayMode = false): TemplateResult {
  throw new Error(`tex('${source}') was not typeset at build time: is the prerender-tex plugin in vite.config.ts?`);
}

/** KaTeX markup typeset at build time, inline or as a display equation. */
export function typeset(markup: string, displayMode: boolean): TemplateResult {
  // A display equation wider than a phone's column scrolls sideways; OverflowFocus makes it focusable then.
  return displayMode
    ? html`<div class="math-display scroll-x" role="group" aria-label="Equation">${unsafeHTML(markup)}</div>`
    : html`${unsafeHTML(markup)}`;
}
