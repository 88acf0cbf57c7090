/**
 * The sparse synthetic data of the paper's model (docs/weights.md, "The model"): x_i = 0 with
 * probability S = 1 − density, otherwise uniform on [−1, 1].
 *
 * Batches come out compacted, which is exact and is where sparse levels get cheap: every example
 * with no active feature has the same hidden state (zero) and the same output (ReLU(b)), so all of
 * them are represented by one zero row whose weight is their count. Rows are padded to a multiple
 * of `ROW_BUCKET` with weight-0 zero rows, so a GPU backend sees only a handful of distinct shapes.
 */
import { createRng, type Rng } from './random';

export const ROW_BUCKET = 64;
/** Below this density the generator skips geometrically between non-zeros: O(non-zeros) work. */
const SKIP_BELOW_DENSITY = 0.2;
/** Draws the sparse path takes from the generator at a time. */
const DRAW_POOL = 4096;

export interface SparseBatch {
  /** Row-major [rows × n]: the examples with an active feature, then zero rows. */
  readonly x: Float32Array;
  /** The same inputs transposed, [n × rows]: the engine's weight gradient needs xᵀ, and a wasm transpose costs more than this copy. */
  readonly xT: Float32Array;
  readonly rows: number;
  readonly n: number;
  /**
   * How many of the batch's examples each row stands for: 1 for an example with an active feature,
   * the number of all-zero examples for the first zero row, 0 for padding rows. Sums to `batch`.
   */
  readonly rowWeights: Float32Array;
  readonly batch: number;
  /** Examples with at least one active feature. */
  readonly activeExamples: number;
  /**
   * Below SKIP_BELOW_DENSITY, the non-zero cells of x (row · n + feature) in ascending order, so
   * that products with x can visit only them; null at denser levels, where x is computed densely.
   */
  readonly nonZeros: Int32Array | null;
}

export interface BatchGenerator {
  /** The next batch. Its arrays are reused: they are valid until the following call. */
  next(): SparseBatch;
}

/** Rows needed for `active` active examples out of `batch`, padded to the bucket size. */
export function compactRowCount(active: number, batch: number): number {
  if (active >= batch) return batch;
  return Math.min(batch, Math.ceil((active + 1) / ROW_BUCKET) * ROW_BUCKET);
}

export function createBatchGenerator(density: number, n: number, batch: number, rng: Rng): BatchGenerator {
  const x = new Float32Array(batch * n);
  const xT = new Float32Array(batch * n);
  const rowWeights = new Float32Array(batch);
  let usedLength = 0;
  const logMiss = Math.log1p(-Math.min(density, 1 - 1e-12));
  // Draws are taken in bulk (Rng.fill is several times faster per draw than next()) and consumed in
  // order, so the data are the same numbers a draw-by-draw loop gives. The sparse path's unused
  // draws carry over to the next batch.
  const dense = density >= SKIP_BELOW_DENSITY;
  const draws = new Float64Array(dense ? batch * n : DRAW_POOL);
  let drawn = draws.length;
  /** The sparse path's non-zero cells (row · n + feature), so that xᵀ is written from them alone. */
  const nonZeros = dense ? new Int32Array(0) : new Int32Array(batch * n);
  let nonZeroCount = 0;

  /** Fills x with active examples packed from row 0; returns their count. */
  const fillDense = (): number => {
    rng.fill(draws);
    let row = 0;
    for (let e = 0; e < batch; e++) {
      const base = row * n;
      let any = false;
      for (let i = 0; i < n; i++) {
        // One draw decides both: given u < density, u / density is uniform on [0, 1).
        const u = draws[e * n + i]!;
        if (u < density) {
          x[base + i] = (2 * u) / density - 1;
          any = true;
        }
      }
      if (any) row++;
    }
    return row;
  };

  const fillSkipping = (): number => {
    const total = batch * n;
    let row = -1;
    let lastExample = -1;
    let used = drawn;
    const draw = (): number => {
      if (used === draws.length) {
        rng.fill(draws);
        used = 0;
      }
      return draws[used++]!;
    };
    let count = 0;
    let index = Math.floor(Math.log(1 - draw()) / logMiss);
    while (index < total) {
      const example = (index / n) | 0;
      if (example !== lastExample) {
        row++;
        lastExample = example;
      }
      const cell = row * n + (index - example * n);
      x[cell] = 2 * draw() - 1;
      nonZeros[count++] = cell;
      index += 1 + Math.floor(Math.log(1 - draw()) / logMiss);
    }
    drawn = used;
    nonZeroCount = count;
    return row + 1;
  };

  return {
    next(): SparseBatch {
      x.fill(0, 0, usedLength);
      const active = dense ? fillDense() : fillSkipping();
      const rows = compactRowCount(active, batch);
      rowWeights.fill(1, 0, active);
      rowWeights.fill(0, active, rows);
      if (active < rows) rowWeights[active] = batch - active;
      usedLength = rows * n;
      if (dense) transpose(x, xT, active, n, rows);
      else {
        xT.fill(0, 0, rows * n);
        for (let k = 0; k < nonZeroCount; k++) {
          const cell = nonZeros[k]!;
          const r = (cell / n) | 0;
          xT[(cell - r * n) * rows + r] = x[cell]!;
        }
      }
      return {
        x: x.subarray(0, rows * n),
        xT: xT.subarray(0, rows * n),
        rows,
        n,
        rowWeights: rowWeights.subarray(0, rows),
        batch,
        activeExamples: active,
        nonZeros: dense ? null : nonZeros.subarray(0, nonZeroCount),
      };
    },
  };
}

/** Rows TRANSPOSE_BLOCK at a time, so the writes to xᵀ stay within a few cache lines per feature. */
const TRANSPOSE_BLOCK = 16;

/** xT[i · rows + r] = x[r · n + i] for r < active, and 0 for the padding rows up to `rows`. */
function transpose(x: Float32Array, xT: Float32Array, active: number, n: number, rows: number): void {
  for (let r0 = 0; r0 < active; r0 += TRANSPOSE_BLOCK) {
    const r1 = Math.min(active, r0 + TRANSPOSE_BLOCK);
    for (let i = 0; i < n; i++) {
      const out = i * rows;
      for (let r = r0; r < r1; r++) xT[out + r] = x[r * n + i]!;
    }
  }
  for (let i = 0; i < n; i++) xT.fill(0, i * rows + active, (i + 1) * rows);
}

/** The generator for one instance's data stream under a seed. */
export function createInstanceData(density: number, n: number, batch: number, seed: number, stream: number): BatchGenerator {
  return createBatchGenerator(density, n, batch, createRng(seed, stream));
}
