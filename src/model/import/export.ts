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
 * into the same model (layouts.ts knows every name). The same arrays, under the same names, as
 * safetensors (dtype F64): `safetensors.numpy.load_file('sweep.safetensors')` or
 * `safetensors.torch.load_file(…)`. A model the reader loaded exports the same way, with the
 * metadata its file had (density, importance_decay and loss only where every instance has one).
 */
import type { NetworkWeights } from '../network';
import type { WeightsFile } from '../weights-file';
import type { ImportedModel } from './imported-model';
import type { NdArray } from './nd-array';
import { writeNpz } from './npz';
import { writeSafetensors } from './safetensors';

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

/** W1, W2, b and (when every instance has one) b1 of the instances, stacked along a leading instances axis. */
function weightArrays(instances: readonly NetworkWeights[]): [string, NdArray][] {
  const arrays: [string, NdArray][] = [
    ['W1', stack(instances.map((i) => i.W1))],
    ['W2', stack(instances.map((i) => i.W2))],
    ['b', stack(instances.map((i) => [i.b]))],
  ];
  const b1 = instances.map((i) => i.b1);
  if (b1.every((v) => v !== undefined)) arrays.push(['b1', stack(b1.map((v) => [v]))]);
  // stack() of [b] gives [instances, 1, n]; the bias is [instances, n].
  return arrays.map(([name, a]) => [name, name === 'b' || name === 'b1' ? { shape: [a.shape[0]!, a.shape[2]!], data: a.data } : a]);
}

/** One number per instance as a [instances] array. */
const perInstance = (values: readonly number[]): NdArray => ({ shape: [values.length], data: Float64Array.from(values) });

/** The named arrays of a weights file, in the order the archive lists them. */
export function weightsFileArrays(file: WeightsFile): [string, NdArray][] {
  const { instances } = file;
  return [
    ...weightArrays(instances),
    ['density', perInstance(instances.map((i) => i.density))],
    ['importance_decay', { shape: [], data: Float64Array.of(file.config.importanceDecay) }],
    ['loss', perInstance(instances.map((i) => i.loss))],
  ];
}

/**
 * The named arrays of a model the reader loaded, in this page's layout (see above): its weights,
 * and density, importance_decay and loss where the file gave them for every instance.
 */
export function importedModelArrays(model: ImportedModel): [string, NdArray][] {
  const arrays = weightArrays(model.instances);
  const all = (values: readonly (number | null)[]): values is readonly number[] => values.every((v) => v !== null);
  if (all(model.densities)) arrays.push(['density', perInstance(model.densities)]);
  if (model.importanceDecay !== null) arrays.push(['importance_decay', { shape: [], data: Float64Array.of(model.importanceDecay) }]);
  if (all(model.recordedLosses)) arrays.push(['loss', perInstance(model.recordedLosses)]);
  return arrays;
}

/** The safetensors bytes of a weights file (the arrays above, F64). */
export function weightsFileToSafetensors(file: WeightsFile): Uint8Array<ArrayBuffer> {
  return writeSafetensors(weightsFileArrays(file));
}

/** The .npz bytes of a model the reader loaded (importedModelArrays). */
export function importedModelToNpz(model: ImportedModel): Uint8Array<ArrayBuffer> {
  return writeNpz(importedModelArrays(model));
}

/** The safetensors bytes of a model the reader loaded (importedModelArrays, F64). */
export function importedModelToSafetensors(model: ImportedModel): Uint8Array<ArrayBuffer> {
  return writeSafetensors(importedModelArrays(model));
}

/** The .npz bytes of a weights file (see the layout above). */
export function weightsFileToNpz(file: WeightsFile): Uint8Array<ArrayBuffer> {
  return writeNpz(weightsFileArrays(file));
}
