/**
 * The limits on a model a reader loads from a file, declared once. They bound what one file can
 * make the page allocate and compute: the analysis of one instance grows as n²·m (the feature
 * overlaps): with its loss estimate about 2 s per instance at the caps on one core (measured in
 * Node on the 2-core development machine), and the page analyses up to `instances` of them.
 */
export const IMPORT_CAPS = Object.freeze({
  /** Input features. */
  n: 1000,
  /** Hidden neurons. */
  m: 200,
  /** Independent models trained side by side (the leading axis of a 3-D array). */
  instances: 32,
  /** Bytes of the file (or of all files chosen together), and of an archive's entries once unpacked. */
  bytes: 128 * 2 ** 20,
  /** Arrays in one .npz archive or weights JSON. */
  arrays: 64,
  /** Numbers in one array: a [32, 200, 1000] weight tensor. */
  elementsPerArray: 32 * 200 * 1000,
});
