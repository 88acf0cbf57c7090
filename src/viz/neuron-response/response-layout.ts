/**
 * The layout of <neuron-response> (pure): one neuron's activations over sampled inputs as a
 * histogram on a log count axis, each bar split by the feature that contributes most to the
 * activations in it, the floor (0.1 × the neuron's largest |W1|) as a rule, and its top inputs
 * as rows of (feature: value, contribution W1[j,i]·x_i). The data come from
 * measureActivationStatistics (src/model/analysis/activation-statistics.ts).
 *
 * Log axis: a neuron's counts run from hundreds of thousands of tiny activations to a handful of
 * large ones, so bar heights are log10(count); a bar's segments split its height in proportion to
 * their counts (a segment's height is its share of the bar, not a count on the axis).
 */
import { featureColour } from '../core/feature-colours';
import { formatCount, formatNumber } from '../core/format';

/** One bar of the histogram: activations in [from, to), by dominant feature (largest count first). */
export interface ResponseBin {
  readonly from: number;
  readonly to: number;
  readonly total: number;
  readonly byFeature: readonly { readonly feature: number; readonly count: number }[];
}

/** One of the largest activations and the input that gave it. */
export interface ResponseTopInput {
  readonly activation: number;
  readonly dominant: number;
  readonly input: readonly { readonly feature: number; readonly value: number }[];
}

/** What the figure draws: one neuron of one model. */
export interface NeuronResponseData {
  readonly neuron: number;
  /** 'monosemantic' | 'polysemantic' | 'dead' (neurons.ts). */
  readonly kind: string;
  readonly primary: number;
  /** The neuron's largest |W1| weight. */
  readonly scale: number;
  /** The floor, in activation units. */
  readonly floor: number;
  /** Inputs drawn, and on how many the neuron fired (activation > 0). */
  readonly samples: number;
  readonly fired: number;
  readonly histogram: readonly ResponseBin[];
  readonly topInputs: readonly ResponseTopInput[];
  /** The neuron's row of W1: [n], its weight on each feature. */
  readonly weights: readonly number[];
  /** Medians are not per neuron: the neuron's own top-1% primary share with the floor (NaN if none). */
  readonly topPrimaryShare: number;
  readonly restPrimaryShare: number;
}

export const RESPONSE_MARGIN = Object.freeze({ top: 14, right: 12, bottom: 40, left: 64 });
export const RESPONSE_HEIGHT = 240;

export interface Segment {
  readonly feature: number;
  readonly count: number;
  readonly y: number;
  readonly height: number;
  readonly colour: string;
}

export interface Bar {
  readonly key: number;
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly total: number;
  readonly from: number;
  readonly to: number;
  /** Largest count first, from the bottom up. */
  readonly segments: readonly Segment[];
  readonly belowFloor: boolean;
}

export interface Tick {
  readonly value: number;
  readonly position: number;
  readonly label: string;
}

export interface ResponseLayout {
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly bars: readonly Bar[];
  /** x of the floor rule, px from the plot's left. */
  readonly floorX: number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
}

/** log10 of a count, with 0 at the axis: a bar of count c is log10(c) + 1 decades tall (count 1 stays visible). */
const decades = (count: number): number => (count > 0 ? Math.log10(count) + 1 : 0);

/** Lays the histogram out at `width` px. Bins with no activation are left out. */
export function responseLayout(data: NeuronResponseData, width: number): ResponseLayout {
  const innerWidth = Math.max(120, width - RESPONSE_MARGIN.left - RESPONSE_MARGIN.right);
  const innerHeight = RESPONSE_HEIGHT - RESPONSE_MARGIN.top - RESPONSE_MARGIN.bottom;
  const filled = data.histogram.filter((b) => b.total > 0);
  const right = Math.max(data.floor, ...filled.map((b) => b.to), 1e-9);
  const x = (v: number): number => (v / right) * innerWidth;
  const top = Math.max(1, ...filled.map((b) => decades(b.total)));
  const y = (d: number): number => innerHeight - (d / top) * innerHeight;
  const bars = filled.map((bin, key): Bar => {
    const barTop = y(decades(bin.total));
    const height = innerHeight - barTop;
    let bottom = innerHeight;
    const segments = bin.byFeature.map((f): Segment => {
      const h = (f.count / bin.total) * height;
      bottom -= h;
      return { feature: f.feature, count: f.count, y: bottom, height: h, colour: featureColour(f.feature) };
    });
    const left = x(bin.from);
    return {
      key,
      x: left,
      width: Math.max(1, x(bin.to) - left - 1),
      y: barTop,
      total: bin.total,
      from: bin.from,
      to: bin.to,
      segments,
      belowFloor: bin.to <= data.floor + 1e-12,
    };
  });
  const yTicks: Tick[] = [];
  for (let d = 0; d + 1 <= top; d++) yTicks.push({ value: 10 ** d, position: y(d + 1), label: formatCount(10 ** d) });
  const step = niceStep(right / 5);
  const xTicks: Tick[] = [];
  for (let v = 0; v <= right + 1e-12; v += step) xTicks.push({ value: v, position: x(v), label: formatNumber(v, 2) });
  return { innerWidth, innerHeight, bars, floorX: x(data.floor), xTicks, yTicks };
}

/** 1, 2 or 5 × a power of ten, the smallest ≥ raw. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** One active feature of a top input: its value and its term W1[j,i]·x_i in the neuron's activation. */
export interface InputTerm {
  readonly feature: number;
  readonly value: number;
  readonly contribution: number;
}

/** A top input's terms, largest contribution first. */
export function inputTerms(input: ResponseTopInput, weights: readonly number[]): InputTerm[] {
  return input.input
    .map((e) => ({ feature: e.feature, value: e.value, contribution: (weights[e.feature] ?? 0) * e.value }))
    .sort((a, b) => b.contribution - a.contribution || a.feature - b.feature);
}

/** The dominant feature's share of the activations ≥ the floor, pooled over bins. */
function dominantAboveFloor(data: NeuronResponseData): { feature: number; share: number } | null {
  const counts = new Map<number, number>();
  let total = 0;
  for (const bin of data.histogram) {
    if (bin.from < data.floor - 1e-12) continue;
    for (const f of bin.byFeature) {
      counts.set(f.feature, (counts.get(f.feature) ?? 0) + f.count);
      total += f.count;
    }
  }
  let best: { feature: number; share: number } | null = null;
  for (const [feature, count] of counts) if (!best || count / total > best.share) best = { feature, share: count / total };
  return best;
}

const percent = (share: number): string => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'none');

/** The figure's text alternative: the neuron, how often it fired, what dominates its activations. */
export function describeResponse(data: NeuronResponseData): string {
  const largest = data.topInputs[0];
  const aboveFloor = dominantAboveFloor(data);
  return [
    `Neuron ${data.neuron} (${data.kind}, primary feature ${data.primary}, largest weight ${formatNumber(data.scale, 3)}) fired on ${formatCount(data.fired)} of ${formatCount(data.samples)} sampled inputs.`,
    largest ? `Its largest activation, ${formatNumber(largest.activation, 3)}, came mostly from feature ${largest.dominant}.` : '',
    `Floor ${formatNumber(data.floor, 3)} (0.1 × the largest weight).`,
    aboveFloor
      ? `Above the floor, feature ${aboveFloor.feature} contributes most to ${percent(aboveFloor.share)} of the activations.`
      : 'No activation reached the floor.',
    `The primary feature dominates ${percent(data.topPrimaryShare)} of the top 1% of activations above the floor and ${percent(data.restPrimaryShare)} of the rest.`,
  ]
    .filter(Boolean)
    .join(' ');
}
