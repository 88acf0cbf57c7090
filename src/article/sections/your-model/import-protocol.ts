/**
 * Messages between the page and the import worker (import.worker.ts). The worker reads a file
 * and keeps the last model that read cleanly, so a bad file never replaces a good one; the page
 * receives a summary (no weights) and then one analysed instance at a time.
 */
import type { ImportedModel } from '../../../model/import';
import type { TrainingSettings, YourInstanceView } from './view';

/** What the page shows of a loaded model before and beside its analysis. */
export type ModelSummary = Omit<ImportedModel, 'instances'> & {
  /** Number of instances. */
  readonly instances: number;
};

export type ImportRequest =
  /** Read these files as one model. `bytes` are transferred. */
  | { readonly type: 'read'; readonly id: number; readonly files: readonly { readonly name: string; readonly bytes: ArrayBuffer }[] }
  /** Analyse every instance of the last model read cleanly, under `settings`. */
  | { readonly type: 'analyse'; readonly id: number; readonly settings: TrainingSettings };

export type ImportEvent =
  | { readonly type: 'read'; readonly id: number; readonly summary: ModelSummary }
  | { readonly type: 'refused'; readonly id: number; readonly error: string }
  | { readonly type: 'instance'; readonly id: number; readonly view: YourInstanceView }
  | { readonly type: 'analysed'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };
