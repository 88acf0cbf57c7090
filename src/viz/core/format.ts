/**
 * How the article and its figures write numbers, so that one value reads the same in the prose, a
 * caption, a tooltip and a screen-reader description. Print conventions: a true minus sign (U+2212)
 * rather than a hyphen, and no signed zero: a value that rounds to zero is written "0.00", because
 * "−0.00" suggests a sign the number does not have.
 */

const MINUS = '−';

/** NaN, ∞ and −∞ as words and symbols a reader knows, for the formatters below. */
function nonFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '∞' : `${MINUS}∞`;
}

/**
 * `value` rounded to `digits` decimals (default 2), with a true minus sign. A value that rounds to
 * zero has no sign: formatNumber(−0.001) is "0.00". Weights, ratios and scores are unitless.
 */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/**
 * A feature density 1 − S (the probability that a feature is present, in (0, 1]) as the paper
 * writes it: "1", "0.3", "0.03", "0.001". At most three significant digits, the resolution of the
 * live section's slider (so "0.0316" stays "0.0316"), and no float noise (0.1 + 0.2 is "0.3").
 */
export function formatDensity(density: number): string {
  if (!Number.isFinite(density)) return nonFinite(density);
  return String(Number(density.toPrecision(3))).replace(/^-/, MINUS);
}

/**
 * A training loss (the importance-weighted squared error per example, unitless) in exponent
 * notation with three significant digits, "2.13e-3": losses fall through several decades during a
 * run, and a fixed number of decimals would print most of them as 0.00.
 */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return nonFinite(loss);
  return loss.toExponential(2).replace(/^-/, MINUS);
}

/** A count with its noun in the right number: "1 neuron", "3 neurons", "2 axes" (with `nouns`). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/**
 * A whole count (steps, examples, bytes) with thousands separators, the same in every locale:
 * formatCount(10000) is "10,000". The one writing of step counts in the prose, captions and status line.
 */
export function formatCount(count: number): string {
  return count.toLocaleString('en');
}
