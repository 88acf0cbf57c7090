/**
 * Small model files for the import tests, made in the test code: the same model family as
 * scripts/import-fixtures.py writes with NumPy (instance k of n features and m neurons,
 * W1[k, j, i] = (k + 1)·0.5 − 0.1·j + 0.01·i, W2[k, i, j] = 0.2·k + 0.03·i − 0.05·j,
 * b[k, i] = 0.01·(i − k)), arranged in any layout, and .npy bytes with any header, for the
 * malformed cases.
 */
import { zipSync } from 'fflate';
import type { ChosenFile, NdArray } from '../../../../src/model/import';
import { writeNpz } from '../../../../src/model/import';
import type { NetworkWeights } from '../../../../src/model/network';

export const w1 = (k: number, j: number, i: number): number => (k + 1) * 0.5 - 0.1 * j + 0.01 * i;
export const w2 = (k: number, i: number, j: number): number => 0.2 * k + 0.03 * i - 0.05 * j;
export const bias = (k: number, i: number): number => 0.01 * (i - k);

/** Instance k of the family in this page's layout: W1 [m][n], W2 [n][m], b [n]. */
export function expectedInstance(k: number, n: number, m: number): NetworkWeights {
  return {
    W1: Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => w1(k, j, i))),
    W2: Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => w2(k, i, j))),
    b: Array.from({ length: n }, (_, i) => bias(k, i)),
  };
}

/** An array of `shape` whose element at index [a, b, c…] is f(a, b, c…). */
export function tensor(shape: readonly number[], f: (...index: number[]) => number): NdArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(size);
  for (let e = 0; e < size; e++) {
    const index: number[] = [];
    let rest = e;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index.unshift(rest % shape[axis]!);
      rest = Math.floor(rest / shape[axis]!);
    }
    data[e] = f(...index);
  }
  return { shape, data };
}

/** The family's arrays: per instance W1 as [m, n] or [n, m], W2 as [n, m] or [m, n], with or without the instance axis (k = 1). */
export function familyArrays(options: {
  readonly k: number;
  readonly n: number;
  readonly m: number;
  readonly w1Rows?: 'neurons' | 'features';
  readonly w2Rows?: 'features' | 'neurons';
  readonly instanceAxis?: boolean;
}): { W1: NdArray; W2: NdArray; b: NdArray } {
  const { k, n, m, w1Rows = 'neurons', w2Rows = 'features', instanceAxis = true } = options;
  const lead = instanceAxis ? [k] : [];
  const at = (index: number[]): [number, number, number] =>
    instanceAxis ? (index as [number, number, number]) : [0, index[0]!, index[1]!];
  return {
    W1: tensor([...lead, ...(w1Rows === 'neurons' ? [m, n] : [n, m])], (...ix) => {
      const [kk, r, c] = at(ix);
      return w1Rows === 'neurons' ? w1(kk, r, c) : w1(kk, c, r);
    }),
    W2: tensor([...lead, ...(w2Rows === 'features' ? [n, m] : [m, n])], (...ix) => {
      const [kk, r, c] = at(ix);
      return w2Rows === 'features' ? w2(kk, r, c) : w2(kk, c, r);
    }),
    b: tensor([...lead, n], (...ix) => (instanceAxis ? bias(ix[0]!, ix[1]!) : bias(0, ix[0]!))),
  };
}

/** An .npz file of named arrays (float64), as the reader would choose it. */
export function npzFile(arrays: Record<string, NdArray>, name = 'model.npz'): ChosenFile {
  return { name, bytes: writeNpz(Object.entries(arrays)) };
}

/** .npy bytes with any header: `descr`, `fortranOrder`, `shape` as written, and raw little-endian data. */
export function npyBytes(options: {
  readonly descr?: string;
  readonly fortranOrder?: boolean;
  readonly shape: readonly number[];
  readonly values?: readonly number[];
  /** Raw data bytes instead of values. */
  readonly raw?: Uint8Array;
  readonly version?: number;
}): Uint8Array {
  const { descr = '<f8', fortranOrder = false, shape, values = [], version = 1 } = options;
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const descrText = descr.startsWith('[') ? descr : `'${descr}'`;
  const dict = `{'descr': ${descrText}, 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${tuple}, }`;
  const prefix = version === 1 ? 10 : 12;
  const header = `${dict}${' '.repeat((64 - ((prefix + dict.length + 1) % 64)) % 64)}\n`;
  let raw = options.raw;
  if (!raw) {
    const size = { '<f8': 8, '<f4': 4, '<f2': 2 }[descr] ?? 8;
    raw = new Uint8Array(values.length * size);
    const view = new DataView(raw.buffer);
    values.forEach((v, e) => {
      if (size === 8) view.setFloat64(e * 8, v, true);
      else if (size === 4) view.setFloat32(e * 4, v, true);
      else view.setUint16(e * 2, float16Bits(v), true);
    });
  }
  const out = new Uint8Array(prefix + header.length + raw.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let c = 0; c < header.length; c++) out[prefix + c] = header.charCodeAt(c);
  out.set(raw, prefix + header.length);
  return out;
}

/** IEEE half-precision bits of a value exactly representable in float16 (the tests use such values). */
function float16Bits(value: number): number {
  if (value === 0) return 0;
  const sign = value < 0 ? 0x8000 : 0;
  const abs = Math.abs(value);
  const exponent = Math.floor(Math.log2(abs));
  const mantissa = Math.round((abs / 2 ** exponent - 1) * 1024);
  return sign | ((exponent + 15) << 10) | mantissa;
}

/** A zip of raw entries (any names, any bytes), for archives the page must refuse. */
export function zipOf(entries: Record<string, Uint8Array>, name = 'model.npz'): ChosenFile {
  return { name, bytes: zipSync(entries) };
}

/** A tensor entry for `safetensorsBytes`: values encoded in `dtype`, or a header entry written as given. */
export interface SafetensorsEntry {
  readonly dtype: 'F16' | 'BF16' | 'F32' | 'F64' | string;
  readonly shape: readonly number[];
  readonly values?: readonly number[];
  /** data_offsets to write instead of the true ones. */
  readonly offsets?: readonly [number, number];
}

/**
 * safetensors bytes as Hugging Face's writer lays them out (8-byte little-endian header length,
 * JSON header, data in entry order), written independently of the page's writer; `header`
 * replaces the JSON header text, `cut` drops bytes from the end, for malformed files.
 */
export function safetensorsBytes(
  entries: Record<string, SafetensorsEntry>,
  options: { readonly metadata?: unknown; readonly header?: string; readonly cut?: number } = {},
): Uint8Array {
  const size = (dtype: string): number => ({ F64: 8, F32: 4, F16: 2, BF16: 2 })[dtype] ?? 1;
  const chunks: Uint8Array[] = [];
  const header: Record<string, unknown> = options.metadata === undefined ? {} : { __metadata__: options.metadata };
  let offset = 0;
  for (const [name, entry] of Object.entries(entries)) {
    const values = entry.values ?? [];
    const bytes = new Uint8Array(values.length * size(entry.dtype));
    const view = new DataView(bytes.buffer);
    values.forEach((v, e) => {
      if (entry.dtype === 'F64') view.setFloat64(e * 8, v, true);
      else if (entry.dtype === 'F32') view.setFloat32(e * 4, v, true);
      else if (entry.dtype === 'F16') view.setUint16(e * 2, float16Bits(v), true);
      else if (entry.dtype === 'BF16') {
        const f = new DataView(new ArrayBuffer(4));
        f.setFloat32(0, v);
        view.setUint16(e * 2, f.getUint16(0), true); // truncation: the tests use values exact in bfloat16
      }
    });
    chunks.push(bytes);
    header[name] = { dtype: entry.dtype, shape: entry.shape, data_offsets: entry.offsets ?? [offset, offset + bytes.length] };
    offset += bytes.length;
  }
  const json = new TextEncoder().encode(options.header ?? JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return options.cut ? out.subarray(0, out.length - options.cut) : out;
}
