/**
 * The one entry point of the import: the bytes of the file (or the .npy files) a reader chose, to
 * a model in this page's layout or a plain-text reason why not. It never throws: whatever a file
 * holds, the caller gets an outcome, so a bad file can only ever produce a message.
 */
import { IMPORT_CAPS } from './caps';
import { count, fail, ImportError, quoted, shapeText } from './errors';
import type { ImportedModel, ReadOptions, ReadOutcome, ReadQuestion } from './imported-model';
import { readJsonModel, looksLikeJsonObject } from './json';
import { modelFromArrays } from './layouts';
import type { NdArray } from './nd-array';
import { isNpy, readNpy } from './npy';
import { isZip, readNpz } from './npz';
import { isSafetensors, readSafetensors } from './safetensors';

/** Thrown when a lone array's shape leaves open what it is: the reader's answer settles it. */
class AmbiguousArray extends ImportError {
  constructor(
    message: string,
    readonly question: ReadQuestion,
  ) {
    super(message);
  }
}

/**
 * Whether a lone unnamed array's shape says it is the tied W: [n, m] or [instances, n, m] with
 * more rows than columns (n > m), as Anthropic's notebook stores W. Other shapes leave it open.
 */
const shapeSaysTied = (shape: readonly number[]): boolean => (shape.length === 2 || shape.length === 3) && shape.at(-2)! > shape.at(-1)!;

/** The refusal, with its question, for a lone array whose shape could be W1 as well as a tied W. */
function ambiguousLoneArray(fileName: string, array: NdArray): never {
  const shape = shapeText(array.shape);
  const [rows, cols] = [array.shape.at(-2)!, array.shape.at(-1)!];
  const text = `${quoted(fileName)} is one array of shape ${shape}: is it W1 (m = ${rows} neurons × n = ${cols} features) or the tied W?`;
  throw new AmbiguousArray(
    `${quoted(fileName)} is one array of shape ${shape}, which could be W1 (${rows} neurons × ${cols} features) or the tied W of Anthropic’s notebook stored ${rows === cols ? 'either way' : 'transposed'}, and the page does not guess. Name the file W.npy to read it as the tied W, or name it W1.npy and choose it together with W2.npy and b.npy.`,
    {
      text,
      choices: [
        { answer: 'W1', label: 'W1 (then choose W2 and b with it)' },
        { answer: 'tied', label: 'the tied W (W2 = W1ᵀ)' },
      ],
    },
  );
}

/** A file as the reader chose it: its name (for messages and .npy array names) and its bytes. */
export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** "W1.npy", "W1 (1).npy", "dir/W1.npy" → "W1": the array name a lone .npy file stands for. */
export function arrayNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return base.replace(/\.npy$/i, '').replace(/ \(\d+\)$/, '');
}

const plural = (k: number, noun: string): string => `${k} ${noun}${k === 1 ? '' : 's'}`;

/** Reads .npy files chosen together as one model, each file's name naming its array. */
function fromNpyFiles(files: readonly ChosenFile[], options: ReadOptions): ImportedModel {
  if (files.length === 1) {
    const file = files[0]!;
    const array = readNpy(file.bytes, quoted(file.name));
    const name = options.loneArray === 'W1' ? 'W1' : options.loneArray === 'tied' ? 'W' : arrayNameOf(file.name);
    // A lone array can only be a whole model as the tied W; a lone W1 or b says which files are missing.
    const named = name === 'W' || !['W1', 'W2', 'W_in', 'W_out', 'b', 'b_final', 'b_out'].includes(name);
    // An unnamed array is the tied W only when its shape says so; otherwise the reader says which it is.
    if (named && name !== 'W' && !shapeSaysTied(array.shape) && (array.shape.length === 2 || array.shape.length === 3))
      ambiguousLoneArray(file.name, array);
    const arrays = new Map([[named ? 'W' : name, array]]);
    const source = !named
      ? `One .npy array, ${quoted(file.name)}.`
      : name === 'W'
        ? `One .npy array, ${quoted(file.name)}, read as the tied weights W of Anthropic’s notebook${options.loneArray === 'tied' ? ', as the reader said' : ''}.`
        : `One .npy array, ${quoted(file.name)}, read as the tied weights W of Anthropic’s notebook: its shape ${shapeText(array.shape)} has more rows than columns, [n, m] as the notebook stores W. Name the file W1.npy if it is not.`;
    try {
      return modelFromArrays(arrays, source);
    } catch (error) {
      if (error instanceof ImportError && !named) {
        fail(
          `${error.message} Choose all the model’s .npy files together (for example W1.npy, W2.npy and b.npy), or save them into one .npz with numpy.savez.`,
        );
      }
      throw error;
    }
  }
  const arrays = new Map<string, NdArray>();
  for (const file of files) {
    if (!isNpy(file.bytes)) fail(`${quoted(file.name)} is not a NumPy .npy array; several files chosen together must all be .npy arrays.`);
    const name = arrayNameOf(file.name);
    if (arrays.has(name)) fail(`Two of the chosen files are both ${quoted(name)}.`);
    arrays.set(name, readNpy(file.bytes, quoted(file.name)));
  }
  return modelFromArrays(arrays, `${plural(files.length, '.npy array')} chosen together, each named by its file.`);
}

function read(files: readonly ChosenFile[], options: ReadOptions): ImportedModel {
  if (files.length === 0) fail('No file was chosen.');
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > IMPORT_CAPS.bytes) {
    fail(
      `The file is ${count(Math.ceil(total / 2 ** 20))} MiB, over the page’s cap of ${count(IMPORT_CAPS.bytes / 2 ** 20)} MiB for a model file.`,
    );
  }
  if (files.length > 1 || isNpy(files[0]!.bytes)) return fromNpyFiles(files, options);
  const { name, bytes } = files[0]!;
  if (bytes.length === 0) fail(`${quoted(name)} is empty.`);
  if (isZip(bytes)) {
    const arrays = readNpz(bytes);
    return modelFromArrays(arrays, `An .npz archive of ${plural(arrays.size, 'array')}: ${[...arrays.keys()].map(quoted).join(', ')}.`);
  }
  // By its first bytes; a file named .safetensors that does not start like one gets the reader's specific reason.
  if (isSafetensors(bytes) || /\.safetensors$/i.test(name)) {
    const { arrays, metadata } = readSafetensors(bytes);
    const keys = Object.keys(metadata);
    return modelFromArrays(
      arrays,
      `A safetensors file of ${plural(arrays.size, 'tensor')}: ${[...arrays].map(([k, a]) => `${quoted(k)} (${a.stored ?? 'float64'})`).join(', ')}.${keys.length > 0 ? ` Its __metadata__ (${keys.slice(0, 8).map(quoted).join(', ')}) is not used; the page reads density, importance and loss as tensors.` : ''}`,
    );
  }
  if (looksLikeJsonObject(bytes)) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      fail(`${quoted(name)} starts like JSON but is not valid UTF-8 text.`);
    }
    return readJsonModel(text);
  }
  fail(
    `${quoted(name)} is not a model file the page reads: it is neither an .npz archive, a .npy array, a safetensors file nor a JSON object.`,
  );
}

/**
 * Reads the chosen file(s) as a model. Never throws: a bad file gives `{ ok: false, error }`, and
 * a lone array whose shape leaves open what it is gives a `question` besides; reading the files
 * again with the chosen answer in `options` settles it.
 */
export function readModelFiles(files: readonly ChosenFile[], options: ReadOptions = {}): ReadOutcome {
  try {
    return { ok: true, model: read(files, options) };
  } catch (error) {
    if (error instanceof AmbiguousArray) return { ok: false, error: error.message, question: error.question };
    if (error instanceof ImportError) return { ok: false, error: error.message };
    // Not a problem this module names: still a sentence, never a stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file could not be read (${quoted(detail).slice(1, -1)}).` };
  }
}
