/**
 * The stack plot's two colourings (issue 23, item 3): by superposition (how shared a feature is,
 * superposition-scale.ts) and by feature (each feature keeps one colour in every neuron,
 * core/feature-colours.ts), and the feature legend that goes with the second. Pure except
 * drawFeatureLegend, so the choices are tested in node.
 */
import type { Selection } from 'd3';
import { DISTINCT_FEATURE_COLOURS, featureColour, UNKNOWN_FEATURE_COLOUR } from '../core/feature-colours';
import type { StackPlotData } from '../core/types';
import type { StackRect } from './stack-layout';
import { type RectFill, superpositionFill } from './stack-paths';

/** How a stack plot fills its segments: by the feature's superposition, or by the feature itself. */
export type StackColouring = 'superposition' | 'feature';

/** Both colourings, in the order a control lists them. */
export const STACK_COLOURINGS: readonly StackColouring[] = ['superposition', 'feature'];

/** The feature colouring: one path per feature index (key = the index; −1 for an invalid one). */
export function featureFill(r: StackRect): RectFill {
  const valid = Number.isInteger(r.feature) && r.feature >= 0;
  return { key: valid ? r.feature : -1, colour: valid ? featureColour(r.feature) : UNKNOWN_FEATURE_COLOUR };
}

/** The fill function of a colouring; anything but 'feature' falls back to the superposition colouring. */
export function fillFor(colouring: StackColouring): (r: StackRect) => RectFill {
  return colouring === 'feature' ? featureFill : superpositionFill;
}

/**
 * The features a plot (or several) draws: every feature with a finite, non-zero input weight in
 * some neuron, ascending.
 */
export function featuresPresent(plots: readonly Pick<StackPlotData, 'neurons'>[]): number[] {
  const present = new Set<number>();
  for (const plot of plots)
    for (const n of plot.neurons)
      for (const w of n.weights) if (Number.isFinite(w.inWeight) && w.inWeight !== 0 && w.feature >= 0) present.add(w.feature);
  return [...present].sort((a, b) => a - b);
}

/** One entry of the feature legend: a swatch (or a strip of them) and its label. */
export interface FeatureLegendEntry {
  /** "3" for a feature with its own hue; "≥10, muted" for the features that repeat the hues, muted. */
  readonly label: string;
  /** One colour for a single feature; the muted hues present, for the group. */
  readonly colours: readonly string[];
}

/**
 * The legend of the feature colouring for the features `present`: one entry per feature with a hue
 * of its own (0–9), in index order, then one entry for all the muted features ≥ 10 present, with
 * their muted hues (at most one swatch per hue). Empty when no feature is present.
 */
export function featureLegendEntries(present: readonly number[]): FeatureLegendEntry[] {
  const distinct = present.filter((f) => Number.isInteger(f) && f >= 0 && f < DISTINCT_FEATURE_COLOURS);
  const entries: FeatureLegendEntry[] = [...new Set(distinct)]
    .sort((a, b) => a - b)
    .map((f) => ({ label: String(f), colours: [featureColour(f)] }));
  const muted = present.filter((f) => Number.isInteger(f) && f >= DISTINCT_FEATURE_COLOURS);
  if (muted.length > 0) {
    const hues = [...new Set(muted.map((f) => f % DISTINCT_FEATURE_COLOURS))].sort((a, b) => a - b);
    entries.push({ label: `≥${DISTINCT_FEATURE_COLOURS}, muted`, colours: hues.map((h) => featureColour(h + DISTINCT_FEATURE_COLOURS)) });
  }
  return entries;
}

/** Estimated px per character of the 11 px legend labels. */
const CHAR_WIDTH = 6.4;
const SWATCH = 10;
/** A muted strip's swatches are narrower, so ten of them stay short. */
const STRIP_SWATCH = 4;
const ENTRY_GAP = 10;
const ROW_HEIGHT = 14;
/** Top of the first row of swatches, below the legend's title, px. */
const FIRST_ROW = 16;

/** An entry placed: its left edge, its row (0 = first) and its width, px. */
export interface PlacedLegendEntry extends FeatureLegendEntry {
  readonly x: number;
  readonly row: number;
  readonly width: number;
}

/** The entries in rows, left to right, wrapping before an entry that would pass `width` px. */
export function featureLegendLayout(
  entries: readonly FeatureLegendEntry[],
  width: number,
): { entries: PlacedLegendEntry[]; height: number } {
  let x = 0;
  let row = 0;
  const placed = entries.map((e) => {
    const swatches = e.colours.length > 1 ? e.colours.length * STRIP_SWATCH : SWATCH;
    const w = swatches + 3 + e.label.length * CHAR_WIDTH;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const p = { ...e, x, row, width: w };
    x += w + ENTRY_GAP;
    return p;
  });
  const rows = placed.length > 0 ? row + 1 : 0;
  return { entries: placed, height: FIRST_ROW + rows * ROW_HEIGHT };
}

/** Height of the feature legend for these entries at `width` px. */
export function featureLegendHeight(entries: readonly FeatureLegendEntry[], width: number): number {
  return featureLegendLayout(entries, width).height;
}

type Group = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Draws (or updates in place) the feature legend into `g`, `width` px wide: the title, then each
 * entry's swatch(es) and label. Clears a superposition legend drawn there before.
 */
export function drawFeatureLegend(g: Group, entries: readonly FeatureLegendEntry[], width: number): void {
  g.selectAll('rect.swatch, text.legend-tick').remove();
  const layout = featureLegendLayout(entries, width);
  g.selectAll('text.legend-title')
    .data([0])
    .join('text')
    .attr('class', 'legend-title')
    .attr('x', 0)
    .attr('y', 10)
    .text('feature (one colour in every neuron)');
  const items = g
    .selectAll<SVGGElement, PlacedLegendEntry>('g.feature-entry')
    .data(layout.entries, (e) => e.label)
    .join('g')
    .attr('class', 'feature-entry')
    .attr('transform', (e) => `translate(${e.x},${FIRST_ROW + e.row * ROW_HEIGHT})`);
  items
    .selectAll<SVGRectElement, { c: string; w: number }>('rect.feature-swatch')
    .data((e) => e.colours.map((c) => ({ c, w: e.colours.length > 1 ? STRIP_SWATCH : SWATCH })))
    .join('rect')
    .attr('class', 'feature-swatch')
    .attr('x', (s, i) => i * s.w)
    .attr('y', 0)
    .attr('width', (s) => s.w)
    .attr('height', SWATCH)
    .attr('fill', (s) => s.c);
  items
    .selectAll<SVGTextElement, PlacedLegendEntry>('text.feature-label')
    .data((e) => [e])
    .join('text')
    .attr('class', 'feature-label')
    .attr('fill', '#555')
    .attr('x', (e) => (e.colours.length > 1 ? e.colours.length * STRIP_SWATCH : SWATCH) + 3)
    .attr('y', SWATCH - 1)
    .text((e) => e.label);
}

/** Removes a feature legend drawn into `g`, title included (before drawing the superposition legend there). */
export function clearFeatureLegend(g: Group): void {
  if (g.select('g.feature-entry').empty()) return;
  g.selectAll('g.feature-entry, text.legend-title').remove();
}
