/**
 * Messages between the page and the import worker (import.worker.ts). The worker reads a file
 * and keeps the last model that read cleanly, so a bad file never replaces a good one; the page
 * receives a summary (no weights) and then one analysed instance at a time.
 */
import type { ImportedModel, ReadOptions, ReadQuestion } from '../../../model/import';
import type { StackPlotData } from '../../../viz/core/types';
import type { TrainingSettings, YourInstanceView } from './view';

/** What the page shows of a loaded model before and beside its analysis. */
export type ModelSummary = Omit<ImportedModel, 'instances'> & {
  /** Number of instances. */
  readonly instances: number;
};

export type ImportRequest =
  /**
   * Read these files as one model. A Blob (a chosen File) crosses as a reference and is read in the
   * worker, so the page's thread never copies a file of up to IMPORT_CAPS.bytes; an ArrayBuffer is copied.
   */
  | {
      readonly type: 'read';
      readonly id: number;
      readonly files: readonly { readonly name: string; readonly bytes: ArrayBuffer | Blob }[];
      /** The reader's answer to a question an earlier read of the same files asked. */
      readonly options?: ReadOptions;
    }
  /** Analyse every instance of the last model read cleanly, under `settings`. */
  | { readonly type: 'analyse'; readonly id: number; readonly settings: TrainingSettings }
  /** The stack plot of instance `index` of the latest analysis (sent without it: drawsEveryInstance false). */
  | { readonly type: 'plot'; readonly id: number; readonly index: number }
  /** The last model read cleanly as a file to save: its weights (.npz, .safetensors) or its analysis under `settings`. */
  | {
      readonly type: 'export';
      readonly id: number;
      readonly what: ExportKind;
      readonly fileName: string;
      readonly settings: TrainingSettings;
    };

/** What a loaded model downloads as. */
export type ExportKind = 'npz' | 'safetensors' | 'analysis-json' | 'analysis-csv';

export type ImportEvent =
  | { readonly type: 'read'; readonly id: number; readonly summary: ModelSummary }
  | { readonly type: 'refused'; readonly id: number; readonly error: string; readonly question?: ReadQuestion }
  | { readonly type: 'exported'; readonly id: number; readonly name: string; readonly mimeType: string; readonly bytes: ArrayBuffer }
  | { readonly type: 'instance'; readonly id: number; readonly view: YourInstanceView }
  | { readonly type: 'analysed'; readonly id: number }
  | { readonly type: 'plot'; readonly id: number; readonly plot: StackPlotData }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };
