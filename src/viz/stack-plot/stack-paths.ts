/**
 * The stack plot's rectangles as a few <path>s, one per colour, each rectangle a subpath of its
 * own with a thin edge. A training redraw then writes a few dozen attributes instead of thousands
 * of elements, which keeps each redraw (and the style and layout work it triggers) well inside a
 * frame. Pure, so it is tested in node.
 */
import type { StackRect } from './stack-layout';
import { clampSuperposition, NO_VALUE_COLOUR, superpositionColour } from './superposition-scale';
import { roundPx } from '../core/svg-parts';

/**
 * Distinct colours drawn: the superposition scale in steps of 1/63, finer than the eye separates
 * on viridis (the legend ramp uses 32).
 */
export const COLOUR_LEVELS = 64;

/** All rects of one colour level, as one SVG path. */
export interface ColourPath {
  /** The fill's key (RectFill): a colour level 0 … COLOUR_LEVELS − 1, a feature index, or −1 for a missing value. */
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

/** How one rect is filled: its colour, and the key of the path that draws it (one path per key, keys ascending). */
export interface RectFill {
  readonly key: number;
  readonly colour: string;
}

/** The superposition colouring: the rect's feature superposition, quantised to COLOUR_LEVELS levels. */
export function superpositionFill(r: StackRect): RectFill {
  const level = colourLevel(r.superposition);
  return { key: level, colour: level < 0 ? NO_VALUE_COLOUR : superpositionColour(level / (COLOUR_LEVELS - 1)) };
}

/** The gap that separates a segment from the next one out, px: a thin light edge, as in the paper's figure. */
export const EDGE_PX = 0.5;
/** A segment never gives more than this fraction of its height to its edge, so a thin one still shows its colour. */
export const EDGE_MAX_FRACTION = 0.3;

/** The edge a rect of height `h` px leaves at its outer end, px. */
export function edgeGap(h: number): number {
  return Math.min(EDGE_PX, h * EDGE_MAX_FRACTION);
}

/**
 * Every rect with a visible height as one closed subpath in the path of its colour level, levels
 * ascending. Each rect is its own subpath, shortened by edgeGap() at its outer end (the end away
 * from the axis), so every feature reads as a segment of its own, however many neighbours share its
 * colour: at sparse densities most features saturate the colour scale, and merged they would read
 * as one slab. The gap shows the column's background, like the paper's white edges. `fill` picks
 * the colouring (superpositionFill, or featureFill in stack-colouring.ts).
 */
export function colourPaths(rects: readonly StackRect[], fill: (r: StackRect) => RectFill = superpositionFill): ColourPath[] {
  const parts = new Map<number, string[]>();
  const colours = new Map<number, string>();
  // A column's rects share x and width: their strings are made once per column, so a rect costs
  // two numbers (tens of thousands of rects per redraw early in a sweep retrain).
  let column = -1;
  let start = '';
  let across = '';
  let end = '';
  for (const r of rects) {
    if (!(r.h > 0)) continue;
    if (r.column !== column) {
      column = r.column;
      start = `M${roundPx(r.x)} `;
      across = `h${roundPx(r.w)}v`;
      end = `h${roundPx(-r.w)}z`;
    }
    const { key: level, colour } = fill(r);
    let list = parts.get(level);
    if (!list) {
      list = [];
      parts.set(level, list);
      colours.set(level, colour);
    }
    const gap = edgeGap(r.h);
    // Above the axis the outer end is the top; below it, the bottom.
    const top = r.inWeight >= 0 ? r.y + gap : r.y;
    list.push(`${start}${roundPx(top)}${across}${roundPx(r.h - gap)}${end}`);
  }
  return [...parts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, list]) => ({
      level,
      colour: colours.get(level) ?? NO_VALUE_COLOUR,
      d: list.join(''),
    }));
}
