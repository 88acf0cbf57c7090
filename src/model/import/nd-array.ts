/**
 * An n-dimensional array of float64 in C (row-major) order, the form every reader below produces:
 * `data[((i0·d1 + i1)·d2 + i2)…]` is element [i0, i1, i2, …] for shape [d0, d1, d2, …].
 */
export interface NdArray {
  readonly shape: readonly number[];
  /** shape.reduce(×) numbers, row-major. */
  readonly data: Float64Array;
  /** The float type the file stored the numbers in (float64 when absent): it bounds their meaningful digits. */
  readonly stored?: StoredFloat;
}

/** The float types the readers accept. */
export type StoredFloat = 'float16' | 'bfloat16' | 'float32' | 'float64';

/** Rounds a float64 to the nearest value of float type `stored` (round half to even). */
export function roundToStored(value: number, stored: StoredFloat): number {
  if (stored === 'float64') return value;
  if (stored === 'float32') return Math.fround(value);
  const scratch = new DataView(new ArrayBuffer(4));
  if (stored === 'bfloat16') {
    scratch.setFloat32(0, value);
    const bits = scratch.getUint32(0);
    if (Number.isNaN(value)) return value;
    const rounded = (bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000;
    scratch.setUint32(0, rounded >>> 0);
    return scratch.getFloat32(0);
  }
  return halfToFloat(floatToHalf(value));
}

/**
 * The shortest decimal that reads back as the same `stored` float: a float32 0.3 is
 * 0.30000001192092896 in float64, and this gives 0.3, the number the writer typed.
 */
export function storedDecimal(value: number, stored: StoredFloat = 'float64'): number {
  if (!Number.isFinite(value) || stored === 'float64') return value;
  for (let digits = 1; digits < 17; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (roundToStored(candidate, stored) === value) return candidate;
  }
  return value;
}

/** Rounds to the nearest integer, ties to the even one (IEEE 754's default rounding). */
function roundHalfEven(q: number): number {
  const floor = Math.floor(q);
  const rest = q - floor;
  return rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
}

/** The float16 bits (IEEE 754 binary16) of a number, rounded to nearest even. */
export function floatToHalf(value: number): number {
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (Number.isNaN(value)) return 0x7e00;
  if (a >= 65520) return sign | 0x7c00; // rounds past the largest half, 65504
  if (a < 2 ** -24 / 2) return sign;
  if (a < 2 ** -14) {
    // Subnormal: a multiple of 2^-24.
    return sign | roundHalfEven(a / 2 ** -24);
  }
  let exponent = Math.floor(Math.log2(a));
  if (2 ** exponent > a) exponent--;
  if (2 ** (exponent + 1) <= a) exponent++;
  let mantissa = roundHalfEven((a / 2 ** exponent - 1) * 1024);
  if (mantissa === 1024) {
    mantissa = 0;
    exponent++;
  }
  if (exponent > 15) return sign | 0x7c00;
  return sign | ((exponent + 15) << 10) | mantissa;
}

/** The number a float16's bits hold. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
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
