/**
 * A weights file as NumPy arrays, for Python users: `numpy.load('sweep.npz')` gives
 *
 *   W1 [instances, m, n]   feature i's input weight into neuron j is W1[k, j, i] (nn.Linear(n, m).weight)
 *   W2 [instances, n, m]   neuron j's output weight onto feature i is W2[k, i, j] (nn.Linear(m, n).weight)
 *   b  [instances, n]      the output bias
 *   b1 [instances, m]      the hidden bias, only for a model trained with one
 *   density [instances]    the feature density 1 − S of each instance
 *   importance_decay []    feature i has importance importance_decay**i
 *   loss [instances]       the final training batch's loss
 *
 * in float64, so the numbers are the JSON file's exactly, and the page reads the archive back
 * into the same model (layouts.ts knows every name).
 */
import type { WeightsFile } from '../weights-file';
import type { NdArray } from './nd-array';
import { writeNpz } from './npz';

/** Stacks per-instance matrices [rows][cols] into one [instances, rows, cols] array. */
function stack(matrices: readonly (readonly (readonly number[])[])[]): NdArray {
  const rows = matrices[0]?.length ?? 0;
  const cols = matrices[0]?.[0]?.length ?? 0;
  const data = new Float64Array(matrices.length * rows * cols);
  matrices.forEach((matrix, k) => {
    matrix.forEach((row, r) => {
      data.set(row, (k * rows + r) * cols);
    });
  });
  return { shape: [matrices.length, rows, cols], data };
}

/** The named arrays of a weights file, in the order the archive lists them. */
export function weightsFileArrays(file: WeightsFile): [string, NdArray][] {
  const { instances } = file;
  const arrays: [string, NdArray][] = [
    ['W1', stack(instances.map((i) => i.W1))],
    ['W2', stack(instances.map((i) => i.W2))],
    ['b', stack(instances.map((i) => [i.b]))],
  ];
  const b1 = instances.map((i) => i.b1);
  if (b1.every((v) => v !== undefined)) arrays.push(['b1', stack(b1.map((v) => [v]))]);
  arrays.push(
    ['density', { shape: [instances.length], data: Float64Array.from(instances, (i) => i.density) }],
    ['importance_decay', { shape: [], data: Float64Array.of(file.config.importanceDecay) }],
    ['loss', { shape: [instances.length], data: Float64Array.from(instances, (i) => i.loss) }],
  );
  // stack() of [b] gives [instances, 1, n]; the bias is [instances, n].
  return arrays.map(([name, a]) => [name, name === 'b' || name === 'b1' ? { shape: [a.shape[0]!, a.shape[2]!], data: a.data } : a]);
}

/** The .npz bytes of a weights file (see the layout above). */
export function weightsFileToNpz(file: WeightsFile): Uint8Array<ArrayBuffer> {
  return writeNpz(weightsFileArrays(file));
}
