/**
 * The marks a stack plot draws over its columns besides the segments (docs/figures.md): the outline
 * of each polysemantic neuron's primary segment, the break marks and true heights of stacks
 * clipped at the plot's range, and the count of features ≥ 10 % under each column. Pure path and
 * label geometry, px in the plot area (y down), tested in Node.
 */
import { formatNumber } from '../core/format';
import { formatRangeTick } from './stack-scale';
import { COUNT_BAR_PX, countBarHeight, type StackLayout } from './stack-layout';

/**
 * One path outlining the primary segment (the largest weight, 1, at the axis) of every column that
 * draws more than one segment, inset by half a pixel; '' where there is none. Monosemantic columns
 * hold only their primary, so they are left plain.
 */
export function primaryOutlines(layout: StackLayout): string {
  const parts: string[] = [];
  for (const column of layout.columns) {
    const drawn = column.rects.filter((r) => r.h > 0);
    const primary = drawn[0];
    if (drawn.length < 2 || !primary || primary.h < 1 || primary.w < 1) continue;
    parts.push(`M${r1(primary.x + 0.5)} ${r1(primary.y + 0.5)}h${r1(primary.w - 1)}v${r1(primary.h - 1)}h${r1(1 - primary.w)}z`);
  }
  return parts.join('');
}

/** A clipped stack's mark: where its true height is written (centre x, baseline y) and the text. */
export interface ClipLabel {
  readonly neuron: number;
  readonly side: 'up' | 'down';
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** Estimated px per character of the 8 px clip labels. */
const CLIP_CHAR_PX = 5;

/**
 * The break marks of clipped stacks, as two paths: `gaps`, a white zig-zag across the column 4 px
 * inside the plot's edge (a cut), and `arrows`, a chevron at the edge pointing out of the plot; and
 * the labels with each clipped stack's true height just inside the edge, left out where one would
 * overlap the label before it (the tooltip still gives the height), centred on its column but kept
 * inside the plot's width. `height`: the plot area's, px.
 */
export function clipMarks(layout: StackLayout, height: number): { gaps: string; arrows: string; labels: ClipLabel[] } {
  const gaps: string[] = [];
  const arrows: string[] = [];
  const labels: ClipLabel[] = [];
  const lastEnd = { up: Number.NEGATIVE_INFINITY, down: Number.NEGATIVE_INFINITY };
  const plotWidth = layout.slot * layout.columns.length;
  for (const column of layout.columns) {
    for (const side of ['up', 'down'] as const) {
      const value = column.clipped[side];
      if (value === null) continue;
      const out = side === 'up' ? -1 : 1;
      const edge = side === 'up' ? 0 : height;
      const [x, w] = [column.x, column.w];
      const cut = edge - out * 4;
      gaps.push(`M${r1(x - 1)} ${r1(cut + 1)}l${r1(w / 2 + 1)} -2l${r1(w / 2 + 1)} 2`);
      arrows.push(`M${r1(x)} ${r1(edge - out * 2.5)}l${r1(w / 2)} ${r1(out * 2.5)}l${r1(w / 2)} ${r1(-out * 2.5)}`);
      const text = formatNumber(value, 1);
      const half = (text.length * CLIP_CHAR_PX) / 2;
      // Centred on the column, but kept inside the plot at its edges.
      const centre = Math.min(Math.max(x + w / 2, half), Math.max(half, plotWidth - half));
      if (centre - half < lastEnd[side] + 2) continue;
      lastEnd[side] = centre + half;
      labels.push({ neuron: column.neuron, side, x: centre, y: side === 'up' ? 15 : height - 9, text });
    }
  }
  return { gaps: gaps.join(''), arrows: arrows.join(''), labels };
}

/** One bar of the count mark per column, under the plot area (its top `top` px), height countBarHeight(carried). */
export function countBars(layout: StackLayout, top: number): string {
  return layout.columns
    .map((c) => {
      const h = countBarHeight(c.carried);
      return h > 0 ? `M${r1(c.x)} ${r1(top + COUNT_BAR_PX - h)}h${r1(c.w)}v${r1(h)}h${r1(-c.w)}z` : '';
    })
    .join('');
}

/** Estimated px per character of the 11 px scale note (generous, so that an estimate never cuts it). */
export const NOTE_CHAR_WIDTH = 6.4;

/**
 * The words under a clipped plot, as the lines it is drawn in: the long sentence where it fits on
 * one line of `width` px, else the short one wrapped at spaces into lines that each fit
 * (a 320 px phone gives two), e.g. ["y range ±2, set by 9 in 10 columns;", "taller ones cut"].
 */
export function scaleNote(yMax: number, width: number): string[] {
  const range = `±${formatRangeTick(yMax)}`;
  const long = `y range ${range} holds 9 in 10 columns; taller stacks are cut at the edge, their true height printed`;
  if (long.length * NOTE_CHAR_WIDTH <= width) return [long];
  return wrapWords(`y range ${range}, set by 9 in 10 columns; taller ones cut`, Math.max(1, Math.floor(width / NOTE_CHAR_WIDTH)));
}

/** `text` in lines of at most `chars` characters, broken at spaces (a longer word stands alone). */
function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}
