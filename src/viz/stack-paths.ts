/**
 * The stack plot's rectangles as a few <path>s, one per colour. A training redraw then writes a
 * few dozen attributes instead of thousands, which keeps each redraw (and the style and layout
 * work it triggers) well inside a frame. Pure, so it is tested in node.
 */
import type { StackColumn, StackRect } from './stack-layout';
import { clampSuperposition, NO_VALUE_COLOUR, superpositionColour } from './superposition-scale';
import { roundPx } from './svg-parts';

/**
 * Distinct colours drawn: the superposition scale in steps of 1/63, finer than the eye separates
 * on viridis (the legend ramp uses 32).
 */
export const COLOUR_LEVELS = 64;

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

/** Every rect with a visible height, grouped into one path per colour level, levels ascending. */
export function colourPaths(rects: readonly StackRect[]): ColourPath[] {
  const parts = new Map<number, string[]>();
  for (const r of rects) {
    if (!(r.h > 0)) continue;
    const level = colourLevel(r.superposition);
    let list = parts.get(level);
    if (!list) parts.set(level, (list = []));
    list.push(`M${roundPx(r.x)} ${roundPx(r.y)}h${roundPx(r.w)}v${roundPx(r.h)}h${roundPx(-r.w)}z`);
  }
  return [...parts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, list]) => ({
      level,
      colour: level < 0 ? NO_VALUE_COLOUR : superpositionColour(level / (COLOUR_LEVELS - 1)),
      d: list.join(''),
    }));
}

/** The rect of `column` that covers height `y` (plot px), if any. */
export function rectAt(column: StackColumn, y: number): StackRect | undefined {
  return column.rects.find((r) => r.h > 0 && y >= r.y && y <= r.y + r.h);
}
