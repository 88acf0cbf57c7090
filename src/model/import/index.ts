/**
 * Reading a reader's own model (issue 16): .npz, .npy and JSON files in this page's layout and the
 * public replications', validated and turned into this page's layout; and writing the shipped
 * models as .npz. Plain TypeScript, no DOM: the page runs it in a worker, the tests in Node.
 */
export { IMPORT_CAPS } from './caps';
export type { ImportedModel, ReadOutcome } from './imported-model';
export { type ChosenFile, readModelFiles } from './read-model-file';
export { weightsFileArrays, weightsFileToNpz } from './export';
export { referenceLosses } from '../evaluation';
export { readNpy, writeNpy } from './npy';
export { readNpz, writeNpz } from './npz';
export type { NdArray } from './nd-array';
