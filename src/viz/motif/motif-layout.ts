/** Pure parts of <motif-closeup>: the bars, their wording, the panel boxes and the domains. */
import { formatNumber } from '../core/format';
import type { MotifCloseupData, MotifNeuronWeights } from '../core/types';

/** The two neurons of a motif: the one storing a and b unequally, and the one cancelling a's push on b. */
export type MotifRole = 'asymmetric' | 'inhibition';
/** A neuron's input (in) or output (out) weight on feature a or b. */
export type WeightKey = 'inA' | 'inB' | 'outA' | 'outB';

/** One bar of the close-up's left panel: a weight of one motif neuron. */
export interface MotifBar {
  readonly role: MotifRole;
  readonly key: WeightKey;
  /** "in a", "out b", … */
  readonly label: string;
  /** Which feature's colour the bar takes. */
  readonly feature: 'a' | 'b';
  /** The weight, after the plot's rescaling (unitless). */
  readonly value: number;
}

const KEYS: readonly { key: WeightKey; label: string; feature: 'a' | 'b' }[] = [
  { key: 'inA', label: 'in a', feature: 'a' },
  { key: 'inB', label: 'in b', feature: 'b' },
  { key: 'outA', label: 'out a', feature: 'a' },
  { key: 'outB', label: 'out b', feature: 'b' },
];

/** The roles in drawing order, left to right. */
export const ROLES: readonly MotifRole[] = ['asymmetric', 'inhibition'];

/** Four bars per neuron, asymmetric first: its input weights on a and b, then its output weights. */
export function motifBars(data: Pick<MotifCloseupData, MotifRole>): MotifBar[] {
  return ROLES.flatMap((role) => KEYS.map(({ key, label, feature }) => ({ role, key, label, feature, value: data[role][key] })));
}

/** "asymmetric neuron 3: in a = 1.00, in b = −0.31; out a = 0.52, out b = 1.90" */
export function motifSentence(role: MotifRole, w: MotifNeuronWeights): string {
  const f = formatNumber;
  return `${role} neuron ${w.neuron}: in a = ${f(w.inA)}, in b = ${f(w.inB)}; out a = ${f(w.outA)}, out b = ${f(w.outB)}`;
}

/** "neuron 7", "neurons 7 and 9", "neurons 3, 7 and 9". */
export function neuronList(neurons: readonly number[]): string {
  if (neurons.length <= 1) return `neuron ${neurons[0] ?? ''}`.trim();
  return `neurons ${neurons.slice(0, -1).join(', ')} and ${neurons[neurons.length - 1]}`;
}

/**
 * What the inhibition neuron's own main feature c is and whether c also pushes b's output down, in
 * words, from the close-up's data (computed by the analysis from the detected instance). Cases: c is
 * a itself; c is b; c is another feature that lowers b's pre-activation overall, or one whose push
 * other neurons make up for. Ends with the further inhibitors, if any.
 */
export function inhibitionSentence(
  data: Pick<MotifCloseupData, 'featureA' | 'featureB' | 'inhibition' | 'inhibitionOwn' | 'otherInhibitors'>,
): string {
  const f = formatNumber;
  const k = data.inhibition.neuron;
  const own = data.inhibitionOwn;
  const c = own.feature;
  const parts: string[] = [];
  if (c === data.featureA) {
    parts.push(
      `Inhibition neuron ${k}’s own main feature is a (feature ${c}) itself: it reads a at full weight and writes ${f(own.outOwn)} onto a’s output and ${f(own.outB)} onto b’s.`,
    );
  } else {
    const which = c === data.featureB ? `b (feature ${c}) itself` : `not a but feature ${c}`;
    parts.push(
      `Inhibition neuron ${k}’s own main feature is ${which}: it reads feature ${c} at full weight and a at ${f(Math.abs(data.inhibition.inA))} of that.`,
    );
    const push = f(Math.abs(own.push));
    if (own.netOnB < 0) {
      parts.push(
        `So feature ${c} also pushes b’s output down: alone at full size it lowers b’s pre-activation by ${push} through neuron ${k} (${f(-own.netOnB)} with every neuron counted). The ReLU on b’s output hides this while b is off; when both are active, b’s output falls short.`,
      );
    } else {
      parts.push(
        `Neuron ${k} alone would lower b’s pre-activation by ${push} when feature ${c} is active at full size, but other neurons make up for it: with every neuron counted it moves by +${f(own.netOnB)}, so feature ${c} does not push b’s output down.`,
      );
    }
  }
  if (data.otherInhibitors.length > 0) {
    const who = neuronList(data.otherInhibitors);
    parts.push(
      `${who[0]!.toUpperCase()}${who.slice(1)} also ${data.otherInhibitors.length === 1 ? 'takes' : 'take'} back part of a’s push on b.`,
    );
  }
  return parts.join(' ');
}

/** Domain of the bar scale: always includes 0, widened a little so value labels fit at the bar ends. */
export function barDomain(bars: readonly MotifBar[]): [number, number] {
  const values = bars.map((b) => b.value).filter(Number.isFinite);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = Math.max(hi - lo, 1e-9) * 0.18;
  return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
}

/** y domain of the response chart: the four curves, the target |x_a| and 0. */
export function responseDomain(data: Pick<MotifCloseupData, 'response'>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const r of data.response) {
    for (const v of [r.outAWith, r.outBWith, r.outAWithout, r.outBWithout, Math.abs(r.xa)]) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  return [lo, hi];
}

/** A rectangle in the figure, px: top-left corner, width and height. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Where the close-up's two panels go at one width, and the figure's height, px. */
export interface MotifPanels {
  /** Bars left of the response (wide), or above it (narrow). */
  readonly sideBySide: boolean;
  readonly bars: Box;
  readonly response: Box;
  readonly height: number;
}

/** Below this width the two panels stack vertically. */
export const SIDE_BY_SIDE_MIN_WIDTH = 600;

/** Bars left and response right on wide screens; bars above the response on narrow ones. */
export function motifPanels(width: number): MotifPanels {
  if (width >= SIDE_BY_SIDE_MIN_WIDTH) {
    const barsW = Math.round(width * 0.42);
    const gap = 28;
    const h = 270;
    return {
      sideBySide: true,
      bars: { x: 0, y: 0, w: barsW, h },
      response: { x: barsW + gap, y: 0, w: width - barsW - gap, h },
      height: h,
    };
  }
  const barsH = 200;
  const gap = 16;
  const responseH = 270;
  return {
    sideBySide: false,
    bars: { x: 0, y: 0, w: width, h: barsH },
    response: { x: 0, y: barsH + gap, w: width, h: responseH },
    height: barsH + gap + responseH,
  };
}

/** Whether the title names both features as "a = 5" and "b = 4". */
const titleNamesFeatures = (data: MotifCloseupData): boolean =>
  new RegExp(`\\ba = ${data.featureA}\\b`).test(data.title) && new RegExp(`\\bb = ${data.featureB}\\b`).test(data.title);

/**
 * The motif close-up's text alternative: both neurons' weights in words and how far output b rises
 * on input a alone with and without the inhibition neuron.
 */
export function describeMotif(data: MotifCloseupData): string {
  const peak = (pick: (r: MotifCloseupData['response'][number]) => number): number =>
    data.response.reduce((m, r) => (Number.isFinite(pick(r)) ? Math.max(m, pick(r)) : m), 0);
  return [
    // a title that already names a and b ("Motif 1: features a = 5 and b = 4") is not repeated in words
    titleNamesFeatures(data) ? `${data.title}.` : `${data.title}. Feature a is ${data.featureA}, feature b is ${data.featureB}.`,
    `${motifSentence('asymmetric', data.asymmetric)}.`,
    `${motifSentence('inhibition', data.inhibition)}.`,
    `With input a alone, output b peaks at ${formatNumber(peak((r) => r.outBWith))} with the whole model`,
    `and at ${formatNumber(peak((r) => r.outBWithout))} with the inhibition neuron removed.`,
    inhibitionSentence(data),
  ].join(' ');
}

/** Estimated px per character of the bars' 11 px labels (digits are 0.55 em; a little over). */
export const BAR_CHAR_PX = 6.4;

/**
 * A bar's category label as lines: "out a" on one line where the slot holds it, else the weight
 * ("out") over the feature ("a"), so neighbours never run together on a phone.
 */
export function categoryLines(label: string, slot: number): string[] {
  return label.length * BAR_CHAR_PX <= slot * 0.95 ? [label] : label.split(' ');
}

/** One value label: its text, the bar's centre x and the y of its baseline at the bar's end, px. */
export interface ValueLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** Height of a row of value labels, px. */
const VALUE_ROW = 11;

/**
 * The value labels of one neuron's bars, placed so that none is cut or overlaps another: each
 * centred on its bar but kept inside its group, [0, `groupW`] px, and one that would overlap the
 * label before it moved a row away from the axis (up above it, `zeroY`; down below it).
 */
export function placeValueLabels(labels: readonly ValueLabel[], groupW: number, zeroY: number): ValueLabel[] {
  const placed: ValueLabel[] = [];
  for (const label of labels) {
    const half = (label.text.length * BAR_CHAR_PX) / 2;
    const x = Math.min(Math.max(label.x, half), Math.max(half, groupW - half));
    let y = label.y;
    const previous = placed.at(-1);
    if (previous) {
      const apart = Math.abs(x - previous.x) >= half + (previous.text.length * BAR_CHAR_PX) / 2 + 2;
      if (!apart && Math.abs(y - previous.y) < VALUE_ROW) y = y <= zeroY ? previous.y - VALUE_ROW : previous.y + VALUE_ROW;
    }
    placed.push({ text: label.text, x, y });
  }
  return placed;
}
