/**
 * The stack plot's rectangles as a few <path>s, one per colour. A training redraw then writes a
 * few dozen attributes instead of thousands, which keeps each redraw (and the style and layout
 * work it triggers) well inside a frame. Pure, so it is tested in node.
 */
import type { StackRect } from './stack-layout';
import { clampSuperposition, NO_VALUE_COLOUR, superpositionColour } from './superposition-scale';
import { roundPx } from './svg-parts';

/**
 * Distinct colours drawn: the superposition scale in steps of 1/63, finer than the eye separates
 * on viridis (the legend ramp uses 32).
 */
export const COLOUR_LEVELS = 64;

/** All rects of one colour level, as one SVG path. */
export interface ColourPath {
  /** Colour level 0 … COLOUR_LEVELS − 1, or −1 for a missing value. */
  readonly level: number;
  readonly colour: string;
  /** SVG path data: one closed subpath per rectangle, in plot coordinates. */
  readonly d: string;
}

/** The level a superposition value is drawn at (−1: no value). */
export function colourLevel(s: number | undefined): number {
  if (s === undefined || !Number.isFinite(s)) return -1;
  return Math.round(clampSuperposition(s) * (COLOUR_LEVELS - 1));
}

/** A vertical run of stacked rects of one colour, in one column and on one side of the axis. */
interface ColourSpan {
  readonly level: number;
  readonly x: number;
  readonly w: number;
  top: number;
  bottom: number;
}

/** The same rect boundary computed along two stacking paths can differ in the last bits. */
const TOUCHING_PX = 1e-6;

/**
 * Every rect with a visible height, grouped into one path per colour level, levels ascending.
 * Rects stacked next to each other in a column with the same colour become one subpath: the
 * pixels are the same, and at sparse levels, where most features saturate the colour scale,
 * a plot of ~3,000 rects becomes ~80 subpaths for the browser to parse and paint.
 */
export function colourPaths(rects: readonly StackRect[]): ColourPath[] {
  const parts = new Map<number, string[]>();
  const emit = (span: ColourSpan | undefined): void => {
    if (!span) return;
    let list = parts.get(span.level);
    if (!list) {
      list = [];
      parts.set(span.level, list);
    }
    const h = span.bottom - span.top;
    list.push(`M${roundPx(span.x)} ${roundPx(span.top)}h${roundPx(span.w)}v${roundPx(h)}h${roundPx(-span.w)}z`);
  };
  let column = -1;
  let up: ColourSpan | undefined;
  let down: ColourSpan | undefined;
  for (const r of rects) {
    if (!(r.h > 0)) continue;
    if (r.column !== column) {
      emit(up);
      emit(down);
      up = down = undefined;
      column = r.column;
    }
    const level = colourLevel(r.superposition);
    const above = r.inWeight >= 0;
    const span = above ? up : down;
    const touches = span !== undefined && (Math.abs(span.top - (r.y + r.h)) < TOUCHING_PX || Math.abs(span.bottom - r.y) < TOUCHING_PX);
    if (span && span.level === level && touches) {
      span.top = Math.min(span.top, r.y);
      span.bottom = Math.max(span.bottom, r.y + r.h);
      continue;
    }
    emit(span);
    const fresh: ColourSpan = { level, x: r.x, w: r.w, top: r.y, bottom: r.y + r.h };
    if (above) up = fresh;
    else down = fresh;
  }
  emit(up);
  emit(down);
  return [...parts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, list]) => ({
      level,
      colour: level < 0 ? NO_VALUE_COLOUR : superpositionColour(level / (COLOUR_LEVELS - 1)),
      d: list.join(''),
    }));
}
