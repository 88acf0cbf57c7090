/**
 * What a reader of the stack plot points at, pure so that it is tested in Node: the column and
 * rect under a pointer (hit testing), where a key moves the keyboard (docs/figures.md), and the
 * text the tooltip shows for either. Positions are px inside the plot area, y growing downward,
 * as in stack-layout.ts.
 */
import { columnText, type StackColumn, type StackLayout, type StackRect } from './stack-layout';
import { featureTooltip } from './stack-tooltip';

/** What a reader is looking at: a column (neuron index in the model) and, optionally, one of its features. */
export interface StackPlotTarget {
  readonly neuron: number;
  readonly feature?: number;
}

/** The keys the plot handles, besides Escape. */
export type StackPlotKey = 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'ArrowDown' | 'ArrowUp';

const KEYS: ReadonlySet<string> = new Set<StackPlotKey>(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'ArrowDown', 'ArrowUp']);

/**
 * The column's drawn rects in keyboard order: largest |weight| first (ties by feature index), so
 * the first presses of ↓ reach the weights that matter rather than the many near-zero ones.
 */
export function featureSequence(column: StackColumn): StackRect[] {
  return column.rects.filter((r) => r.h > 0).sort((a, b) => b.h - a.h || a.feature - b.feature);
}

/**
 * Where `key` moves the keyboard from `at`: another column (its description, no feature), or
 * another feature of the same column. Returns `at` itself where the key leads nowhere (past the
 * last column or feature), and undefined for a key the plot does not handle or an unknown column.
 */
export function keyboardMove(layout: StackLayout, at: StackPlotTarget, key: string): StackPlotTarget | undefined {
  if (!KEYS.has(key)) return undefined;
  const { columns } = layout;
  const index = columns.findIndex((c) => c.neuron === at.neuron);
  const column = columns[index];
  if (!column) return undefined;
  const toColumn = (i: number): StackPlotTarget => ({ neuron: columns[Math.max(0, Math.min(columns.length - 1, i))]!.neuron });
  switch (key as StackPlotKey) {
    case 'ArrowRight':
      return toColumn(index + 1);
    case 'ArrowLeft':
      return toColumn(index - 1);
    case 'Home':
      return toColumn(0);
    case 'End':
      return toColumn(columns.length - 1);
    case 'ArrowDown':
    case 'ArrowUp': {
      const features = featureSequence(column);
      const from = at.feature === undefined ? -1 : features.findIndex((r) => r.feature === at.feature);
      const to = from + (key === 'ArrowDown' ? 1 : -1);
      if (to < -1 || to >= features.length) return at;
      return to === -1 ? { neuron: column.neuron } : { neuron: column.neuron, feature: features[to]!.feature };
    }
  }
}

/** The rect of `column` that covers height `y` (plot px), if any. */
export function rectAt(column: StackColumn, y: number): StackRect | undefined {
  return column.rects.find((r) => r.h > 0 && y >= r.y && y <= r.y + r.h);
}

/**
 * The column and rect at plot position (x, y), px inside the plot area of height `height`: the
 * column whose slot (gap included) holds x, and the rect of that column that covers y, if any.
 */
export function targetAt(layout: StackLayout, height: number, x: number, y: number): StackPlotTarget | undefined {
  if (!(layout.slot > 0) || x < 0 || y < 0 || y > height) return undefined;
  const column = layout.columns[Math.floor(x / layout.slot)];
  if (!column) return undefined;
  const rect = rectAt(column, y);
  return rect ? { neuron: column.neuron, feature: rect.feature } : { neuron: column.neuron };
}

/** The tooltip text of a target: the feature's weights, or the column's description. */
export function targetText(layout: StackLayout, target: StackPlotTarget): string | undefined {
  const column = layout.columns.find((c) => c.neuron === target.neuron);
  if (!column) return undefined;
  if (target.feature === undefined) return columnText(column, layout.yMax);
  // A segment cut away by a clipped stack (h = 0) is still read; a non-finite weight is not.
  const rect = column.rects.find((r) => r.feature === target.feature && Number.isFinite(r.inWeight) && r.inWeight !== 0);
  return rect ? featureTooltip(rect) : undefined;
}
