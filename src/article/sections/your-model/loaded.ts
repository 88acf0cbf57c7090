/**
 * The "Your model" section's state as its markup reads it: the model loaded from a file, the
 * shipped files it offers, and the section's inputs.
 */
import { plural } from '../../../viz/core/format';
import type { StackColouring } from '../../../viz/stack-plot/stack-colouring';
import type { NamedFile } from '../../shipped/shipped-models';
import type { LoneArrayReading, ReadQuestion } from '../../../model/import';
import type { ExportKind, ModelSummary } from './import-protocol';
import type { TrainingSettings, YourInstanceView } from './view';

/** A model read from a file, with the settings it is analysed under and the instances analysed so far. */
export interface LoadedModel {
  /** The file's name, or the files' names joined. */
  readonly fileName: string;
  readonly summary: ModelSummary;
  readonly settings: TrainingSettings;
  /** Where the importance decay came from: the file, or the page's default. */
  readonly decayFromFile: boolean;
  /** Indexed by instance; filled in as the worker reports. */
  readonly views: readonly (YourInstanceView | undefined)[];
  /** The instance drawn when the model is too large to draw every instance at once (drawsEveryInstance). */
  readonly shown: number;
  readonly analysing: boolean;
  /** Why the analysis stopped, if it failed. */
  readonly analysisError: string | null;
}

/**
 * Stack-plot columns the section draws at once: a model with more (instances × m) draws one instance
 * at a time, chosen by the reader, so a model at the caps (32 × 200 columns) never makes the page
 * build and paint thousands of columns, each a focusable element, in one go.
 */
export const COLUMNS_DRAWN_AT_ONCE = 400;

/** Whether every instance of `summary` is drawn at once, or one at a time. */
export const drawsEveryInstance = (summary: ModelSummary): boolean => summary.instances * summary.m <= COLUMNS_DRAWN_AT_ONCE;

/** The shipped models the section offers as downloads. */
export interface ShippedDownload {
  /** The file's stem in public/weights/, e.g. "sweep-converged-seed0". */
  readonly name: string;
  /** Instances and size, e.g. "7 instances, n = 100, m = 40". */
  readonly description: string;
}

/** The formats a shipped file downloads in: a NumPy archive, or safetensors (export.ts; both float64). */
export type ShippedFormat = 'npz' | 'safetensors';
export const SHIPPED_FORMATS: readonly ShippedFormat[] = ['npz', 'safetensors'];

/** The shipped models that loaded, as downloads. */
export function shippedDownloads(files: readonly NamedFile[]): ShippedDownload[] {
  return files.map(({ name, shipped }) => {
    const { config } = shipped.file;
    return { name, description: `${plural(config.densities.length, 'instance')}, n = ${config.n}, m = ${config.m}` };
  });
}

export interface YourModelSectionProps {
  readonly loaded: LoadedModel | null;
  /** The file being read, if any. */
  readonly reading: string | null;
  readonly error: string | null;
  /** A question the last file's reading asked; shown in place of `error`. */
  readonly question: ReadQuestion | null;
  readonly onAnswer: (answer: LoneArrayReading) => void;
  /** Saves the loaded model's weights or analysis. */
  readonly onDownload: (what: ExportKind) => void;
  /** Tries the action that failed again, where it can be (a lazy chunk that did not load). */
  readonly onRetry?: (() => void) | null;
  readonly settingsError: string | null;
  /** The URL says a local model is shown (model=local). */
  readonly localShown: boolean;
  /** How the stack plots colour their segments (the page's choice, the URL's `colour`); default superposition. */
  readonly colouring?: StackColouring;
  readonly shipped: readonly ShippedDownload[];
  readonly onFiles: (files: File[]) => void;
  readonly onApplySettings: (densities: string[], decay: string) => void;
  /** Saves the shipped file `name` as `name`.npz or `name`.safetensors. */
  readonly onDownloadShipped: (name: ShippedDownload['name'], format: ShippedFormat) => void;
  readonly onTryShipped: (name: ShippedDownload['name']) => void;
  /** Shows a model still loaded after the reader went back past it. */
  readonly onShowLoaded: () => void;
  /** Draws instance k (a model drawn one instance at a time). */
  readonly onShowInstance: (k: number) => void;
}
