/**
 * Where a stack plot's highlight labels go (docs/figures.md, "Highlight labels"): in rows above the
 * plot, clear of each other, each over its column; pure, tested in Node.
 */
import type { StackColumn, StackLayout } from './stack-layout';

/** A highlighted column's label above the plot. */
export interface HighlightLabel {
  readonly neuron: number;
  readonly text: string;
  /** Anchor point x, px, and how the text hangs from it. */
  readonly x: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** Centre of the labelled column, px: where the label's leader line drops to the column. */
  readonly columnX: number;
  /** Row above the plot, 0 nearest the plot; labels that would overlap go to higher rows. */
  readonly row: number;
}

/** Places `texts` (one per highlighted column, in column order) in rows without overlaps. */
function placeLabels(columns: readonly StackColumn[], texts: readonly string[], width: number, charWidth: number): HighlightLabel[] {
  const rowEnds: number[] = [];
  return columns.map((col, k) => {
    const text = texts[k]!;
    const textWidth = text.length * charWidth;
    const centre = col.x + col.w / 2;
    let left = centre - textWidth / 2;
    let anchor: HighlightLabel['anchor'] = 'middle';
    let x = centre;
    if (left < 0) {
      anchor = 'start';
      x = Math.max(0, col.x);
      left = x;
    } else if (left + textWidth > width) {
      anchor = 'end';
      x = Math.min(width, col.x + col.w);
      left = x - textWidth;
    }
    const gap = charWidth;
    let row = rowEnds.findIndex((end) => end + gap <= left);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = left + textWidth;
    return { neuron: col.neuron, text, x, anchor, columnX: centre, row };
  });
}

/**
 * Places the highlight labels above their columns without overlaps, given an estimate of the
 * character width, px. Labels near an edge hang inward so they stay inside the figure. Where the
 * long labels would need more than `maxRows` rows (a narrow plot), the short ones are used.
 */
export function highlightLabels(layout: StackLayout, width: number, charWidth: number, maxRows = 2): HighlightLabel[] {
  const columns = layout.columns.filter((c) => c.source.highlight);
  const long = placeLabels(
    columns,
    columns.map((c) => c.source.highlight!),
    width,
    charWidth,
  );
  const rows = long.reduce((n, l) => Math.max(n, l.row + 1), 0);
  if (rows <= maxRows || !columns.some((c) => c.source.highlightShort)) return long;
  return placeLabels(
    columns,
    columns.map((c) => c.source.highlightShort ?? c.source.highlight!),
    width,
    charWidth,
  );
}
