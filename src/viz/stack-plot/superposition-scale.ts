/**
 * The colour encoding of feature superposition (docs/figures.md), shared by the stack plot and the sweep
 * figure's common legend so that both read the same way.
 */
import { interpolateViridis, type Selection } from 'd3';

/** Colour for missing or non-finite values, outside the sequential scale: also a feature the model does not embed (no score, superposition.ts). */
export const NO_VALUE_COLOUR = '#9a9a9a';

/** s clamped to [0, 1]: the bright end means "≥ 1", so larger values saturate there. */
export function clampSuperposition(s: number): number {
  return Math.min(1, Math.max(0, s));
}

/** Viridis: dark = orthogonal (0), bright = others activate the feature as strongly as itself (≥ 1). */
export function superpositionColour(s: number | null | undefined): string {
  if (s === undefined || s === null || !Number.isFinite(s)) return NO_VALUE_COLOUR;
  return interpolateViridis(clampSuperposition(s));
}

/** A labelled tick under the colour ramp: a superposition value, its text and how the text hangs from it. */
export interface LegendTick {
  readonly value: number;
  readonly label: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** Ends carry their meaning in words; the middle tick only a number. */
export const LEGEND_TICKS: readonly LegendTick[] = [
  { value: 0, label: '0 (orthogonal)', anchor: 'start' },
  { value: 0.5, label: '0.5', anchor: 'middle' },
  { value: 1, label: '≥1', anchor: 'end' },
];

/**
 * "feature superposition sᵢ", with a real subscript: the Unicode subscript letter is missing from
 * many fonts, which draw it clipped against the ramp.
 */
const TITLE_PARTS: readonly { text: string; fontStyle?: string; fontSize?: string; dy?: number }[] = [
  { text: 'feature superposition ' },
  { text: 's', fontStyle: 'italic' },
  { text: 'i', fontStyle: 'italic', fontSize: '0.75em', dy: 3 },
];

/** Number of discrete swatches in the legend ramp; solid rects serialise without gradient ids. */
const RAMP_STEPS = 32;

/** Height the legend needs below its top edge, in px. */
export const LEGEND_HEIGHT = 40;

/**
 * Draws (or updates in place) the colour legend into `g`, `width` px wide. Idempotent, so callers
 * can run it on every resize.
 */
export function drawSuperpositionLegend(g: Selection<SVGGElement, unknown, null, undefined>, width: number): void {
  const rampTop = 16;
  const rampHeight = 8;
  const step = width / RAMP_STEPS;
  g.selectAll('text.legend-title')
    .data([0])
    .join('text')
    .attr('class', 'legend-title')
    .attr('x', 0)
    .attr('y', 10)
    .selectAll('tspan')
    .data(TITLE_PARTS)
    .join('tspan')
    .attr('font-style', (p) => p.fontStyle ?? null)
    .attr('font-size', (p) => p.fontSize ?? null)
    .attr('dy', (p) => p.dy ?? null)
    .text((p) => p.text);
  g.selectAll('rect.swatch')
    .data(Array.from({ length: RAMP_STEPS }, (_, i) => (i + 0.5) / RAMP_STEPS))
    .join('rect')
    .attr('class', 'swatch')
    .attr('x', (_, i) => i * step)
    .attr('y', rampTop)
    // Overlap by half a pixel so anti-aliasing leaves no seams between swatches.
    .attr('width', step + 0.5)
    .attr('height', rampHeight)
    .attr('fill', (v) => superpositionColour(v));
  g.selectAll('text.legend-tick')
    .data(LEGEND_TICKS)
    .join('text')
    .attr('class', 'legend-tick')
    .attr('x', (t) => t.value * width)
    .attr('y', rampTop + rampHeight + 12)
    .attr('text-anchor', (t) => t.anchor)
    .text((t) => t.label);
}
