/**
 * A margin note: an aside to the paragraph after it (a recipe, a budget, a counting rule) that the
 * argument does not need. layout.css sets it in the gutter right of the reading column on a screen
 * of 1,100 px or more and inline, smaller and ruled, on a phone. Place it inside a `.prose` block,
 * just before the paragraph it belongs beside.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** `<aside class="margin-note">` holding `content`; `label` names it for screen readers ("Training recipe"). */
export function marginNote(content: unknown, label: string, id?: string): TemplateResult {
  return html`<aside class="margin-note" aria-label=${label} id=${ifDefined(id)}>${content}</aside>`;
}
