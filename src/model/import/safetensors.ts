/**
 * The safetensors format (huggingface/safetensors, docs "Format"): an unsigned 64-bit little-endian
 * header length N, N bytes of a UTF-8 JSON object, then the raw data. The header maps each tensor's
 * name to `{ dtype, shape, data_offsets: [begin, end] }` (offsets into the data, relative to its
 * start, end exclusive), and may hold `__metadata__`, an object of strings. Data is little-endian
 * and row-major.
 *
 * No npm parser fits: the `safetensors` package is a 0.0.1 stub, and Hugging Face's readers are
 * Python and Rust. The format is small, so it is read here directly, strictly: every offset is
 * checked against the file and the other tensors before any data is read, under IMPORT_CAPS.
 * Read: F16, BF16, F32, F64 (to float64). Written: F64, so the numbers are exact.
 */
import { IMPORT_CAPS } from './caps';
import { count, fail, quoted, shapeText } from './errors';
import { halfToFloat, type NdArray, type StoredFloat, sizeOf } from './nd-array';

/** The dtypes read, with their size in bytes and the float type they store. */
const FLOAT_DTYPES: ReadonlyMap<string, readonly [bytes: number, stored: StoredFloat]> = new Map([
  ['F16', [2, 'float16']],
  ['BF16', [2, 'bfloat16']],
  ['F32', [4, 'float32']],
  ['F64', [8, 'float64']],
] as const);

/** Dtypes the format defines but the page does not read, by what they hold. */
const OTHER_DTYPES: ReadonlyMap<string, string> = new Map([
  ...['U8', 'I8', 'U16', 'I16', 'U32', 'I32', 'U64', 'I64'].map((d) => [d, 'integers'] as const),
  ['BOOL', 'booleans'],
  ['F8_E4M3', '8-bit floats'],
  ['F8_E5M2', '8-bit floats'],
  ['C64', 'complex numbers'],
]);

/** Longest header read: a toy model's header is a few hundred bytes; 64 arrays stay far below this. */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * True when `bytes` starts like a safetensors file: a header length below 2^32 that fits in the
 * file, followed by `{`. (A JSON file cannot start this way: its bytes 4 to 7 are never zeros.)
 */
export function isSafetensors(bytes: Uint8Array): boolean {
  return bytes.length >= 10 && bytes[4] === 0 && bytes[5] === 0 && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0x7b;
}

/** Reads the header object; throws an ImportError on a truncated, oversized or malformed header. */
function readHeader(bytes: Uint8Array): { header: Record<string, unknown>; dataStart: number } {
  if (bytes.length < 8) fail(`The safetensors file is truncated: ${bytes.length} bytes is too short to hold its header length.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = Number(view.getBigUint64(0, true));
  if (length > bytes.length - 8) {
    fail(
      `The safetensors file is truncated or damaged: its header says it is ${count(length)} bytes long, but the file has ${count(bytes.length - 8)} bytes after the length.`,
    );
  }
  if (length > MAX_HEADER_BYTES) fail(`The safetensors header is ${count(length)} bytes long; a toy model’s is a few hundred.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length)));
  } catch {
    fail('The safetensors header is not valid JSON (the file is damaged, or not safetensors).');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    fail('The safetensors header is not a JSON object of tensors.');
  return { header: parsed as Record<string, unknown>, dataStart: 8 + length };
}

/** A tensor entry of the header, checked. */
interface Entry {
  readonly name: string;
  readonly itemSize: number;
  readonly stored: StoredFloat;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

function checkEntry(name: string, value: unknown, dataLength: number): Entry {
  const label = quoted(name);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(`The safetensors header’s entry ${label} is not an object with dtype, shape and data_offsets.`);
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (typeof dtype !== 'string') fail(`${label} has no dtype in the safetensors header.`);
  const float = FLOAT_DTYPES.get(dtype);
  if (!float) {
    const kind = OTHER_DTYPES.get(dtype);
    fail(
      kind
        ? `${label} holds ${kind} (${dtype}); weights must be F16, BF16, F32 or F64.`
        : `${label} has the dtype ${quoted(dtype)}, which safetensors does not define; weights must be F16, BF16, F32 or F64.`,
    );
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0))
    fail(`${label} has no valid shape in the safetensors header (a list of axis lengths).`);
  if (shape.length > 3) fail(`${label} has ${shape.length} axes; the page reads arrays of up to 3 (instances, rows, columns).`);
  const elements = sizeOf(shape);
  if (elements > IMPORT_CAPS.elementsPerArray) {
    fail(
      `${label} holds ${count(elements)} numbers (shape ${shapeText(shape)}), more than the ${count(IMPORT_CAPS.elementsPerArray)} the page reads in one array.`,
    );
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0))
    fail(`${label} has no valid data_offsets in the safetensors header (two byte offsets [begin, end]).`);
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataLength) {
    fail(
      `${label}’s data_offsets [${begin}, ${end}] lie outside the file’s ${count(dataLength)} bytes of data: the file is truncated or damaged.`,
    );
  }
  const [itemSize, stored] = float;
  if (end - begin !== elements * itemSize) {
    fail(
      `${label} is damaged: shape ${shapeText(shape)} in ${dtype} needs ${count(elements * itemSize)} bytes, its data_offsets give ${count(end - begin)}.`,
    );
  }
  return { name, itemSize, stored, shape, begin, end };
}

/** Decodes one checked entry's little-endian data to float64. */
function decode(entry: Entry, data: DataView): NdArray {
  const { shape, begin, itemSize, stored } = entry;
  const out = new Float64Array(sizeOf(shape));
  for (let e = 0; e < out.length; e++) {
    const at = begin + e * itemSize;
    out[e] =
      stored === 'float64'
        ? data.getFloat64(at, true)
        : stored === 'float32'
          ? data.getFloat32(at, true)
          : stored === 'float16'
            ? halfToFloat(data.getUint16(at, true))
            : // bfloat16 is the top half of a float32.
              bf16ToFloat(data.getUint16(at, true));
  }
  return stored === 'float64' ? { shape, data: out } : { shape, data: out, stored };
}

const bf16Scratch = new DataView(new ArrayBuffer(4));
function bf16ToFloat(bits: number): number {
  bf16Scratch.setUint32(0, bits << 16);
  return bf16Scratch.getFloat32(0);
}

/** What a safetensors file holds: its tensors by name in header order, and the keys of its `__metadata__`. */
export interface SafetensorsContents {
  readonly arrays: Map<string, NdArray>;
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Reads a safetensors file. Throws an ImportError naming the problem: a truncated file or header,
 * a header that is not a JSON object, an unknown or non-float dtype, data_offsets outside the data
 * or overlapping another tensor's, more than IMPORT_CAPS.arrays tensors, `__metadata__` that is not
 * an object of strings.
 */
export function readSafetensors(bytes: Uint8Array): SafetensorsContents {
  const { header, dataStart } = readHeader(bytes);
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = Object.create(null) as Record<string, string>;
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string'))
        fail('The safetensors header’s __metadata__ is not an object of strings, as the format requires.');
      Object.assign(metadata, value);
      continue;
    }
    if (entries.length >= IMPORT_CAPS.arrays)
      fail(`The safetensors file holds more than ${IMPORT_CAPS.arrays} tensors; a toy model needs a handful of arrays.`);
    entries.push(checkEntry(name, value, dataLength));
  }
  if (entries.length === 0) fail('The safetensors file holds no tensors.');
  const byStart = [...entries].sort((a, b) => a.begin - b.begin);
  for (let k = 1; k < byStart.length; k++) {
    const [a, b] = [byStart[k - 1]!, byStart[k]!];
    if (b.begin < a.end)
      fail(`The safetensors file is damaged: the data of ${quoted(a.name)} and ${quoted(b.name)} overlap (bytes ${b.begin} to ${a.end}).`);
  }
  const data = new DataView(bytes.buffer, bytes.byteOffset + dataStart, dataLength);
  return { arrays: new Map(entries.map((entry) => [entry.name, decode(entry, data)])), metadata };
}

/**
 * The safetensors bytes of named float64 arrays (dtype F64, row-major, in the order given), with
 * optional string metadata. The header is padded with spaces to a multiple of 8 bytes, as
 * Hugging Face's writer pads it, so the data is aligned.
 */
export function writeSafetensors(
  arrays: Iterable<readonly [name: string, array: NdArray]>,
  metadata?: Readonly<Record<string, string>>,
): Uint8Array<ArrayBuffer> {
  const list = [...arrays];
  const header: Record<string, unknown> = {};
  if (metadata) header['__metadata__'] = metadata;
  let offset = 0;
  for (const [name, array] of list) {
    if (array.data.length !== sizeOf(array.shape))
      throw new RangeError(`writeSafetensors: ${array.data.length} numbers do not fill shape ${shapeText(array.shape)}`);
    header[name] = { dtype: 'F64', shape: array.shape, data_offsets: [offset, offset + array.data.length * 8] };
    offset += array.data.length * 8;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const withSpaces = new Uint8Array(padded).fill(0x20);
    withSpaces.set(json);
    json = withSpaces;
  }
  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const [, array] of list) {
    for (const value of array.data) {
      view.setFloat64(at, value, true);
      at += 8;
    }
  }
  return out;
}
