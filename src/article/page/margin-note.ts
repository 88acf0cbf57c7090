/**
 * A margin note: an aside to a paragraph (a recipe, a budget, a counting rule) that the argument does
 * not need. `noted()` groups the note with its paragraph; layout.css sets the note in the gutter
 * right of the reading column, level with the paragraph, on a screen of 1,100 px or more, and after
 * the paragraph, inline, smaller and ruled, on a phone. Place the group inside a `.prose` block.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** `<aside class="margin-note">` holding `content`; `label` names it for screen readers ("Training recipe"). */
export function marginNote(content: unknown, label: string, id?: string): TemplateResult {
  return html`<aside class="margin-note" aria-label=${label} id=${ifDefined(id)}>${content}</aside>`;
}

/**
 * A paragraph (or a paragraph and its list) with its margin notes. The notes come first in the
 * document, so that on a wide screen they float beside the paragraph's first line (display:
 * contents leaves the float in the column's flow); on a phone the group is a flex column that shows
 * them after it, where the reader has read what they annotate.
 */
export function noted(notes: unknown, paragraph: unknown): TemplateResult {
  return html`<div class="noted">${notes}${paragraph}</div>`;
}
