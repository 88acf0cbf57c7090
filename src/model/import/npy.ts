/**
 * NumPy's .npy format (numpy.lib.format): a magic string, a version, a Python-dict header
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (7, 40, 100), }`, then the raw data.
 *
 * Reading: the header is checked here, strictly, before any data is touched, because npyjs
 * (which decodes the data) trusts it: it does not compare the data's length with the shape,
 * throws a bare RangeError on misaligned data, and reports `fortran_order` without reordering the
 * data. So this module accepts little-endian float16/32/64 only, checks the byte count against the
 * shape and the caps, hands npyjs an exact, aligned buffer, and reorders Fortran-order data itself
 * (NumPy writes a transposed view, `W.T`, in Fortran order).
 *
 * Writing: a minimal writer for float64 arrays in C order, format version 1.0, header padded to a
 * multiple of 64 bytes as NumPy pads it.
 */
import { parse as parseNpyData } from 'npyjs';
import { IMPORT_CAPS } from './caps';
import { count, fail, quoted, shapeText } from './errors';
import { type NdArray, sizeOf } from './nd-array';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** The dtypes read, with their element size in bytes. */
const FLOAT_DTYPES: ReadonlyMap<string, number> = new Map([
  ['<f2', 2],
  ['<f4', 4],
  ['<f8', 8],
]);

/** True when `bytes` starts with the .npy magic string. */
export const isNpy = (bytes: Uint8Array): boolean => MAGIC.every((b, k) => bytes[k] === b);

interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: number[];
  /** Byte offset of the data. */
  readonly dataOffset: number;
}

/** What is wrong with a dtype the page does not read, as a sentence about array `name`. */
function dtypeProblem(name: string, descr: string): string {
  const code = descr.slice(1);
  if (descr === '|O' || descr.startsWith('|O')) {
    return `${name} holds Python objects (a pickled array), which the page never unpickles. Save plain float arrays, e.g. np.asarray(w, dtype=np.float32).`;
  }
  if (descr[0] === '>' && /^f[248]$/.test(code)) {
    return `${name} is stored big-endian (${descr}). Save it little-endian, e.g. w.astype('<f4').`;
  }
  const kind = /^[iu]\d$/.test(code)
    ? 'integers'
    : /^b1$/.test(code)
      ? 'booleans'
      : /^c\d+$/.test(code)
        ? 'complex numbers'
        : /^[US]\d+$/.test(code)
          ? 'text'
          : descr.startsWith('[')
            ? 'records (a structured dtype)'
            : `the dtype ${quoted(descr)}`;
  return `${name} holds ${kind}; weights must be float16, float32 or float64.`;
}

/** Parses the header dict; throws an ImportError naming array `name` when it is not NumPy's. */
function readHeader(bytes: Uint8Array, name: string): NpyHeader {
  if (bytes.length < 10) fail(`${name} is truncated: ${bytes.length} bytes is too short to be a .npy array.`);
  if (!isNpy(bytes)) fail(`${name} is not a NumPy array: it does not start with the .npy magic string.`);
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (major < 1 || major > 3)
    fail(`${name} uses .npy format version ${major}.${bytes[7]}, which the page does not know (it reads 1.0 to 3.0).`);
  if (major > 1 && bytes.length < 12) fail(`${name} is truncated inside its header.`);
  const headerStart = major === 1 ? 10 : 12;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = headerStart + headerLength;
  if (dataOffset > bytes.length) fail(`${name} is truncated inside its header.`);
  const decoder = new TextDecoder(major === 3 ? 'utf-8' : 'latin1');
  const header = decoder.decode(bytes.subarray(headerStart, dataOffset));
  const damaged = `${name} has a damaged .npy header.`;
  if (header.length > 4096) fail(damaged);
  const descr = /'descr'\s*:\s*('([^']*)'|\[)/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)\b/.exec(header);
  const shape = /'shape'\s*:\s*\(\s*((?:\d+\s*,\s*)*\d*)\s*,?\s*\)/.exec(header);
  if (!descr || !fortran || !shape || !/^\s*\{/.test(header)) fail(damaged);
  const dims = shape[1]!
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (dims.some((d) => d.length > 9)) fail(`${name} has an axis longer than the page reads (${quoted(dims.find((d) => d.length > 9)!)}).`);
  return { descr: descr[2] ?? '[', fortranOrder: fortran[1] === 'True', shape: dims.map(Number), dataOffset };
}

/** Reorders a Fortran-order (column-major) buffer of `shape` into C order. */
function toCOrder(data: Float64Array, shape: readonly number[]): Float64Array {
  const out = new Float64Array(data.length);
  const rank = shape.length;
  // Strides of the C-order output and of the Fortran-order input, element by element.
  const index = new Array<number>(rank).fill(0);
  const fortranStride = shape.map((_, axis) => shape.slice(0, axis).reduce((a, b) => a * b, 1));
  for (let c = 0; c < out.length; c++) {
    let f = 0;
    for (let axis = 0; axis < rank; axis++) f += index[axis]! * fortranStride[axis]!;
    out[c] = data[f]!;
    for (let axis = rank - 1; axis >= 0; axis--) {
      index[axis]!++;
      if (index[axis]! < shape[axis]!) break;
      index[axis] = 0;
    }
  }
  return out;
}

/**
 * Reads one .npy array; `name` names it in messages (the archive entry or the file). Returns its
 * shape and its values as float64 in C order. Throws an ImportError on anything NumPy would not
 * have written as a float array, and on an array over IMPORT_CAPS.elementsPerArray.
 */
export function readNpy(bytes: Uint8Array, name: string): NdArray {
  const header = readHeader(bytes, name);
  const { descr, shape, dataOffset } = header;
  const itemSize = FLOAT_DTYPES.get(descr);
  if (itemSize === undefined) fail(dtypeProblem(name, descr));
  if (shape.length > 3) fail(`${name} has ${shape.length} axes; the page reads arrays of up to 3 (instances, rows, columns).`);
  const elements = sizeOf(shape);
  if (elements > IMPORT_CAPS.elementsPerArray) {
    fail(
      `${name} holds ${count(elements)} numbers (shape ${shapeText(shape)}), more than the ${count(IMPORT_CAPS.elementsPerArray)} the page reads in one array (${IMPORT_CAPS.instances} instances × ${IMPORT_CAPS.m} neurons × ${count(IMPORT_CAPS.n)} features).`,
    );
  }
  const needed = elements * itemSize;
  const available = bytes.length - dataOffset;
  if (available < needed) {
    fail(`${name} is truncated: shape ${shapeText(shape)} needs ${count(needed)} bytes of data, the file has ${count(available)}.`);
  }
  if (available > needed)
    fail(`${name} is damaged: it has ${count(available - needed)} bytes after the data its shape ${shapeText(shape)} describes.`);
  if (dataOffset % itemSize !== 0)
    fail(`${name} is damaged: its data does not start at a multiple of ${itemSize} bytes, as NumPy writes it.`);
  // npyjs needs a whole ArrayBuffer of its own; slice() copies exactly the header and data.
  const buffer = bytes.slice(0, dataOffset + needed).buffer;
  let decoded: ReturnType<typeof parseNpyData>;
  try {
    decoded = parseNpyData(buffer);
  } catch (error) {
    fail(`${name} could not be decoded (${error instanceof Error ? error.message : String(error)}).`);
  }
  const raw = decoded.data as Float64Array | Float32Array;
  if (raw.length !== elements || decoded.shape.join(',') !== shape.join(',')) fail(`${name} has a damaged .npy header.`);
  const data = raw instanceof Float64Array ? raw : Float64Array.from(raw);
  const ordered = header.fortranOrder && shape.length > 1 ? toCOrder(data, shape) : data;
  // `stored` only for the narrower floats: absent means float64.
  return descr === '<f8' ? { shape, data: ordered } : { shape, data: ordered, stored: descr === '<f2' ? 'float16' : 'float32' };
}

/** Whether this machine stores numbers little-endian, as '<f8' does (every browser platform does). */
const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/** A Python tuple literal for a shape: (), (3,), (7, 40, 100). */
const pythonTuple = (shape: readonly number[]): string => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);

/** The .npy bytes (format 1.0, '<f8', C order) of a float64 array of `shape`; data.length must be the shape's size. */
export function writeNpy(array: NdArray): Uint8Array {
  const { shape, data } = array;
  if (data.length !== sizeOf(shape)) throw new RangeError(`writeNpy: ${data.length} numbers do not fill shape ${shapeText(shape)}`);
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${pythonTuple(shape)}, }`;
  // NumPy pads the header with spaces and a newline so that the data starts at a multiple of 64.
  const unpadded = 10 + dict.length + 1;
  const header = `${dict}${' '.repeat((64 - (unpadded % 64)) % 64)}\n`;
  const out = new Uint8Array(10 + header.length + data.length * 8);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let k = 0; k < header.length; k++) out[10 + k] = header.charCodeAt(k);
  if (LITTLE_ENDIAN) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  } else {
    const body = new DataView(out.buffer, 10 + header.length);
    for (let e = 0; e < data.length; e++) body.setFloat64(e * 8, data[e]!, true);
  }
  return out;
}
