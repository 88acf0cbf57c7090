/**
 * Reading a reader's own model (issues 16, 26): .npz, .npy, safetensors and JSON files in this page's layout and the
 * public replications', validated and turned into this page's layout; and writing the shipped
 * and loaded models as .npz and safetensors. Plain TypeScript, no DOM: the page runs it in a worker, the tests in Node.
 */
export { IMPORT_CAPS } from './caps';
export type { ImportedModel, LoneArrayReading, ReadOptions, ReadOutcome, ReadQuestion } from './imported-model';
export { type ChosenFile, readModelFiles } from './read-model-file';
export {
  importedModelArrays,
  importedModelToNpz,
  importedModelToSafetensors,
  weightsFileArrays,
  weightsFileToNpz,
  weightsFileToSafetensors,
} from './export';
export { readSafetensors, writeSafetensors } from './safetensors';
export { referenceLosses } from '../evaluation';
export { readNpy, writeNpy } from './npy';
export { readNpz, writeNpz } from './npz';
export type { NdArray } from './nd-array';
