/**
 * The one entry point of the import: the bytes of the file (or the .npy files) a reader chose, to
 * a model in this page's layout or a plain-text reason why not. It never throws: whatever a file
 * holds, the caller gets an outcome, so a bad file can only ever produce a message.
 */
import { IMPORT_CAPS } from './caps';
import { count, fail, ImportError, quoted } from './errors';
import type { ImportedModel, ReadOutcome } from './imported-model';
import { readJsonModel, looksLikeJsonObject } from './json';
import { modelFromArrays } from './layouts';
import type { NdArray } from './nd-array';
import { isNpy, readNpy } from './npy';
import { isZip, readNpz } from './npz';

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
function fromNpyFiles(files: readonly ChosenFile[]): ImportedModel {
  if (files.length === 1) {
    const file = files[0]!;
    const name = arrayNameOf(file.name);
    const array = readNpy(file.bytes, quoted(file.name));
    // A lone array can only be a whole model as the tied W; a lone W1 or b says which files are missing.
    const named = name === 'W' || !['W1', 'W2', 'W_in', 'W_out', 'b', 'b_final', 'b_out'].includes(name);
    const arrays = new Map([[named ? 'W' : name, array]]);
    const source = named
      ? `One .npy array, ${quoted(file.name)}, read as the tied weights W of Anthropic’s notebook.`
      : `One .npy array, ${quoted(file.name)}.`;
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

function read(files: readonly ChosenFile[]): ImportedModel {
  if (files.length === 0) fail('No file was chosen.');
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > IMPORT_CAPS.bytes) {
    fail(
      `The file is ${count(Math.ceil(total / 2 ** 20))} MiB, over the page’s cap of ${count(IMPORT_CAPS.bytes / 2 ** 20)} MiB for a model file.`,
    );
  }
  if (files.length > 1 || isNpy(files[0]!.bytes)) return fromNpyFiles(files);
  const { name, bytes } = files[0]!;
  if (bytes.length === 0) fail(`${quoted(name)} is empty.`);
  if (isZip(bytes)) {
    const arrays = readNpz(bytes);
    return modelFromArrays(arrays, `An .npz archive of ${plural(arrays.size, 'array')}: ${[...arrays.keys()].map(quoted).join(', ')}.`);
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
  fail(`${quoted(name)} is not a model file the page reads: it is neither an .npz archive, a .npy array nor a JSON object.`);
}

/** Reads the chosen file(s) as a model. Never throws: a bad file gives `{ ok: false, error }`. */
export function readModelFiles(files: readonly ChosenFile[]): ReadOutcome {
  try {
    return { ok: true, model: read(files) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.message };
    // Not a problem this module names: still a sentence, never a stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file could not be read (${quoted(detail).slice(1, -1)}).` };
  }
}
