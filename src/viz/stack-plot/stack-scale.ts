/**
 * The stack plot's vertical range (docs/figures.md, "The vertical scale"), pure so that it is tested
 * in Node. The plot's y domain is symmetric, [−range, +range] in weight units (a neuron's largest
 * |W1| is 1 after the plot's rescaling). Ranges are round numbers from NICE_RANGES, so the axis
 * ticks read the same from one redraw to the next, and a model in training keeps its range until
 * its stacks clearly need another: the range grows at once when a stack would not fit, and shrinks
 * only when the stacks have fallen well below it. Replaying the same rule over a run's snapshots
 * gives the range each snapshot was drawn with, so a training timeline replays the run as it was
 * seen.
 */

/** Ranges the plot uses, in weight units: round numbers whose ticks read well. */
export const NICE_RANGES: readonly number[] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100];

/** Headroom a shrinking range keeps above the stacks (1.15 = 15 %), so that it does not grow back at the next snapshot. */
export const SHRINK_HEADROOM = 1.15;

/** The smallest nice range that holds `need` (weight units, ≥ 0); needs past the list round up to a multiple of 100. */
export function niceRange(need: number): number {
  if (!(need > 0) || !Number.isFinite(need)) return NICE_RANGES[0]!;
  for (const r of NICE_RANGES) if (need <= r * (1 + 1e-9)) return r;
  return Math.ceil(need / 100) * 100;
}

/**
 * The range after a new snapshot whose tallest stack is `need`, given the range drawn so far
 * (undefined for a first snapshot). Grows to niceRange(need) when the stack does not fit; shrinks,
 * to niceRange(need × SHRINK_HEADROOM), only when that is smaller than the current range;
 * otherwise stays.
 */
export function nextRange(current: number | undefined, need: number): number {
  const fit = niceRange(need);
  if (current === undefined || fit > current) return fit;
  const shrunk = niceRange(need * SHRINK_HEADROOM);
  return shrunk < current ? shrunk : current;
}

/** The range the last of a sequence of snapshots is drawn with: nextRange replayed over their tallest stacks, in order. */
export function replayRange(needs: readonly number[]): number {
  let range: number | undefined;
  for (const need of needs) range = nextRange(range, need);
  return range ?? niceRange(0);
}

/** The share of columns a robust range holds whole: the rest, at most one in ten, may be clipped. */
export const ROBUST_QUANTILE = 0.9;
/**
 * A range is robust only where the tallest stack passes it by more than this factor: an outlier
 * that would squeeze the rest into half the plot or less. Nearer, the plot holds the tallest.
 */
export const CLIP_FACTOR = 2;

/** The nearest-rank `q` quantile of `values` (0 for none). */
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * The y range a plot is drawn at, weight units, and whether stacks are clipped to it. A finished
 * model (order 'importance' or unset) is drawn at a robust range set by its columns, not by one
 * outlier: the nice range of the 90th-percentile column (a column's height is its taller side, at
 * least 1), used where the tallest stack is more than CLIP_FACTOR times it and it is below the
 * given range; the stacks past it are clipped and marked. A model in flight ('neuron') or a replay
 * in its trained order ('final') keeps the given steady range (nextRange), so its axis holds still.
 * `given` is StackPlotData.yMax, by default niceRange of the tallest stack. Non-finite heights count as 0.
 */
export function plotRange(
  data: { readonly yMax?: number | undefined; readonly order?: 'importance' | 'neuron' | 'final' | undefined },
  heights: readonly { readonly up: number; readonly down: number }[],
): { range: number; clipped: boolean } {
  const columns = heights.map((h) => Math.max(h.up, h.down)).map((v) => (Number.isFinite(v) ? v : 0));
  const tallest = Math.max(1, ...columns);
  const given = data.yMax !== undefined && data.yMax > 0 ? data.yMax : niceRange(tallest);
  const steady = data.order === 'neuron' || data.order === 'final';
  const robust = niceRange(Math.max(1, quantile(columns, ROBUST_QUANTILE)));
  if (!steady && robust < given && tallest > robust * CLIP_FACTOR) return { range: robust, clipped: true };
  return { range: given, clipped: tallest > given * (1 + 1e-9) };
}

/** Inner tick values, the largest that fits under half the range. */
const INNER_TICKS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/**
 * Tick values for a symmetric axis of half-range `range`: 0, ±range and one round value between,
 * ±range/2 where that is a whole number, else the largest of 1, 2, 5, 10, … under it (±1 on the
 * smallest ranges, a neuron's largest weight), e.g. [−4, −2, 0, 2, 4], [−25, −10, 0, 10, 25],
 * [−1.5, −1, 0, 1, 1.5]; a range of 1 gets [−1, 0, 1].
 */
export function rangeTicks(range: number): number[] {
  if (range <= 1) return [-range, 0, range];
  const half = range / 2;
  const inner = Number.isInteger(half) ? half : (INNER_TICKS.filter((t) => t <= half).at(-1) ?? 1);
  return [-range, -inner, 0, inner, range];
}

/** A y tick: the weight with a true minus sign and no trailing zeros ("−2.5", "0", "8"). */
export function formatRangeTick(v: number): string {
  return `${v < 0 ? '−' : ''}${Math.abs(v)}`;
}
