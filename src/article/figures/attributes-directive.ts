/** A Lit directive that sets an element's attributes from a record, for attribute tables declared once. */
import { type ElementPart, noChange, nothing } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';

/** Sets an element's attributes from a record: `<p ${attributes(statusAttributes(…))}>`. */
class AttributesDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attributes() belongs in an element tag');
  }

  render(_attributes: Readonly<Record<string, string>>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [record]: [Readonly<Record<string, string>>]): typeof noChange {
    for (const [name, value] of Object.entries(record)) {
      if (part.element.getAttribute(name) !== value) part.element.setAttribute(name, value);
    }
    return noChange;
  }
}

export const attributes = directive(AttributesDirective);
