/**
 * Sets a downloaded figure's text as outlines, so the file looks the same in any viewer and
 * rasteriser, whatever fonts it has (docs/figures.md, "Downloads"). Every <text> becomes one
 * <path> of DejaVu Sans glyphs (export-glyphs.json, made by scripts/export-glyphs.ts) at the
 * text's position, size, weight and anchor; its paint (fill, stroke) and transform are kept, and
 * the words stay in the file as the path's aria-label. Italic is drawn oblique. Loaded only when a
 * reader downloads a figure.
 *
 * The layout is the text's own: x, y, dx and dy (px or em) on the <text> and its <tspan>s, the
 * font size and weight of each run, text-anchor; inherited values are looked up through the
 * ancestors' style and attributes, as serializeSvg() leaves them.
 */
import glyphs from './export-glyphs.json';

type GlyphTable = Record<string, [advance: number, path: string]>;

const TABLES = { regular: glyphs.regular as unknown as GlyphTable, bold: glyphs.bold as unknown as GlyphTable };
const EM = glyphs.unitsPerEm;
/** Slant of synthetic italics: tan(12°). */
const OBLIQUE = 0.2126;
const INHERITED = new Set(['font-size', 'font-weight', 'font-style', 'text-anchor', 'fill', 'stroke', 'stroke-width', 'paint-order']);

/** The style attribute of an element as a map of property → value. */
function styleOf(element: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) map.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
  return map;
}

/** A presentation property of `element`: its style, else its attribute, else (for inherited ones) its parent's. */
function property(element: Element | null, name: string): string | undefined {
  for (let e = element; e && e.nodeType === 1; e = e.parentNode as Element | null) {
    const value = styleOf(e).get(name) ?? e.getAttribute(name) ?? undefined;
    if (value !== undefined && value !== '') return value;
    if (!INHERITED.has(name)) return undefined;
  }
  return undefined;
}

/** A length in px: "3", "3px", or "0.71em" of `fontSize`. */
function length(value: string | null | undefined, fontSize: number): number {
  if (!value) return 0;
  const first = value.trim().split(/[\s,]+/)[0] ?? '';
  const n = Number.parseFloat(first);
  if (!Number.isFinite(n)) return 0;
  return first.endsWith('em') ? n * fontSize : n;
}

function fontSizeOf(element: Element): number {
  const value = property(element, 'font-size') ?? '16px';
  const n = Number.parseFloat(value);
  if (!Number.isFinite(n)) return 16;
  // A relative size ("0.75em", "75%") is of the parent's size.
  if (value.endsWith('em') || value.endsWith('%')) {
    const parent = element.parentNode as Element | null;
    const base = parent && parent.nodeType === 1 ? fontSizeOf(parent) : 16;
    return value.endsWith('%') ? (base * n) / 100 : base * n;
  }
  return n;
}

function isBold(element: Element): boolean {
  const weight = property(element, 'font-weight') ?? '400';
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
}

/** A run of characters set in one style, at a baseline offset. */
interface Run {
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Shift of this run's start, px, relative to where the previous run ended. */
  readonly dx: number;
  readonly dy: number;
}

/** The runs of a <text>: its own text nodes and each <tspan>'s, in order. */
function runsOf(text: Element): Run[] {
  const runs: Run[] = [];
  const visit = (element: Element, first: boolean): void => {
    const size = fontSizeOf(element);
    let dx = first ? 0 : length(element.getAttribute('dx'), size);
    let dy = first ? 0 : length(element.getAttribute('dy'), size);
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeType === 3) {
        const content = (node.textContent ?? '').replace(/\s+/g, ' ');
        if (content === '') continue;
        runs.push({ text: content, size, bold: isBold(element), italic: property(element, 'font-style') === 'italic', dx, dy });
        dx = 0;
        dy = 0;
      } else if (node.nodeType === 1 && (node as Element).localName === 'tspan') {
        visit(node as Element, false);
      }
    }
  };
  visit(text, true);
  return runs;
}

/** Width of a run in px. */
function runWidth(run: Run): number {
  const table = run.bold ? TABLES.bold : TABLES.regular;
  let width = 0;
  for (const char of run.text) width += ((table[char] ?? TABLES.regular[char] ?? TABLES.regular['?']!)[0] * run.size) / EM;
  return width;
}

/** Glyph path data (absolute M/L/Q/Z in 1/1000 em, y down) moved to (x, y), scaled and slanted. */
function placeGlyph(d: string, x: number, y: number, scale: number, italic: boolean): string {
  let k = 0;
  let px = 0;
  return d
    .replace(/-?\d+(\.\d+)?/g, (number) => {
      const v = Number(number);
      if (k++ % 2 === 0) {
        px = v;
        return '';
      }
      const gx = x + (px + (italic ? -v * OBLIQUE : 0)) * scale;
      const gy = y + v * scale;
      return `${round(gx)} ${round(gy)}`;
    })
    .replace(/([MLQ])\s*/g, '$1')
    .replace(/ {2,}/g, ' ');
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The path data of a whole <text>, px in the text's coordinate system. */
export function textPath(text: Element): string {
  const size = fontSizeOf(text);
  let x = length(text.getAttribute('x'), size) + length(text.getAttribute('dx'), size);
  let y = length(text.getAttribute('y'), size) + length(text.getAttribute('dy'), size);
  const runs = runsOf(text);
  const total = runs.reduce((w, r) => w + r.dx + runWidth(r), 0);
  const anchor = property(text, 'text-anchor');
  x -= anchor === 'middle' ? total / 2 : anchor === 'end' ? total : 0;
  const parts: string[] = [];
  for (const run of runs) {
    x += run.dx;
    y += run.dy;
    const table = run.bold ? TABLES.bold : TABLES.regular;
    const scale = run.size / EM;
    for (const char of run.text) {
      const [advance, d] = table[char] ?? TABLES.regular[char] ?? TABLES.regular['?']!;
      if (d) parts.push(placeGlyph(d, x, y, scale, run.italic));
      x += advance * scale;
    }
  }
  return parts.join('');
}

/** Font properties a path does not need once its text is outlines. */
const FONT_PROPERTIES = /^(font-|text-anchor|dominant-baseline|font-variant)/;

/**
 * The SVG document `svgText` with every <text> replaced by its outlines, and its size, px (the root
 * <svg>'s width and height). Browser only (DOMParser, XMLSerializer).
 */
export function textToOutlines(svgText: string): { text: string; width: number; height: number } {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`the figure's SVG does not parse: ${error.textContent ?? ''}`);
  const root = doc.documentElement;
  for (const text of Array.from(doc.getElementsByTagName('text'))) {
    const words = (text.textContent ?? '').replace(/\s+/g, ' ').trim();
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', textPath(text) || 'M0 0');
    const paint = [...styleOf(text).entries()].filter(([name]) => !FONT_PROPERTIES.test(name));
    for (const name of ['fill', 'stroke', 'stroke-width', 'paint-order']) {
      if (!paint.some(([n]) => n === name)) {
        const inherited = property(text, name);
        if (inherited) paint.push([name, inherited]);
      }
    }
    if (paint.length > 0) path.setAttribute('style', paint.map(([n, v]) => `${n}:${v}`).join(';'));
    const transform = text.getAttribute('transform');
    if (transform) path.setAttribute('transform', transform);
    if (words) {
      path.setAttribute('role', 'img');
      path.setAttribute('aria-label', words);
    }
    text.replaceWith(path);
  }
  const width = Number(root.getAttribute('width')) || 0;
  const height = Number(root.getAttribute('height')) || 0;
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, width, height };
}
