/**
 * A downloadable figure file, composed from the figures' serialised <svg>s (docs/figures.md,
 * "Downloads"): a heading that says what the file holds (level, training budget, seed, step), the
 * panels in a grid, each with its title and caption, and the colour legend under them. Pure string
 * work, so it is tested in Node; finding and serialising the <svg>s is svg-export.ts's job.
 */

/** One panel of a file: a serialised, standalone <svg> and its size. */
export interface ExportPanel {
  /** `<svg …>…</svg>` with xmlns, width, height and viewBox, as serializeSvg() writes it (no XML declaration). */
  readonly svg: string;
  /** Size, px. */
  readonly width: number;
  readonly height: number;
  /** Above the panel, e.g. "1 − S = 0.03"; for small multiples. */
  readonly title?: string;
  /** Under the panel, e.g. "10 of 40 neurons monosemantic". */
  readonly caption?: string;
}

/** What a file holds and says about itself. */
export interface ExportSpec {
  /** The file's heading, e.g. "Neuron weights of the live model at 1 − S = 0.03, step 3,500 of 3,500". */
  readonly heading: string;
  /** A second line: the training budget, seed and settings. */
  readonly subheading?: string;
  readonly panels: readonly ExportPanel[];
  /** Panels per row (default 1). */
  readonly columns?: number;
  /** A legend drawn under the panels, as a panel without title (e.g. the sweep's shared colour legend). */
  readonly legend?: ExportPanel | null;
}

/** Space around and between the parts, px. */
const PAD = 12;
const GAP = 18;
const HEADING_PX = 15;
const SUBHEADING_PX = 12;
const PANEL_TITLE_PX = 13;
const CAPTION_PX = 11;
/** The font the text is set in before text is converted to outlines (svg-text-outlines.ts); also the fallback. */
export const EXPORT_FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A rough width of `text` set at `size` px in the export font (Arial metrics average about 0.55 em). */
function textWidth(text: string, size: number): number {
  return text.length * size * 0.55;
}

function text(x: number, y: number, size: number, content: string, weight = 400, fill = '#222'): string {
  return `<text x="${x}" y="${y}" style="font-family:${EXPORT_FONT};font-size:${size}px;font-weight:${weight};fill:${fill}">${escapeXml(content)}</text>`;
}

/** `svg` placed at (x, y) inside the file: the panel's own <svg> element, given a position. */
function place(panel: ExportPanel, x: number, y: number): string {
  const open = panel.svg.indexOf('<svg');
  if (open < 0) throw new Error('a panel must be an <svg> element');
  return `${panel.svg.slice(0, open)}<svg x="${x}" y="${y}"${panel.svg.slice(open + 4)}`;
}

/** `text` broken at spaces into lines no wider than `width` px at `size` px (textWidth's estimate). */
export function wrapText(text: string, width: number, size: number): string[] {
  const maxChars = Math.max(8, Math.floor(width / (size * 0.55)));
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Space from one caption line to the next, px. */
const CAPTION_LINE = CAPTION_PX + 3;

/** Where each part of a file goes, px. */
export interface ExportLayout {
  readonly width: number;
  readonly height: number;
  /** Top-left corner of each panel's title row (y of the row's top), in panel order. */
  readonly cells: readonly { readonly x: number; readonly y: number }[];
  /** Top of the legend, if any. */
  readonly legendY: number | null;
  /** Height of a panel's title row and of its caption row (0 when no panel has one). */
  readonly titleH: number;
  readonly captionH: number;
  /** Width of a grid cell (the widest panel), px: captions wrap to it. */
  readonly cellW: number;
}

/** The file's layout: a heading, a grid of panels (rows as tall as their tallest panel), the legend under it. */
export function exportLayout(spec: ExportSpec): ExportLayout {
  const columns = Math.max(1, Math.min(spec.columns ?? 1, spec.panels.length || 1));
  const titleH = spec.panels.some((p) => p.title) ? PANEL_TITLE_PX + 6 : 0;
  const cellW = Math.max(0, ...spec.panels.map((p) => p.width));
  // Captions wrap to their panel's width, so neighbours' captions never run into each other.
  const captionLines = Math.max(0, ...spec.panels.map((p) => (p.caption ? wrapText(p.caption, cellW, CAPTION_PX).length : 0)));
  const captionH = captionLines > 0 ? (captionLines - 1) * CAPTION_LINE + CAPTION_PX + 8 : 0;
  const top = PAD + HEADING_PX + 4 + (spec.subheading ? SUBHEADING_PX + 6 : 0) + 10;
  const cells: { x: number; y: number }[] = [];
  let y = top;
  for (let start = 0; start < spec.panels.length; start += columns) {
    const row = spec.panels.slice(start, start + columns);
    row.forEach((_, k) => {
      cells.push({ x: PAD + k * (cellW + GAP), y });
    });
    y += titleH + Math.max(...row.map((p) => p.height)) + captionH + GAP;
  }
  const legendY = spec.legend ? y : null;
  if (spec.legend) y += spec.legend.height + GAP;
  const gridW = columns * cellW + (columns - 1) * GAP;
  const headingW = Math.max(textWidth(spec.heading, HEADING_PX), spec.subheading ? textWidth(spec.subheading, SUBHEADING_PX) : 0);
  const width = Math.ceil(PAD * 2 + Math.max(gridW, spec.legend?.width ?? 0, headingW));
  return { width, height: Math.ceil(y - GAP + PAD), cells, legendY, titleH, captionH, cellW };
}

/**
 * The standalone SVG document of a figure: white background, heading, panels with their titles
 * and captions, legend. Every panel keeps its own coordinate system as a nested <svg>.
 */
export function composeExport(spec: ExportSpec): string {
  const layout = exportLayout(spec);
  const parts: string[] = [`<rect width="100%" height="100%" fill="#ffffff"/>`];
  parts.push(`<title>${escapeXml(spec.heading)}</title>`);
  parts.push(text(PAD, PAD + HEADING_PX, HEADING_PX, spec.heading, 700));
  if (spec.subheading) parts.push(text(PAD, PAD + HEADING_PX + 6 + SUBHEADING_PX, SUBHEADING_PX, spec.subheading, 400, '#444'));
  spec.panels.forEach((panel, k) => {
    const cell = layout.cells[k]!;
    if (panel.title) parts.push(text(cell.x, cell.y + PANEL_TITLE_PX, PANEL_TITLE_PX, panel.title, 700));
    parts.push(place(panel, cell.x, cell.y + layout.titleH));
    if (panel.caption) {
      wrapText(panel.caption, layout.cellW, CAPTION_PX).forEach((line, k) => {
        parts.push(text(cell.x, cell.y + layout.titleH + panel.height + CAPTION_PX + 3 + k * CAPTION_LINE, CAPTION_PX, line, 400, '#444'));
      });
    }
  });
  if (spec.legend && layout.legendY !== null) parts.push(place(spec.legend, PAD, layout.legendY));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/**
 * A file name that says what the file holds, from its parts: "sweep", "1-S-0.03", "seed-0",
 * "step-3500" → "sweep_1-S-0.03_seed-0_step-3500". Letters, digits, '.', '-' and '_' only; a
 * minus sign or other symbol becomes '-'.
 */
export function exportFilename(parts: readonly (string | number)[]): string {
  return (
    parts
      .map((p) =>
        String(p)
          .trim()
          .replace(/[^\w.]+/g, '-')
          .replace(/-{2,}/g, '-')
          .replace(/^[-.]+|[-.]+$/g, ''),
      )
      .filter(Boolean)
      .join('_') || 'figure'
  );
}
