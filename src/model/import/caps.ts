/**
 * The limits on a model a reader loads from a file, declared once. They bound what one file can
 * make the page allocate and compute:
 * - the model: at most n = 1,000 features, m = 200 neurons and 32 instances, so W1 and W2 hold at
 *   most 2 · 32 · 200 · 1,000 = 12.8 million weights;
 * - the file: at most 128 MiB (of all files chosen together, and of an archive's entries unpacked),
 *   64 arrays, 6.4 million numbers per array.
 * The memory this implies: the import worker holds the file (≤ 128 MiB), its arrays as float64
 * (≤ 12.8 M weights · 8 B ≈ 100 MiB) and the model's weights once more as rows (≈ 100 MiB), so
 * about 330 MiB at the caps, all in the worker. The page's own thread keeps a reference to the
 * chosen File (not its bytes) and each instance's analysis, which is bounded whatever the weights
 * (view.ts: at most m · 66 plot segments and 40 ± pairs, under 1 MB), so ≈ 30 MB for 32 instances
 * of 1,000 × 200, and it draws one instance at a time (loaded.ts). Time: the analysis of one
 * instance grows as n²·m (the feature overlaps): with its loss estimate about 2 s per instance at
 * the caps on one core (measured in Node on the 2-core development machine), all in the worker.
 * tests/browser/heavy-import.test.ts loads a dense model at these caps and checks the page's
 * longest task and heap.
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
