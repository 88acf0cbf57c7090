/**
 * Pure geometry and wording of the neuron weight stack plot (docs/figures.md), kept free of the DOM
 * so it can be tested in Node. Coordinates are in px inside the plot area, y growing downward.
 */
import { formatNumber, plural } from '../core/format';
import { plotRange } from './stack-scale';
import type { NeuronFeatureWeight, StackPlotData, StackPlotNeuron, StackPlotNeuronKind } from '../core/types';

/** One feature's rectangle in one neuron's column, px in the plot area, with the weights it stands for. */
export interface StackRect {
  /** Index of the neuron in the model. */
  readonly neuron: number;
  /** Feature index. */
  readonly feature: number;
  /** Position of the neuron's column, left to right. */
  readonly column: number;
  /** Top-left corner, width and height, px; h = |inWeight| × pxPerUnit (0 for a non-finite weight). */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** The feature's rescaled weights in the neuron (NeuronFeatureWeight), unitless. */
  readonly inWeight: number;
  readonly outWeight: number;
  /** The feature's superposition s_i, unitless; undefined where the data has none. */
  readonly superposition: number | undefined;
  /** How many features a merged segment stands for (NeuronFeatureWeight.merged). */
  readonly merged?: number;
}

/** One neuron's column: its slot in the plot, its stacked rects, and the neuron it draws. */
export interface StackColumn {
  /** Index of the neuron in the model. */
  readonly neuron: number;
  /** Position left to right. */
  readonly column: number;
  /** Left edge and width of the drawn column (its slot less the gap), px. */
  readonly x: number;
  readonly w: number;
  /** Top and bottom of the stacked weights, px. */
  readonly top: number;
  readonly bottom: number;
  /** The data the column draws. */
  readonly source: StackPlotNeuron;
  /** One rect per feature in the data, each side by size, largest at the axis. */
  readonly rects: readonly StackRect[];
  /** True heights, weight units, of a side whose stack passes the y range and is cut at the plot's edge; null where it fits. */
  readonly clipped: { readonly up: number | null; readonly down: number | null };
  /** How many features carry ≥ 10 % of the neuron's largest weight (carriedFeatures). */
  readonly carried: number;
}

/** The whole plot's geometry at one size: columns in plot order, and every rect in that order. */
export interface StackLayout {
  readonly columns: readonly StackColumn[];
  /** Every column's rects, column by column: what colourPaths() draws. */
  readonly rects: readonly StackRect[];
  /** Symmetric y domain [−yMax, yMax] in weight units (plotRange in stack-scale.ts). */
  readonly yMax: number;
  /** Whether some stack passes yMax and is clipped (a robust range set by most columns, not the tallest). */
  readonly clipped: boolean;
  /** y of the zero axis, px. */
  readonly axisY: number;
  /** px per unit of |weight|. */
  readonly pxPerUnit: number;
  /** Horizontal space given to each column, gap included, px. */
  readonly slot: number;
}

/** Gap between columns as a fraction of a column's slot. */
export const COLUMN_PADDING = 0.18;

/** Sums of |inWeight| stacked above (positive weights) and below (negative weights) the axis. */
export function stackHeights(neuron: StackPlotNeuron): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const w of neuron.weights) {
    if (!Number.isFinite(w.inWeight)) continue;
    if (w.inWeight >= 0) up += w.inWeight;
    else down -= w.inWeight;
  }
  return { up, down };
}

/** Half-height of the y domain: the tallest stack on either side, at least 1 (a normalised primary weight). */
export function stackDomain(data: StackPlotData): number {
  let max = 1;
  for (const n of data.neurons) {
    const { up, down } = stackHeights(n);
    max = Math.max(max, up, down);
  }
  return max;
}

/** A feature carries a neuron's weight visibly from this fraction of its largest |W1| on (the count mark under each column). */
export const CARRIED_FRACTION = 0.1;

/** How many of a neuron's features carry at least CARRIED_FRACTION of its largest weight (|inWeight| ≥ 0.1 after the rescaling). */
export function carriedFeatures(neuron: StackPlotNeuron): number {
  return neuron.carried ?? neuron.weights.filter((w) => Math.abs(w.inWeight) >= CARRIED_FRACTION).length;
}

/**
 * Lays out one column per neuron in the given order and, within it, one rect per feature of height
 * |inWeight|: positive weights stacked upward from the axis, negative ones downward, each side by
 * size, the largest (the primary, 1) at the axis and the smallest outermost (ties in feature
 * order); a merged segment (the smallest weights together) outermost of all. The y domain is [−yMax, yMax] (plotRange in stack-scale.ts); a stack taller than it is
 * clipped at the plot's edge: its outer segments are cut there, and the column's `clipped` gives
 * the true heights.
 */
export function stackLayout(data: StackPlotData, width: number, height: number): StackLayout {
  const { range: yMax, clipped: anyClipped } = plotRange(data, data.neurons.map(stackHeights));
  const axisY = height / 2;
  const pxPerUnit = axisY / yMax;
  const slot = data.neurons.length > 0 ? width / data.neurons.length : 0;
  const w = slot * (1 - COLUMN_PADDING);
  const rects: StackRect[] = [];
  const size = (v: number): number => (Number.isFinite(v) ? Math.abs(v) : 0);
  const columns = data.neurons.map((source, column): StackColumn => {
    const x = column * slot + (slot - w) / 2;
    const outermost = (fw: NeuronFeatureWeight): number => (fw.merged === undefined ? 0 : 1);
    const ordered = [...source.weights].sort(
      (a, b) => outermost(a) - outermost(b) || size(b.inWeight) - size(a.inWeight) || a.feature - b.feature,
    );
    let above = 0;
    let below = 0;
    const own = ordered.map((fw): StackRect => {
      const weight = Number.isFinite(fw.inWeight) ? fw.inWeight : 0;
      const full = Math.abs(weight) * pxPerUnit;
      let y: number;
      let h: number;
      if (weight >= 0) {
        h = Math.max(0, Math.min(full, axisY - above));
        above += h;
        y = axisY - above;
      } else {
        h = Math.max(0, Math.min(full, axisY - below));
        y = axisY + below;
        below += h;
      }
      return {
        neuron: source.neuron,
        feature: fw.feature,
        column,
        x,
        y,
        w,
        h,
        inWeight: fw.inWeight,
        outWeight: fw.outWeight,
        superposition: data.superposition[fw.feature],
        ...(fw.merged === undefined ? {} : { merged: fw.merged }),
      };
    });
    rects.push(...own);
    const heights = stackHeights(source);
    const clipped = anyClipped
      ? { up: heights.up > yMax * (1 + 1e-9) ? heights.up : null, down: heights.down > yMax * (1 + 1e-9) ? heights.down : null }
      : { up: null, down: null };
    return {
      neuron: source.neuron,
      column,
      x,
      w,
      top: axisY - above,
      bottom: axisY + below,
      source,
      rects: own,
      clipped,
      carried: carriedFeatures(source),
    };
  });
  return { columns, rects, yMax, axisY, pxPerUnit, slot, clipped: anyClipped };
}

/** Where one neuron-number tick goes under the plot: a column's centre and its neuron's index. */
export interface NeuronTick {
  readonly neuron: number;
  /** Column centre, px. */
  readonly x: number;
}

/**
 * Neuron-number ticks under the columns: every column when a slot holds a two-digit number
 * (`minSpacing` px, default 15), else every second, fifth or tenth column, counted from the left.
 */
export function neuronTicks(layout: StackLayout, minSpacing = 15): NeuronTick[] {
  if (!(layout.slot > 0)) return [];
  const every = [1, 2, 5, 10, 20, 50].find((k) => k * layout.slot >= minSpacing) ?? Math.ceil(minSpacing / layout.slot);
  return layout.columns.filter((c) => c.column % every === 0).map((c) => ({ neuron: c.neuron, x: c.x + c.w / 2 }));
}

/** Below this plot width, px, the x-axis title takes its short form. */
const SHORT_TITLE_WIDTH = 480;

/**
 * The x-axis title of a full plot `width` px wide: what the numbers under the columns are and how
 * the columns are ordered, shortened on narrow plots so it fits under them.
 */
export function xTitle(data: Pick<StackPlotData, 'order'>, width = Number.POSITIVE_INFINITY): string {
  const short = width < SHORT_TITLE_WIDTH;
  if (data.order === 'neuron')
    return short
      ? 'neuron number (model order while training)'
      : 'neuron number; columns in model order while training, sorted when it ends';
  if (data.order === 'final')
    return short ? 'neuron number (trained model’s order)' : 'neuron number; columns in the trained model’s order';
  return short ? 'neuron number, by top feature →' : 'neuron number; columns sorted by their most important feature →';
}

/** Height of the row under the plot that marks each neuron's count of features ≥ 10 % (carried), bars and gap, px. */
export const COUNT_STRIP = 14;
/** Height of the count mark's tallest bar, px: a neuron with COUNT_FULL features or more. */
export const COUNT_BAR_PX = 10;
export const COUNT_FULL = 25;

/** Height of the count mark's bar for a neuron carrying `count` features, px: √(count / 25) of 10 px (full from 25), so 1, 2, 5 and 15 read apart. */
export function countBarHeight(count: number): number {
  return COUNT_BAR_PX * Math.sqrt(Math.min(1, Math.max(0, count) / COUNT_FULL));
}

/** Margins around the plot area, px. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Where a stack plot drawn `width` px wide puts its plot area: margins and the area's size, px. */
export interface StackPlotArea {
  readonly margin: Margins;
  readonly innerW: number;
  readonly innerH: number;
}

/**
 * The stack plot's sizing, in one place: the figure takes the width it is given (its container's)
 * and derives the plot's height from it. Compact plots (small multiples) keep a narrow y axis and
 * a row for the neuron number of the column being read; full plots add a y-axis title, neuron
 * ticks, the x-axis title and the colour legend below (`legendHeight` px).
 */
export function stackPlotArea(width: number, compact: boolean, legendHeight: number): StackPlotArea {
  const margin: Margins = compact
    ? { top: 4, right: 2, bottom: COUNT_STRIP + 14, left: 24 }
    : { top: 6, right: 6, bottom: COUNT_STRIP + 14 + 16 + legendHeight + 8, left: 44 };
  const innerW = Math.max(40, width - margin.left - margin.right);
  const innerH = compact ? clamp(innerW * 0.7, 100, 200) : clamp(innerW * 0.4, 160, 300);
  return { margin, innerW, innerH };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * The stack plot's text alternative: how many neurons of each kind it shows (dead neurons counted
 * as dead, not as polysemantic), how many features are in superposition, and which columns are
 * highlighted. E.g. "40 neurons, 31 monosemantic and 9 polysemantic. 12 of 20 represented features
 * have superposition of at least 0.5." The denominator counts only the features with a score (a
 * finite superposition): a feature the model does not represent has none (NaN in the data), so it is
 * neither in nor out of superposition.
 */
export function describeStackPlot(data: StackPlotData): string {
  const n = data.neurons.length;
  if (n === 0) return 'No neurons to show yet.';
  const count = (kind: StackPlotNeuronKind): number => data.neurons.filter((d) => d.kind === kind).length;
  const [mono, poly, dead] = [count('monosemantic'), count('polysemantic'), count('dead')];
  const represented = data.superposition.filter(Number.isFinite);
  const inSuperposition = represented.filter((s) => s >= 0.5).length;
  const highlights = data.neurons.filter((d) => d.highlight).map((d) => `neuron ${d.neuron} (${d.highlight})`);
  const parts = [
    dead === 0
      ? `${plural(n, 'neuron')}, ${mono} monosemantic and ${poly} polysemantic.`
      : `${plural(n, 'neuron')}: ${mono} monosemantic, ${poly} polysemantic and ${dead} dead.`,
    `${inSuperposition} of ${plural(represented.length, 'represented feature')} ${represented.length === 1 ? 'has' : 'have'} superposition of at least 0.5.`,
  ];
  if (highlights.length > 0) parts.push(`Highlighted: ${highlights.join(', ')}.`);
  return parts.join(' ');
}

/**
 * A column's tooltip and accessible name: the neuron's description, how many features carry ≥ 10 %
 * of its largest weight, and, for a stack clipped at the plot's range, its true height, e.g.
 * "neuron 12: …; 7 features ≥ 10 % of its largest; stack above the axis 5.2 tall, clipped at 1.5".
 */
export function columnText(column: Pick<StackColumn, 'source' | 'carried' | 'clipped'>, yMax: number): string {
  const parts = [column.source.description, `${plural(column.carried, 'feature')} ≥ 10 % of its largest`];
  const { up, down } = column.clipped;
  if (up !== null) parts.push(`stack above the axis ${formatNumber(up)} tall, clipped at ${formatNumber(yMax)}`);
  if (down !== null) parts.push(`stack below the axis ${formatNumber(down)} tall, clipped at ${formatNumber(yMax)}`);
  return parts.join('; ');
}
