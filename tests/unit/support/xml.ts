/**
 * A strict little XML reader for tests in Node, which has no DOMParser: it checks that a document
 * is well formed (one root, tags nested and closed, attributes quoted and not repeated, entities
 * known) and returns its elements, so a test can read a file as a viewer would have to.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The root element of `source`; throws with the reason where it is not well-formed XML. */
export function parseXml(source: string): XmlElement {
  const body = source.replace(/^\s*<\?xml[^?]*\?>/, '');
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const m of body.matchAll(token)) {
    const [whole, closing, name, attrs, selfClosing, text, stray] = m;
    if (whole.startsWith('<!--')) continue;
    if (stray) throw new Error(`malformed markup at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (text !== undefined) {
      if (ENTITY.test(text)) throw new Error(`unescaped & in text: ${text.slice(0, 40)}`);
      if (stack.length === 0) {
        if (text.trim()) throw new Error('text outside the root element');
        continue;
      }
      stack.at(-1)!.text += decode(text);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? '').matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const value = a[2] ?? a[3] ?? '';
      if (a[1]! in attributes) throw new Error(`attribute ${a[1]} repeated on <${name}>`);
      if (ENTITY.test(value)) throw new Error(`unescaped & in attribute ${a[1]}`);
      attributes[a[1]!] = decode(value);
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element under (and including) `element`, depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}
