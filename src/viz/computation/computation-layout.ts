/**
 * Pure geometry of <computation-figure>, free of the DOM so it is tested in Node. Three bands, top
 * to bottom, px in the <svg>, y growing downward:
 * - input strip: one slot per feature, x_i as a bar up (positive) or down from a centre line;
 * - hidden layer: one column per neuron (in the order given), the active features' contributions
 *   W1[j,i]·x_i stacked up (positive) and down (negative) from the zero line, a tick at the
 *   pre-activation and, beside the stack, a dark bar of the activation ReLU(pre-activation): where
 *   the pre-activation is negative the ReLU cuts it to 0 and the bar is empty;
 * - outputs: y'_i as a bar beside its target |x_i| (a tick), the gap between them (the miss) shaded.
 *   Below NARROW_WIDTH only the active features' outputs and the EXTRA_OUTPUTS largest misses
 *   elsewhere are drawn (the caption says so).
 */
import type { Computation } from '../../model/analysis/computation';
import { niceRange } from '../stack-plot/stack-scale';
import { EXTRA_OUTPUTS, type MissLabel, missLabels, type OutputSlot, outputsToShow } from './computation-outputs';

export type { OutputSlot } from './computation-outputs';

/** Below this width (px) the output band shows only active features and the largest misses. */
export const NARROW_WIDTH = 560;

export const MARGIN = { left: 40, right: 8, top: 8 } as const;
const INPUT_HEIGHT = 64;
const HIDDEN_HEIGHT = 150;
const OUTPUT_HEIGHT = 110;
/** Vertical space for a band's title above it and tick labels under it. */
const BAND_GAP = 38;
/** Height of a row of miss labels above the output band, px (10 px text, 3 px apart). */
export const LABEL_ROW = 13;
/** Estimated width of a character of a miss label (10 px bold tabular digits measure ~6.6), px. */
const MISS_CHAR_WIDTH = 7;
/** Least distance between written neuron numbers, px. */
const TICK_SPACING = 16;

export interface Band {
  readonly top: number;
  readonly height: number;
}

export interface InputSlot {
  readonly feature: number;
  readonly x: number;
  readonly w: number;
  readonly value: number;
  readonly active: boolean;
  /** The value bar: top y and height, px. */
  readonly y: number;
  readonly h: number;
}

export interface ContributionRect {
  readonly neuron: number;
  readonly feature: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface NeuronColumn {
  readonly neuron: number;
  /** Left edge of the slot and its width, px. */
  readonly x: number;
  readonly slot: number;
  readonly preActivation: number;
  readonly activation: number;
  readonly silenced: boolean;
  readonly rects: readonly ContributionRect[];
  /** y of the pre-activation tick, and the activation bar's x, top and height, px. */
  readonly preY: number;
  readonly barX: number;
  readonly barW: number;
  readonly actY: number;
  readonly actH: number;
  /** Whether its number is written under it: always where slots are wide, else only for neurons with a visible activation, none crowding the last. */
  readonly tick: boolean;
}

export interface ComputationLayout {
  readonly width: number;
  readonly height: number;
  readonly innerW: number;
  readonly narrow: boolean;
  readonly input: Band;
  readonly hidden: Band;
  readonly output: Band;
  readonly inputs: readonly InputSlot[];
  readonly columns: readonly NeuronColumn[];
  readonly outputs: readonly OutputSlot[];
  /** The miss labels, each with the y its pole runs down to (just above its output's bar, line or shading), px. */
  readonly labels: readonly (MissLabel & { readonly poleTo: number })[];
  /** Rows of miss labels above the output band (its title sits above them). */
  readonly labelRows: number;
  /** The active features whose numbers are written under the input strip, x of each (px): none crowding the one before. */
  readonly inputLabels: readonly { readonly feature: number; readonly x: number }[];
  /** Hidden band's y domain [−hiddenMax, hiddenMax]; output band's [0, outputMax]. */
  readonly hiddenMax: number;
  readonly outputMax: number;
  /** True when every output is drawn. */
  readonly allOutputs: boolean;
}

/** The tallest stack on either side of any neuron's zero line. */
function hiddenNeed(computation: Computation): number {
  let need = 0;
  for (const neuron of computation.neurons) {
    let up = Math.max(neuron.bias, 0);
    let down = Math.max(-neuron.bias, 0);
    for (const c of neuron.contributions) {
      if (c.value >= 0) up += c.value;
      else down -= c.value;
    }
    need = Math.max(need, up, down);
  }
  return need;
}

/**
 * The figure's geometry at `width` px for `computation`, neurons left to right in `order` (neuron
 * indices; missing ones are appended in index order). `hiddenMax` fixes the hidden band's range
 * (e.g. kept steady while the reader drags); by default the nice range of the tallest stack, ≥ 1.
 */
export function computationLayout(
  computation: Computation,
  order: readonly number[],
  width: number,
  options: { readonly hiddenMax?: number; readonly charWidth?: number } = {},
): ComputationLayout {
  const innerW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const narrow = width < NARROW_WIDTH;
  const n = computation.outputs.length;
  const values = new Float64Array(n);
  for (const e of computation.input) values[e.feature] = e.value;
  const active = new Set(computation.input.map((e) => e.feature));

  const input: Band = { top: MARGIN.top + BAND_GAP - 14, height: INPUT_HEIGHT };
  const inSlot = innerW / Math.max(1, n);
  const inMid = input.top + input.height / 2;
  const inputs: InputSlot[] = Array.from({ length: n }, (_, i) => {
    const v = values[i]!;
    const h = (Math.abs(v) * input.height) / 2;
    return { feature: i, x: i * inSlot, w: inSlot, value: v, active: active.has(i), y: v >= 0 ? inMid - h : inMid, h };
  });

  const hidden: Band = { top: input.top + input.height + BAND_GAP, height: HIDDEN_HEIGHT };
  const hiddenMax = options.hiddenMax && options.hiddenMax > 0 ? options.hiddenMax : niceRange(Math.max(1, hiddenNeed(computation)));
  const perUnit = hidden.height / 2 / hiddenMax;
  const zero = hidden.top + hidden.height / 2;
  const ordered = [...order.filter((j) => j >= 0 && j < computation.neurons.length)];
  computation.neurons.forEach((_, j) => {
    if (!ordered.includes(j)) ordered.push(j);
  });
  const slot = innerW / Math.max(1, ordered.length);
  let lastTick = Number.NEGATIVE_INFINITY;
  const columns: NeuronColumn[] = ordered.map((j, k) => {
    const neuron = computation.neurons[j]!;
    const x = k * slot;
    const stackW = slot * 0.55;
    const stackX = x + slot * 0.06;
    let above = 0;
    let below = 0;
    const rects = neuron.contributions
      .filter((c) => c.value !== 0)
      .map((c): ContributionRect => {
        const h = Math.abs(c.value) * perUnit;
        let y: number;
        if (c.value > 0) {
          above += h;
          y = zero - above;
        } else {
          y = zero + below;
          below += h;
        }
        return { neuron: j, feature: c.feature, value: c.value, x: stackX, y, w: stackW, h };
      });
    const actH = neuron.activation * perUnit;
    const tick = slot >= TICK_SPACING || (actH >= 2 && x + slot / 2 - lastTick >= TICK_SPACING);
    if (tick) lastTick = x + slot / 2;
    return {
      neuron: j,
      x,
      slot,
      preActivation: neuron.preActivation,
      activation: neuron.activation,
      silenced: neuron.silenced,
      rects,
      preY: zero - neuron.preActivation * perUnit,
      barX: stackX + stackW + slot * 0.04,
      barW: slot * 0.28,
      actY: zero - actH,
      actH,
      tick,
    };
  });

  const output: Band = { top: hidden.top + hidden.height + BAND_GAP + 2 * LABEL_ROW, height: OUTPUT_HEIGHT };
  const shown = narrow ? outputsToShow(computation, EXTRA_OUTPUTS) : computation.outputs;
  let outputMax = 1;
  for (const o of shown) outputMax = Math.max(outputMax, o.output, o.target);
  outputMax = niceRange(outputMax);
  const outUnit = output.height / outputMax;
  const base = output.top + output.height;
  const outSlot = innerW / Math.max(1, shown.length);
  const outW = Math.min(outSlot * 0.8, 28);
  const outputs: OutputSlot[] = shown.map((o, k) => {
    const outH = o.output * outUnit;
    const targetY = base - o.target * outUnit;
    const lo = Math.min(o.output, o.target);
    const missH = Math.abs(o.error) * outUnit;
    return {
      feature: o.feature,
      x: k * outSlot + (outSlot - outW) / 2,
      w: outW,
      output: o.output,
      target: o.target,
      error: o.error,
      miss: o.miss,
      outY: base - outH,
      outH,
      targetY,
      missY: base - lo * outUnit - missH,
      missH,
      excess: active.has(o.feature) ? o.error : o.output - o.atRest,
    };
  });
  const labels = missLabels(outputs, active, options.charWidth ?? MISS_CHAR_WIDTH, innerW);
  const labelRows = labels.reduce((rows, l) => Math.max(rows, l.row + 1), 0);
  const shifted = Math.max(0, labelRows - 2) * LABEL_ROW;
  const outputBand = { top: output.top + shifted, height: output.height };
  const move = (y: number): number => y + shifted;
  const tops = new Map(outputs.map((o) => [o.feature, Math.min(o.outY, o.targetY, o.missY) - 2]));
  return {
    width,
    height: outputBand.top + outputBand.height + 44,
    innerW,
    narrow,
    input,
    hidden,
    output: outputBand,
    inputs,
    columns,
    outputs: outputs.map((o) => ({ ...o, outY: move(o.outY), targetY: move(o.targetY), missY: move(o.missY) })),
    labels: labels.map((l) => ({ ...l, poleTo: move(tops.get(l.feature) ?? base) })),
    labelRows,
    inputLabels: spacedLabels(
      inputs.filter((s) => s.active).map((s) => ({ feature: s.feature, x: s.x + s.w / 2 })),
      options.charWidth ?? 6.5,
    ),
    hiddenMax,
    outputMax,
    allOutputs: shown.length === n,
  };
}

/** Numbers written under a strip, left to right, each kept only when clear of the last one kept (3 px apart). */
export function spacedLabels<T extends { readonly feature: number; readonly x: number }>(labels: readonly T[], charWidth: number): T[] {
  const kept: T[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const label of labels) {
    const half = (String(label.feature).length * charWidth) / 2;
    if (label.x - half < end + 3) continue;
    kept.push(label);
    end = label.x + half;
  }
  return kept;
}

/** The feature slot under x (px from the plot's left edge), clamped to [0, n). */
export function featureAt(layout: ComputationLayout, x: number): number {
  const n = layout.inputs.length;
  const slot = layout.innerW / Math.max(1, n);
  return Math.min(n - 1, Math.max(0, Math.floor(x / slot)));
}

/** The input value at y (px in the <svg>) on the input strip, clamped to [−1, 1] and rounded to 0.01. */
export function valueAt(layout: ComputationLayout, y: number): number {
  const mid = layout.input.top + layout.input.height / 2;
  const v = Math.max(-1, Math.min(1, (mid - y) / (layout.input.height / 2)));
  return Math.round(v * 100) / 100 || 0;
}
