/**
 * An n-dimensional array of float64 in C (row-major) order, the form every reader below produces:
 * `data[((i0·d1 + i1)·d2 + i2)…]` is element [i0, i1, i2, …] for shape [d0, d1, d2, …].
 */
export interface NdArray {
  readonly shape: readonly number[];
  /** shape.reduce(×) numbers, row-major. */
  readonly data: Float64Array;
}

/** Number of elements of a shape (1 for a scalar's shape []). */
export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Rows [rows, cols] of instance `k` of a [instances, rows, cols] array (or of a [rows, cols] array
 * when k = 0 and it has no instance axis), as nested arrays; transposed to [cols, rows] when asked.
 */
export function matrixOf(array: NdArray, k: number, transpose: boolean): number[][] {
  const rows = array.shape.at(-2)!;
  const cols = array.shape.at(-1)!;
  const base = k * rows * cols;
  const { data } = array;
  if (!transpose) {
    return Array.from({ length: rows }, (_, r) => Array.from(data.subarray(base + r * cols, base + (r + 1) * cols)));
  }
  return Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => data[base + r * cols + c]!));
}

/** Vector `k` of a [instances, length] array, or the whole of a [length] array. */
export function vectorOf(array: NdArray, k: number): number[] {
  const length = array.shape.at(-1)!;
  return Array.from(array.data.subarray(k * length, (k + 1) * length));
}

/** The first non-finite element as a readable index "[2, 5, 7]", or null when all are finite. */
export function firstNonFinite(array: NdArray): { readonly index: string; readonly value: number } | null {
  const { data, shape } = array;
  for (let e = 0; e < data.length; e++) {
    const value = data[e]!;
    if (Number.isFinite(value)) continue;
    const index: number[] = [];
    let rest = e;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index.unshift(rest % shape[axis]!);
      rest = Math.floor(rest / shape[axis]!);
    }
    return { index: `[${index.join(', ')}]`, value };
  }
  return null;
}
