/**
 * Finding a figure's <svg> and turning it into a standalone file. The figures are styled from
 * their shadow roots' stylesheets, which a saved file does not carry, so the computed styles that
 * matter are copied onto each element of a clone. DOM access happens only inside the functions,
 * so the module imports in Node and its pure helpers are tested there.
 */

/** Which part of a figure to save: one panel by index (0 for a figure of one), or every panel ('all'). */
export type PanelChoice = number | 'all';

/** What a figure hands over to be saved: its panels' <svg>s with their titles, and a legend drawn apart from them. */
export interface FigureParts {
  readonly panels: readonly { readonly svg: SVGSVGElement; readonly title?: string; readonly caption?: string }[];
  /** A legend the panels share, saved under them (<sweep-figure>'s colour legend); null where each panel has its own. */
  readonly legend: SVGSVGElement | null;
  /** Panels per row in the file. */
  readonly columns: number;
}

/**
 * An element that hands over what to save: every SvgFigure (svg-figure.ts), and <sweep-figure>,
 * whose `panel` is the index of one of its stack plots or 'all'.
 */
export interface FigureSvgSource {
  svgElement(panel?: number): SVGSVGElement | null;
  exportParts?(panel: PanelChoice): FigureParts | null;
}

/**
 * The <svg> of the figure with id `id` in `root` (a document or shadow root), or of its panel
 * `panel`; null where there is no such figure or it has not rendered yet.
 */
export function figureSvg(root: Document | DocumentFragment, id: string, panel?: number): SVGSVGElement | null {
  const figure = id ? (root.getElementById(id) as (Element & Partial<FigureSvgSource>) | null) : null;
  return figure?.svgElement?.(panel) ?? null;
}

/**
 * What to save of the figure with id `id` in `root`: its own parts where it says (exportParts), else
 * its one <svg> as a single panel; null where there is no such figure or nothing is drawn yet.
 */
export function figureParts(root: Document | DocumentFragment, id: string, panel: PanelChoice): FigureParts | null {
  const figure = id ? (root.getElementById(id) as (Element & Partial<FigureSvgSource>) | null) : null;
  if (!figure) return null;
  if (figure.exportParts) return figure.exportParts(panel);
  const svg = figure.svgElement?.(panel === 'all' ? 0 : panel) ?? null;
  return svg ? { panels: [{ svg }], legend: null, columns: 1 } : null;
}

/** Presentation properties copied onto every element, with their initial values (skipped to keep files small). */
const SHAPE_PROPERTIES: Readonly<Record<string, string>> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-linejoin': 'miter',
  'stroke-linecap': 'butt',
  opacity: '1',
  visibility: 'visible',
  'shape-rendering': 'auto',
};

/** Font properties, copied only onto text, where they take effect; always written so viewers need no defaults. */
const TEXT_PROPERTIES: readonly string[] = ['font-family', 'font-size', 'font-weight', 'font-style'];
const TEXT_DEFAULTS: Readonly<Record<string, string>> = {
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  'font-variant-numeric': 'normal',
};

const TEXT_TAGS = new Set(['text', 'tspan', 'textPath']);

/**
 * The inline style for an element with tag `tag`, given a reader of its computed style: every
 * listed property whose value differs from the initial one, plus fonts on text and display:none
 * where an element is hidden.
 */
export function inlineStyle(tag: string, read: (property: string) => string): string {
  const parts: string[] = [];
  const add = (property: string, value: string): void => {
    if (value !== '') parts.push(`${property}:${value}`);
  };
  for (const [property, initial] of Object.entries(SHAPE_PROPERTIES)) {
    const value = read(property).trim();
    if (value !== initial) add(property, value);
  }
  if (TEXT_TAGS.has(tag)) {
    for (const property of TEXT_PROPERTIES) add(property, read(property).trim());
    for (const [property, initial] of Object.entries(TEXT_DEFAULTS)) {
      const value = read(property).trim();
      if (value !== initial) add(property, value);
    }
  }
  if (read('display').trim() === 'none') add('display', 'none');
  return parts.join(';');
}

/** A safe file name: `name` reduced to letters, digits, '.', '_' and '-', with the extension once. */
export function downloadFilename(name: string, extension: 'svg' | 'png'): string {
  const base =
    name
      .trim()
      .replace(new RegExp(`\\.${extension}$`, 'i'), '')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'figure';
  return `${base}.${extension}`;
}

/** Largest canvas side browsers reliably allocate. */
export const MAX_CANVAS_SIDE = 16384;

/**
 * Canvas size for rendering a `width`×`height` figure at `scale` (2 = crisp on high-density
 * screens and in print), reduced proportionally if a side would pass MAX_CANVAS_SIDE.
 */
export function rasterSize(width: number, height: number, scale = 2): { width: number; height: number; scale: number } {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const fitted = Math.min(scale, MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h);
  return { width: Math.max(1, Math.round(w * fitted)), height: Math.max(1, Math.round(h * fitted)), scale: fitted };
}

/** Width and height of a figure in px: its width/height attributes, else its rendered box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width;
  const height = Number(svg.getAttribute('height')) || box.height;
  return { width, height };
}

/** A box in an <svg>'s user units: left, top, width, height. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Space kept around a file's drawn content, px. */
export const CROP_MARGIN = 6;

/**
 * The region a saved figure keeps: the union of the boxes of what it draws, grown by `margin` on
 * every side, with whole-pixel edges; the figure's own box (0, 0, `width`, `height`) where nothing
 * is drawn. Content outside the figure's box (a label past its edge) is kept, not cut.
 */
export function contentBox(boxes: readonly Box[], width: number, height: number, margin = CROP_MARGIN): Box {
  const drawn = boxes.filter((b) => [b.x, b.y, b.width, b.height].every(Number.isFinite) && (b.width > 0 || b.height > 0));
  if (drawn.length === 0) return { x: 0, y: 0, width, height };
  const left = Math.floor(Math.min(...drawn.map((b) => b.x)) - margin);
  const top = Math.floor(Math.min(...drawn.map((b) => b.y)) - margin);
  const right = Math.ceil(Math.max(...drawn.map((b) => b.x + b.width)) + margin);
  const bottom = Math.ceil(Math.max(...drawn.map((b) => b.y + b.height)) + margin);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const DRAWN_TAGS = new Set(['rect', 'path', 'line', 'polyline', 'polygon', 'circle', 'ellipse', 'text', 'image', 'use']);

/** Whether an element with this computed style paints anything: shown, not transparent, with a fill or a stroke. */
function paints(style: CSSStyleDeclaration): boolean {
  if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
  const none = (paint: string, opacity: string): boolean =>
    paint === 'none' || paint === 'transparent' || paint === 'rgba(0, 0, 0, 0)' || Number(opacity) === 0;
  return !none(style.fill, style.fillOpacity) || !none(style.stroke, style.strokeOpacity);
}

/** Boxes of what `svg` draws, in its user units: every painted shape and text, through its transforms. */
function drawnBoxes(svg: SVGSVGElement): Box[] {
  const rootInverse = svg.getScreenCTM()?.inverse();
  if (!rootInverse) return [];
  const boxes: Box[] = [];
  for (const element of Array.from(svg.querySelectorAll<SVGGraphicsElement>('*'))) {
    if (!DRAWN_TAGS.has(element.localName) || element.closest('defs, clipPath, mask, marker, pattern')) continue;
    if (!paints(getComputedStyle(element))) continue;
    const box = element.getBBox();
    const ctm = element.getScreenCTM();
    if (!ctm || (box.width === 0 && box.height === 0)) continue;
    const toRoot = rootInverse.multiply(ctm);
    const corners = [
      [box.x, box.y],
      [box.x + box.width, box.y],
      [box.x, box.y + box.height],
      [box.x + box.width, box.y + box.height],
    ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(toRoot));
    const xs = corners.map((p) => p.x);
    const ys = corners.map((p) => p.y);
    boxes.push({
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    });
  }
  return boxes;
}

/**
 * Standalone SVG text of `svg`, without an XML declaration, and its size, px: a clone with computed
 * styles inlined, interaction attributes and hidden marks dropped, cropped to what it draws
 * (contentBox: a figure drawn in a wide container leaves no blank strip), and a white background
 * so it prints and previews as on the page.
 */
export function serializeSvg(svg: SVGSVGElement, background = '#ffffff'): { svg: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(original);
    const style = inlineStyle(original.localName, (p) => computed.getPropertyValue(p));
    if (style) copy.setAttribute('style', style);
    copy.removeAttribute('tabindex');
    copy.removeAttribute('class');
    // Marks of what the reader pointed at are hidden when not in use; a file does not need them.
    if (computed.getPropertyValue('visibility') === 'hidden' && original.localName !== 'svg') copy.remove();
  });
  const size = svgSize(svg);
  const box = contentBox(drawnBoxes(svg), size.width, size.height);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  clone.style.removeProperty('overflow');
  clone.setAttribute('overflow', 'hidden');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of Object.entries({ x: box.x, y: box.y, width: box.width, height: box.height, fill: background }))
    bg.setAttribute(name, String(value));
  clone.insertBefore(bg, clone.firstChild);
  return { svg: new XMLSerializer().serializeToString(clone), width: box.width, height: box.height };
}

/** PNG of the serialised figure, rendered through an <img> onto a canvas at `scale`. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const size = rasterSize(width, height, scale);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.scale(size.scale, size.scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` under `filename` through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
