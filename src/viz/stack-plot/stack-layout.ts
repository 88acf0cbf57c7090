/**
 * Pure geometry and wording of the neuron weight stack plot (docs/figures.md), kept free of the DOM
 * so it can be tested in Node. Coordinates are in px inside the plot area, y growing downward.
 */
import { formatNumber, plural } from '../core/format';
import { niceRange } from './stack-scale';
import type { StackPlotData, StackPlotNeuron, StackPlotNeuronKind } from '../core/types';

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
  /** One rect per feature in the data, in feature order. */
  readonly rects: readonly StackRect[];
}

/** The whole plot's geometry at one size: columns in plot order, and every rect in that order. */
export interface StackLayout {
  readonly columns: readonly StackColumn[];
  /** Every column's rects, column by column: what colourPaths() draws. */
  readonly rects: readonly StackRect[];
  /** Symmetric y domain [−yMax, yMax] in weight units: the data's yMax, else the nice range of the tallest stack. */
  readonly yMax: number;
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

/**
 * Lays out one column per neuron in the given order and, within it, one rect per feature of height
 * |inWeight|: positive weights stacked upward from the axis, negative ones downward, each side in
 * feature-index order starting at the axis. The y domain is [−yMax, yMax] (StackPlotData.yMax).
 */
export function stackLayout(data: StackPlotData, width: number, height: number): StackLayout {
  const yMax = data.yMax !== undefined && data.yMax > 0 ? data.yMax : niceRange(stackDomain(data));
  const axisY = height / 2;
  const pxPerUnit = axisY / yMax;
  const slot = data.neurons.length > 0 ? width / data.neurons.length : 0;
  const w = slot * (1 - COLUMN_PADDING);
  const rects: StackRect[] = [];
  const columns = data.neurons.map((source, column): StackColumn => {
    const x = column * slot + (slot - w) / 2;
    const ordered = [...source.weights].sort((a, b) => a.feature - b.feature);
    let above = 0;
    let below = 0;
    const own = ordered.map((fw): StackRect => {
      const weight = Number.isFinite(fw.inWeight) ? fw.inWeight : 0;
      const h = Math.abs(weight) * pxPerUnit;
      let y: number;
      if (weight >= 0) {
        above += h;
        y = axisY - above;
      } else {
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
      };
    });
    rects.push(...own);
    return { neuron: source.neuron, column, x, w, top: axisY - above, bottom: axisY + below, source, rects: own };
  });
  return { columns, rects, yMax, axisY, pxPerUnit, slot };
}

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
    ? { top: 4, right: 2, bottom: 14, left: 24 }
    : { top: 6, right: 6, bottom: 14 + 16 + legendHeight + 8, left: 44 };
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
 * highlighted. E.g. "40 neurons, 31 monosemantic and 9 polysemantic. 12 of 100 features have
 * superposition of at least 0.5."
 */
export function describeStackPlot(data: StackPlotData): string {
  const n = data.neurons.length;
  if (n === 0) return 'No neurons to show yet.';
  const count = (kind: StackPlotNeuronKind): number => data.neurons.filter((d) => d.kind === kind).length;
  const [mono, poly, dead] = [count('monosemantic'), count('polysemantic'), count('dead')];
  const inSuperposition = data.superposition.filter((s) => s >= 0.5).length;
  const highlights = data.neurons.filter((d) => d.highlight).map((d) => `neuron ${d.neuron} (${d.highlight})`);
  const parts = [
    dead === 0
      ? `${plural(n, 'neuron')}, ${mono} monosemantic and ${poly} polysemantic.`
      : `${plural(n, 'neuron')}: ${mono} monosemantic, ${poly} polysemantic and ${dead} dead.`,
    `${inSuperposition} of ${data.superposition.length} features have superposition of at least 0.5.`,
  ];
  if (highlights.length > 0) parts.push(`Highlighted: ${highlights.join(', ')}.`);
  return parts.join(' ');
}

/** Tooltip text of one rect. */
export function featureTooltip(r: Pick<StackRect, 'feature' | 'inWeight' | 'outWeight' | 'superposition'>): string {
  const s = r.superposition === undefined ? 'n/a' : formatNumber(r.superposition);
  return `feature ${r.feature} · in ${formatNumber(r.inWeight)} · out ${formatNumber(r.outWeight)} · superposition ${s}`;
}
