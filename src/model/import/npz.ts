/**
 * NumPy's .npz archives (numpy.savez, numpy.savez_compressed): a zip file of .npy arrays, one entry
 * `name.npy` per array. fflate unpacks the zip; npy.ts reads each array.
 *
 * A zip is input from strangers, so the entries are vetted from the central directory before
 * anything is inflated: at most IMPORT_CAPS.arrays entries, at most IMPORT_CAPS.bytes unpacked in
 * all, only stored or deflated entries, only .npy arrays. fflate inflates an entry into a buffer of
 * the size the directory declares and never grows it, so a lying directory cannot make it allocate
 * more; the .npy reader then finds the length wrong.
 */
import { type UnzipFileInfo, unzipSync, zipSync } from 'fflate';
import { IMPORT_CAPS } from './caps';
import { count, fail, ImportError, quoted } from './errors';
import type { NdArray } from './nd-array';
import { readNpy, writeNpy } from './npy';

/** True when `bytes` starts like a zip archive (a local file header, or the end record of an empty one). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);

/** Zip compression methods fflate unpacks: stored and deflated, the two numpy.savez* write. */
const READABLE_METHODS = new Set([0, 8]);

/** Checks one central-directory entry before it is inflated; `seen` accumulates over the archive. */
function vetEntry(file: UnzipFileInfo, seen: { entries: number; bytes: number }): boolean {
  if (file.name.endsWith('/')) return false;
  seen.entries++;
  if (seen.entries > IMPORT_CAPS.arrays)
    fail(`The archive holds more than ${IMPORT_CAPS.arrays} files; a toy model needs a handful of arrays.`);
  if (/(^|\/)[^/]*\.pkl$/.test(file.name) || /(^|\/)data\/\d+$/.test(file.name)) {
    fail(
      'This is a PyTorch checkpoint (torch.save), not a NumPy archive. The page does not unpickle Python objects; convert the checkpoint with the snippet in docs/your-model.md.',
    );
  }
  if (!file.name.endsWith('.npy')) fail(`The archive holds ${quoted(file.name)}, which is not a NumPy array (.npy).`);
  if (!READABLE_METHODS.has(file.compression)) {
    fail(
      `${quoted(file.name)} is compressed with zip method ${file.compression}; numpy.savez and numpy.savez_compressed write archives the page can read.`,
    );
  }
  seen.bytes += file.originalSize;
  if (seen.bytes > IMPORT_CAPS.bytes) {
    fail(`The archive unpacks to more than ${count(IMPORT_CAPS.bytes / 2 ** 20)} MiB, over the page’s cap for a model file.`);
  }
  return true;
}

/**
 * The arrays of an .npz archive by name (the entry name without `.npy`), in archive order. Throws
 * an ImportError naming the problem: a damaged or truncated zip, an entry that is not a float .npy
 * array, an archive over the caps.
 */
export function readNpz(bytes: Uint8Array): Map<string, NdArray> {
  const seen = { entries: 0, bytes: 0 };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => vetEntry(file, seen) });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    fail(`The .npz archive is damaged or truncated (the zip reader says: ${error instanceof Error ? error.message : String(error)}).`);
  }
  const names = Object.keys(entries);
  if (names.length === 0) fail('The .npz archive holds no arrays.');
  const arrays = new Map<string, NdArray>();
  for (const entry of names) {
    const name = entry.replace(/\.npy$/, '');
    arrays.set(name, readNpy(entries[entry]!, quoted(name)));
  }
  return arrays;
}

/** The .npz bytes (deflated, as numpy.savez_compressed writes) of named float64 arrays. */
export function writeNpz(arrays: Iterable<readonly [name: string, array: NdArray]>): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = {};
  for (const [name, array] of arrays) files[`${name}.npy`] = writeNpy(array);
  // A fixed timestamp: the same model always downloads as the same bytes.
  return zipSync(files, { level: 6, mtime: new Date(2022, 8, 14) });
}
