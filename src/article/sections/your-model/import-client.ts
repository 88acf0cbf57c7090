/**
 * The page's side of the import worker: read a file as a model, analyse it, one promise each.
 * Reading has a time limit: a worker that has not answered by then is ended and replaced, and the
 * last model that read cleanly is read into the new one, so the page keeps what it showed.
 */
import type { ReadOptions, ReadQuestion } from '../../../model/import';
import type { ExportKind, ImportEvent, ImportRequest, ModelSummary } from './import-protocol';
import type { StackPlotData } from '../../../viz/core/types';
import type { TrainingSettings, YourInstanceView } from './view';

/** How long reading a file may take before the page gives up, ms (a 128 MiB .npz reads in a few seconds). */
export const READ_TIMEOUT_MS = 60_000;

export type ReadAnswer =
  | { readonly ok: true; readonly summary: ModelSummary }
  | { readonly ok: false; readonly error: string; readonly question?: ReadQuestion };
export type ExportAnswer =
  | { readonly ok: true; readonly name: string; readonly mimeType: string; readonly bytes: ArrayBuffer }
  | { readonly ok: false; readonly error: string };
export type AnalysisEnd = 'analysed' | 'superseded' | { readonly error: string };

interface NamedBytes {
  readonly name: string;
  /** A chosen File (read in the worker) or bytes (copied to it). */
  readonly bytes: ArrayBuffer | Blob;
}

export class ImportClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (event: ImportEvent) => void>();
  /** Ends the analysis in progress, if any. */
  private endAnalysis: ((result: AnalysisEnd) => void) | null = null;
  /** The files of the last model read cleanly, to read again into a replacement worker. */
  private lastGood: { readonly files: readonly NamedBytes[]; readonly options: ReadOptions } | null = null;

  constructor(
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' }),
  ) {}

  /** Reads `files` (Blobs by reference, bytes copied) as one model, with the reader's answer to an earlier question. Never rejects. */
  async read(files: readonly NamedBytes[], options: ReadOptions = {}): Promise<ReadAnswer> {
    const id = this.nextId++;
    const answer = await new Promise<ReadAnswer>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.replaceWorker();
        resolve({ ok: false, error: `Reading the file took longer than ${READ_TIMEOUT_MS / 1000} s, so the page stopped.` });
      }, READ_TIMEOUT_MS);
      this.waiting.set(id, (event) => {
        if (event.type !== 'read' && event.type !== 'refused') return;
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(event.type === 'read' ? { ok: true, summary: event.summary } : { ok: false, error: event.error, question: event.question });
      });
      this.send({ type: 'read', id, files, options });
    });
    if (answer.ok) this.lastGood = { files, options };
    return answer;
  }

  /**
   * Analyses every instance of the last model read cleanly; `onInstance` gets each as it is done.
   * Resolves 'superseded' when a newer analysis starts first.
   */
  analyse(settings: TrainingSettings, onInstance: (view: YourInstanceView) => void): Promise<AnalysisEnd> {
    const id = this.nextId++;
    // The worker stops an older analysis between instances; its promise ends here.
    this.endAnalysis?.('superseded');
    return new Promise((resolve) => {
      const end = (result: AnalysisEnd): void => {
        this.waiting.delete(id);
        if (this.endAnalysis === end) this.endAnalysis = null;
        resolve(result);
      };
      this.endAnalysis = end;
      this.waiting.set(id, (event) => {
        if (event.type === 'instance') onInstance(event.view);
        else if (event.type === 'analysed') end('analysed');
        else if (event.type === 'failed') end({ error: event.error });
      });
      this.send({ type: 'analyse', id, settings });
    });
  }

  /** The stack plot of instance `index` of the latest analysis; null if the worker has none. Never rejects. */
  plot(index: number): Promise<StackPlotData | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (event) => {
        if (event.type !== 'plot' && event.type !== 'failed') return;
        this.waiting.delete(id);
        resolve(event.type === 'plot' ? event.plot : null);
      });
      this.send({ type: 'plot', id, index });
    });
  }

  /** The last model read cleanly as the file `what` (exportFile in import.worker.ts). Never rejects. */
  exportFile(what: ExportKind, fileName: string, settings: TrainingSettings): Promise<ExportAnswer> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (event) => {
        if (event.type !== 'exported' && event.type !== 'failed') return;
        this.waiting.delete(id);
        resolve(
          event.type === 'exported'
            ? { ok: true, name: event.name, mimeType: event.mimeType, bytes: event.bytes }
            : { ok: false, error: event.error },
        );
      });
      this.send({ type: 'export', id, what, fileName, settings });
    });
  }

  dispose(): void {
    this.endAnalysis?.('superseded');
    this.worker?.terminate();
    this.worker = null;
    this.waiting.clear();
  }

  private send(request: ImportRequest): void {
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (cause) {
      // A worker the browser refuses to construct (a Trusted Types or CSP policy): the request fails with why.
      const error = `The browser refused to start the import worker (${cause instanceof Error ? cause.message : String(cause)}); models cannot be read on this page.`;
      this.waiting.get(request.id)?.(
        request.type === 'read' ? { type: 'refused', id: request.id, error } : { type: 'failed', id: request.id, error },
      );
      return;
    }
    worker.postMessage(request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (message: MessageEvent<ImportEvent>) => this.waiting.get(message.data.id)?.(message.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const error = `The import worker failed (${event.message || 'no reason given'}).`;
      // A read waiting hears 'refused', an analysis 'failed'; each listener ignores the other.
      for (const [id, listener] of [...this.waiting]) {
        listener({ type: 'refused', id, error });
        listener({ type: 'failed', id, error });
      }
      this.replaceWorker();
    };
    this.worker = worker;
    return worker;
  }

  /** Ends the worker; the next request starts a new one, which first reads the last good model again. */
  private replaceWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.lastGood) this.send({ type: 'read', id: 0, ...this.lastGood });
  }
}
