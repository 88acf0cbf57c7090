/**
 * Which outputs <computation-figure> shows and labels. An output off the input should be 0, but the
 * model's output bias b_i alone puts it at ReLU(b_i) (the converged recipe starts b at 0.02): its
 * interference is what other features add on top of that, y'_i − ReLU(b_i). An output on the input
 * misses by y'_i − |x_i|. Both are an OutputSlot's `excess`; the largest are shown and labelled.
 */
import type { Computation, OutputComputation } from '../../model/analysis/computation';
import { type Flag, placeFlags } from './label-flags';

export interface OutputSlot {
  readonly feature: number;
  readonly x: number;
  readonly w: number;
  readonly output: number;
  readonly target: number;
  readonly error: number;
  readonly miss: OutputComputation['miss'];
  readonly outY: number;
  readonly outH: number;
  readonly targetY: number;
  /** The miss shaded between output and target: top y and height, px (h 0 when none). */
  readonly missY: number;
  readonly missH: number;
  /** How far the output is from where the model puts it with no input: y'_i − ReLU(b_i) off the input, y'_i − |x_i| on it. */
  readonly excess: number;
}

/** Outputs with the largest interference shown besides the active ones on a narrow figure. */
export const EXTRA_OUTPUTS = 6;
/** A miss or interference smaller than this is not labelled (nothing a reader could see). */
export const LABELLED_MISS = 0.01;

/** A miss label placed as a flag (label-flags.ts): text from x (text-anchor start), pole at anchor, px. */
export interface MissLabel {
  readonly feature: number;
  readonly text: string;
  /** Left end of the text and its estimated width, px. */
  readonly x: number;
  readonly width: number;
  /** The output's centre, where the label's pole stands, px. */
  readonly anchor: number;
  /** Row above the output band, 0 nearest it. */
  readonly row: number;
}

/** An output's interference off the input, or its miss on it (see the module comment). */
export function excessOf(o: OutputComputation, active: ReadonlySet<number>): number {
  return active.has(o.feature) ? o.error : o.output - o.atRest;
}

/** A signed number as the figure writes it: "+0.12", "−0.05". */
export function signed(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${value < 0 ? '−' : '+'}${text}`;
}

/**
 * The outputs worth showing when there is no room for all: every active feature's, then the
 * `extra` largest misses among the others (largest |error| first, ties by feature), in feature order.
 */
export function outputsToShow(computation: Computation, extra: number): OutputComputation[] {
  const active = new Set(computation.input.map((e) => e.feature));
  const size = (o: OutputComputation): number => Math.abs(excessOf(o, active));
  const others = computation.outputs
    .filter((o) => !active.has(o.feature) && size(o) >= LABELLED_MISS)
    .sort((p, q) => size(q) - size(p) || p.feature - q.feature)
    .slice(0, Math.max(0, extra));
  const keep = new Set([...active, ...others.map((o) => o.feature)]);
  return computation.outputs.filter((o) => keep.has(o.feature));
}

/**
 * Labels of the misses worth stating: every active feature's that misses its target by
 * LABELLED_MISS or more (its signed error) and the three
 * largest interferences elsewhere (an output off the input rising above its bias; one label per
 * output), placed as flags in rows so that no two texts overlap and each has a pole down to its own
 * output (label-flags.ts; `charWidth` px per character). With `width` (the plot's, px), a text is
 * moved inward as far as it must to stay within [0, width] (at 320 px an end output's would stick out).
 */
export function missLabels(
  outputs: readonly OutputSlot[],
  active: ReadonlySet<number>,
  charWidth: number,
  width = Number.POSITIVE_INFINITY,
): MissLabel[] {
  const others = outputs
    .filter((o) => !active.has(o.feature) && Math.abs(o.excess) >= LABELLED_MISS)
    .sort((p, q) => Math.abs(q.excess) - Math.abs(p.excess) || p.feature - q.feature)
    .slice(0, 3)
    .map((o) => o.feature);
  const chosen = new Set([...active, ...others]);
  // An output within LABELLED_MISS of its target hit it: a "0.00" flag would read as a miss.
  const labelled = outputs
    .filter((o) => chosen.has(o.feature) && Math.abs(o.excess) >= LABELLED_MISS)
    .map((o) => ({ o, text: signed(o.excess) }));
  const flags = placeFlags(
    labelled.map(({ o, text }) => ({ key: o.feature, anchor: o.x + o.w / 2, width: text.length * charWidth })),
    width,
  );
  return labelled.map(({ o, text }, k) => {
    const { x, row, anchor, width: textWidth } = flags[k] as Flag;
    return { feature: o.feature, text, x, width: textWidth, anchor, row };
  });
}
