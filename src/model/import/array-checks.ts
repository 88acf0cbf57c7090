/**
 * The checks and per-instance readings of single named arrays: a bias's shape, finiteness, one
 * number per instance (densities, losses) and the decay of geometric importances. Each throws an
 * ImportError (errors.ts) or returns null with a note for the reader.
 */
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
