/**
 * The checks and per-instance readings of single named arrays: a bias's shape, finiteness, one
 * number per instance (densities, losses) and the decay of geometric importances. Each throws an
 * ImportError (errors.ts) or returns null with a note for the reader.
 */
import type { NetworkWeights } from '../network';
import { fail, shapeText } from './errors';
import { firstNonFinite, type NdArray, vectorOf } from './nd-array';

/** A bias of `length` per instance: [length] for one instance, [instances, length] for several. */
export function checkVector(name: string, array: NdArray, instances: number, length: number, what: string): void {
  const { shape } = array;
  const ok =
    (shape.length === 1 && instances === 1 && shape[0] === length) || (shape.length === 2 && shape[0] === instances && shape[1] === length);
  if (!ok) {
    const expected = instances === 1 ? `[${length}]` : `[${instances}, ${length}]`;
    fail(`${name} has shape ${shapeText(shape)}, but ${what}: expected ${expected}.`);
  }
}

/** Fails, naming the first NaN or Infinity and its index, on an array that is not finite throughout. */
export function checkFinite(name: string, array: NdArray): void {
  const bad = firstNonFinite(array);
  if (bad)
    fail(
      `${name} holds ${Number.isNaN(bad.value) ? 'NaN' : bad.value > 0 ? 'Infinity' : '−Infinity'} at ${bad.index}: a model with non-finite weights cannot be analysed.`,
    );
}

/**
 * Largest output bound a model may have: its loss per example, Σ_i I_i (|x_i| − y_i)² over
 * n ≤ 1,000 features, then stays below 1e154, and the loss's variance (its square) finite.
 */
export const MAX_OUTPUT_BOUND = 1e75;

/**
 * Fails when finite weights are so large that the model's outputs, and so its loss, could
 * overflow float64 (weights of 1e300 give a loss of Infinity, and an estimate of NaN ± NaN).
 * With |x_i| ≤ 1, output i is at most |b_i| + Σ_j |W2[i][j]|·(|b1_j| + Σ_i' |W1[j][i']|); the
 * check bounds that: it refuses no model with weights below about 1e35 (at the caps). `what` names the model ("Instance 3") in the message.
 */
export function checkOutputsFinite(weights: NetworkWeights, what: string): void {
  const hidden = weights.W1.map((row, j) => row.reduce((sum, w) => sum + Math.abs(w), Math.abs(weights.b1?.[j] ?? 0)));
  let bound = 0;
  let largest = 0;
  weights.W2.forEach((row, i) => {
    const output = row.reduce((sum, w, j) => sum + Math.abs(w) * hidden[j]!, Math.abs(weights.b[i] ?? 0));
    bound = Math.max(bound, output);
  });
  for (const row of [...weights.W1, ...weights.W2, weights.b]) for (const w of row) largest = Math.max(largest, Math.abs(w));
  if (!(bound <= MAX_OUTPUT_BOUND)) {
    fail(
      `${what} has weights as large as ${largest.toPrecision(3)}: its outputs could reach ${Number.isFinite(bound) ? bound.toPrecision(3) : 'beyond 1.8e308'}, so its loss overflows float64 and the model cannot be evaluated. Check the file’s units, or rescale the weights.`,
    );
  }
}

/** One number per instance from a [], [instances] or [instances, 1] array, or a [instances, n] array constant along its rows. */
export function perInstance(name: string, array: NdArray, instances: number, n: number, notes: string[]): number[] | null {
  const { shape, data } = array;
  if (shape.length === 0 || (shape.length === 1 && shape[0] === 1)) return Array(instances).fill(data[0]!);
  if ((shape.length === 1 && shape[0] === instances) || (shape.length === 2 && shape[0] === instances && shape[1] === 1))
    return Array.from(data);
  if (shape.length === 2 && (shape[0] === instances || shape[0] === 1) && shape[1] === n) {
    const rows = Array.from({ length: shape[0]! }, (_, k) => vectorOf(array, k));
    if (rows.every((row) => row.every((v) => v === row[0])))
      return Array.from({ length: instances }, (_, k) => rows[shape[0] === 1 ? 0 : k]![0]!);
    notes.push(
      `${name} differs between features; the page’s data gives every feature of an instance one density, so it is not used. Enter a density per instance.`,
    );
    return null;
  }
  notes.push(`${name} has shape ${shapeText(shape)}, which is not one value per instance; it is not used.`);
  return null;
}

/** The decay of geometric importances c·decay^i (the same for every instance), or null with a note. */
export function importanceDecayOf(array: NdArray, instances: number, n: number, notes: string[]): number | null {
  const { shape } = array;
  // One importance for every feature (the notebook's default torch.ones(())): decay 1.
  if (array.data.length === 1 && shape.length <= 1 && array.data[0]! > 0) return 1;
  const rows =
    shape.length === 1 && shape[0] === n
      ? 1
      : shape.length === 2 && (shape[0] === instances || shape[0] === 1) && shape[1] === n
        ? shape[0]!
        : 0;
  if (rows === 0) {
    notes.push(`importance has shape ${shapeText(shape)}, not [n] or [instances, n]; it is not used. Enter the importance decay.`);
    return null;
  }
  const first = vectorOf(array, 0);
  const same = Array.from({ length: rows }, (_, k) => vectorOf(array, k)).every((row) => row.every((v, i) => v === first[i]));
  const decay = n > 1 && first[0]! > 0 ? first[1]! / first[0]! : Number.NaN;
  // float32 importances are geometric to about 1e-6 relative; 1e-4 leaves room for that.
  const geometric = first.every((v, i) => Math.abs(v - first[0]! * decay ** i) <= 1e-4 * Math.abs(first[0]! * decay ** i));
  if (!same || !geometric || !(decay > 0 && decay <= 1)) {
    notes.push('importance is not of the form c·decay^i for all instances, the only form the page evaluates; enter the decay to use.');
    return null;
  }
  if (Math.abs(first[0]! - 1) > 1e-6) {
    notes.push(
      `importance starts at ${Number(first[0]!.toPrecision(4))} rather than 1: the page weighs feature i by decay^i, so its losses are the file’s divided by ${Number(first[0]!.toPrecision(4))}.`,
    );
  }
  return Number(decay.toPrecision(6));
}
