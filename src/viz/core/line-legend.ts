/**
 * A wrapping legend of line swatches (solid or dashed) and band swatches with labels, shared by the
 * loss chart, the motif close-up and the density curve: lay it out first (its height shapes the
 * plot), then draw it.
 */
import type { Selection } from 'd3';
import { estimateTextWidth, flowLegend, type LegendSlot } from './legend-layout';

/** Height of one legend row, px. */
export const LEGEND_ROW_HEIGHT = 16;

/** Opacity of a band swatch's fill, as the figures draw their min–max bands. */
export const BAND_OPACITY = 0.18;

/** One legend entry: a short line in a colour, solid or dashed (or a band), and its label. */
export interface LineLegendEntry {
  /** Key of the entry across redraws; an entry keeps its shape under one id. */
  readonly id: string;
  readonly label: string;
  /** Any CSS colour. */
  readonly colour: string;
  /** SVG stroke-dasharray, px ("5 3"); null or absent for a solid line. */
  readonly dash?: string | null;
  /** Stroke width of this line, px; absent: the legend's. */
  readonly width?: number;
  /** 'band': a 12 px tall swatch filled at BAND_OPACITY (a min–max band); absent: 'line'. */
  readonly shape?: 'line' | 'band';
}

/** Where the entries go: one slot per entry, in entry order, and the rows they fill. */
export interface LineLegendLayout {
  readonly slots: readonly LegendSlot[];
  /** Number of rows; the legend is rows × LEGEND_ROW_HEIGHT px tall. */
  readonly rows: number;
  /** Length of each line swatch, px. */
  readonly swatch: number;
}

/** Lays the entries out in rows at most `maxWidth` px wide, with `swatch`-px line swatches. */
export function lineLegendLayout(entries: readonly LineLegendEntry[], maxWidth: number, swatch: number): LineLegendLayout {
  const slots = flowLegend(
    entries.map((e) => swatch + 4 + estimateTextWidth(e.label)),
    maxWidth,
  );
  return { slots, rows: slots.reduce((rows, s) => Math.max(rows, s.row + 1), 0), swatch };
}

/** Draws (or updates, keyed by id) the entries into `container` at the positions of `layout`. */
export function drawLineLegend<Datum, Parent extends Element | null, ParentDatum>(
  container: Selection<SVGGElement, Datum, Parent, ParentDatum>,
  entries: readonly LineLegendEntry[],
  layout: LineLegendLayout,
  strokeWidth: number,
): void {
  const { slots, swatch } = layout;
  const drawn = container
    .selectAll<SVGGElement, LineLegendEntry>('g.entry')
    .data(entries, (e) => e.id)
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', 'entry')
        .attr('data-entry', (e) => e.id);
      g.filter((e) => e.shape !== 'band')
        .append('line')
        .attr('x1', 0)
        .attr('x2', swatch)
        .attr('y1', 6)
        .attr('y2', 6);
      g.filter((e) => e.shape === 'band')
        .append('rect')
        .attr('x', 0)
        .attr('y', 0)
        .attr('width', swatch)
        .attr('height', 12)
        .attr('fill-opacity', BAND_OPACITY);
      g.append('text')
        .attr('x', swatch + 4)
        .attr('y', 10);
      return g;
    })
    .attr('transform', (_, i) => {
      const slot = slots[i];
      return slot ? `translate(${slot.x},${slot.row * LEGEND_ROW_HEIGHT})` : null;
    });
  drawn
    .select('line')
    .attr('stroke', (e) => e.colour)
    .attr('stroke-width', (e) => e.width ?? strokeWidth)
    .attr('stroke-dasharray', (e) => e.dash ?? null);
  drawn.select('rect').attr('fill', (e) => e.colour);
  drawn.select('text').text((e) => e.label);
}
