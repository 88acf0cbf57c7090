/**
 * The import worker: reads a reader's model file and analyses it off the main thread, so a large
 * model (up to 32 instances of 1,000 features × 200 neurons, about a minute at the caps) never freezes the
 * page, and a hostile file can at worst keep this worker busy until the page ends it.
 */
/// <reference lib="webworker" />
import { analyseImportedModel } from '../../../model/analysis/export';
import { type ImportedModel, importedModelToNpz, importedModelToSafetensors, readModelFiles } from '../../../model/import';
import { analysisDownload, analysisStem, type DownloadFile } from '../../figures/analysis-download';
import type { ExportKind, ImportEvent, ImportRequest } from './import-protocol';
import type { StackPlotData } from '../../../viz/core/types';
import { COLUMNS_DRAWN_AT_ONCE } from './loaded';
import { type TrainingSettings, yourInstanceView } from './view';

declare const self: DedicatedWorkerGlobalScope;

/** The last model that read cleanly. */
let model: ImportedModel | null = null;
/** The analysis to run: a newer 'analyse' request makes an older one stop between instances. */
let latest = 0;
/** The latest analysis's stack plots, kept here for a model drawn one instance at a time (asked for by 'plot'). */
let plots: StackPlotData[] = [];

const post = (event: ImportEvent): void => self.postMessage(event);

/** Yields to the message queue, so a newer request can arrive between two instances. */
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function analyse(id: number, settings: Extract<ImportRequest, { type: 'analyse' }>['settings']): Promise<void> {
  const current = model;
  if (!current) return post({ type: 'failed', id, error: 'No model has been loaded.' });
  plots = [];
  // A large model's plots stay here until drawn: each instance's message to the page stays a few kB.
  const withPlots = current.instances.length * (current.instances[0]?.W1.length ?? 0) <= COLUMNS_DRAWN_AT_ONCE;
  for (let k = 0; k < current.instances.length; k++) {
    if (latest !== id) return;
    try {
      const view = yourInstanceView(current.instances[k]!, k, settings, current.recordedLosses[k] ?? null);
      if (view.plot) plots[k] = view.plot;
      post({ type: 'instance', id, view: withPlots ? view : { ...view, plot: null } });
    } catch (error) {
      return post({
        type: 'failed',
        id,
        error: `Instance ${k} could not be analysed (${error instanceof Error ? error.message : String(error)}).`,
      });
    }
    await yieldToMessages();
  }
  if (latest === id) post({ type: 'analysed', id });
}

/** The loaded model `current` as the file `what`, named after `fileName`; the analysis is the page's, under `settings`. */
function exportFile(current: ImportedModel, what: ExportKind, fileName: string, settings: TrainingSettings): DownloadFile {
  const stem = analysisStem(fileName);
  if (what === 'npz') return { name: `${stem}.npz`, mimeType: 'application/octet-stream', bytes: importedModelToNpz(current) };
  if (what === 'safetensors') {
    return { name: `${stem}.safetensors`, mimeType: 'application/octet-stream', bytes: importedModelToSafetensors(current) };
  }
  const report = analyseImportedModel(current, fileName, settings);
  return analysisDownload(report, fileName, what === 'analysis-json' ? 'json' : 'csv');
}

/** The files of a read request as bytes: a Blob (a chosen File) is read here, off the page's thread. */
async function bytesOf(files: Extract<ImportRequest, { type: 'read' }>['files']): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(f.bytes instanceof Blob ? await f.bytes.arrayBuffer() : f.bytes) })),
  );
}

self.onmessage = async (message: MessageEvent<ImportRequest>) => {
  const request = message.data;
  // A read does not stop the analysis in progress: if the file is refused, that analysis is still the page's.
  if (request.type === 'read') {
    let files: { name: string; bytes: Uint8Array }[];
    try {
      files = await bytesOf(request.files);
    } catch {
      const what = request.files.length === 1 ? 'the file' : 'the files';
      return post({ type: 'refused', id: request.id, error: `The browser could not read ${what}.` });
    }
    const outcome = readModelFiles(files, request.options);
    if (!outcome.ok) return post({ type: 'refused', id: request.id, error: outcome.error, question: outcome.question });
    model = outcome.model;
    const { instances, ...rest } = outcome.model;
    post({ type: 'read', id: request.id, summary: { ...rest, instances: instances.length } });
  } else if (request.type === 'export') {
    if (!model) return post({ type: 'failed', id: request.id, error: 'No model has been loaded.' });
    try {
      const file = exportFile(model, request.what, request.fileName, request.settings);
      post({ type: 'exported', id: request.id, name: file.name, mimeType: file.mimeType, bytes: file.bytes.buffer });
    } catch (error) {
      post({
        type: 'failed',
        id: request.id,
        error: `The file could not be made (${error instanceof Error ? error.message : String(error)}).`,
      });
    }
  } else if (request.type === 'plot') {
    const plot = plots[request.index];
    post(
      plot
        ? { type: 'plot', id: request.id, plot }
        : { type: 'failed', id: request.id, error: `Instance ${request.index} is not analysed.` },
    );
  } else {
    latest = request.id;
    void analyse(request.id, request.settings);
  }
};
