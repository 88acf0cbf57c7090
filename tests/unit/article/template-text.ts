/**
 * A Lit template as the text a reader sees (its textContent): static parts and bound values joined,
 * tags dropped without adding spaces, functions, directives and `nothing` rendered as nothing.
 * Attribute bindings are dropped with their tag. Good enough to read generated sentences in Node.
 */
import type { TemplateResult } from 'lit';

function isTemplate(value: unknown): value is TemplateResult {
  return typeof value === 'object' && value !== null && 'strings' in value && 'values' in value;
}

/** The markup of `value` with its bound values filled in; directives and callbacks become ''. */
function markup(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'symbol' || typeof value === 'function') return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(markup).join('');
  if (isTemplate(value)) {
    const { strings, values } = value;
    return strings.map((s, i) => s + (i < values.length ? markupInContext(s, values[i]) : '')).join('');
  }
  return ''; // a directive result (KaTeX, unsafeHTML, …)
}

/** A value bound inside a tag (an attribute) is dropped; one in text is rendered. */
function markupInContext(before: string, value: unknown): string {
  const open = before.lastIndexOf('<');
  const close = before.lastIndexOf('>');
  return open > close ? '' : markup(value);
}

/** The reader's text of a template: markup with tags removed and whitespace collapsed. */
export function templateText(value: unknown): string {
  return markup(value)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
