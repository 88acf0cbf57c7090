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
