/**
 * Pure geometry and wording of the neuron weight stack plot (docs/figures.md), kept free of the DOM
 * so it can be tested in Node. Coordinates are in px inside the plot area, y growing downward.
 */
import { formatNumber, plural } from './format';
import type { StackPlotData, StackPlotNeuron, StackPlotNeuronKind } from './types';

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
  /** Symmetric y domain [−yMax, yMax] in weight units. */
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
 * feature-index order starting at the axis.
 */
export function stackLayout(data: StackPlotData, width: number, height: number): StackLayout {
  const yMax = stackDomain(data);
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
  /** Row above the plot, 0 nearest the plot; labels that would overlap go to higher rows. */
  readonly row: number;
}

/**
 * Places the highlight labels above their columns without overlaps, given an estimate of the
 * character width. Labels near an edge hang inward so they stay inside the figure.
 */
export function highlightLabels(layout: StackLayout, width: number, charWidth: number): HighlightLabel[] {
  const rowEnds: number[] = [];
  const labels: HighlightLabel[] = [];
  for (const col of layout.columns) {
    const text = col.source.highlight;
    if (!text) continue;
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
    labels.push({ neuron: col.neuron, text, x, anchor, row });
  }
  return labels;
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
