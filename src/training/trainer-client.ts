/**
 * The page's handle on the training worker. It numbers runs, drops events from replaced runs,
 * and turns a crashed worker into an 'error' event and a fresh worker. A worker the browser
 * refuses to construct (a Trusted Types or CSP policy, no Worker at all) is an 'error' event too,
 * sent a microtask later, as a real worker's would be; the next request tries again.
 */
import type { ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import type { BackendName } from './backend';
import type { WorkerEvent, WorkerRequest } from './protocol';

/**
 * How often a run reports, unless a caller asks otherwise: a loss readback every 25 steps, the
 * weights (analysed) every second report, and at most ten reports (five snapshots) a second.
 */
export const REPORT_DEFAULTS = Object.freeze({ reportEvery: 25, snapshotEveryReports: 2, minReportIntervalMs: 100 });

export interface TrainOptions {
  readonly backend?: BackendName;
  readonly reportEvery?: number;
  readonly snapshotEveryReports?: number;
  readonly minReportIntervalMs?: number;
  readonly initial?: readonly NetworkWeights[];
}

export type TrainerListener = (event: WorkerEvent) => void;

export class TrainerClient {
  private worker: Worker | null = null;
  private runId = 0;

  constructor(
    private readonly listener: TrainerListener,
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' }),
  ) {}

  /**
   * Starts a run (replacing any current one) and returns its id. `wasmThreads`: the wasm threads
   * the worker's backend may start, fixed at the worker's first run (TrainerPool's share of the cores).
   */
  train(config: ModelConfig, options: TrainOptions = {}, wasmThreads?: number): number {
    const runId = ++this.runId;
    this.send({
      type: 'train',
      runId,
      config,
      ...(wasmThreads !== undefined ? { wasmThreads } : {}),
      reportEvery: options.reportEvery ?? REPORT_DEFAULTS.reportEvery,
      snapshotEveryReports: options.snapshotEveryReports ?? REPORT_DEFAULTS.snapshotEveryReports,
      minReportIntervalMs: options.minReportIntervalMs ?? REPORT_DEFAULTS.minReportIntervalMs,
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.initial ? { initial: options.initial } : {}),
    });
    return runId;
  }

  pause(): void {
    this.send({ type: 'pause', runId: this.runId });
  }

  resume(): void {
    this.send({ type: 'resume', runId: this.runId });
  }

  cancel(): void {
    this.send({ type: 'cancel', runId: this.runId });
  }

  /** Simulates a GPU reset in the worker (WEBGL_lose_context), for the browser tests. */
  loseWebGLContext(): void {
    this.send({ type: 'lose-webgl-context', runId: this.runId });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(request: WorkerRequest): void {
    // Only a run needs a worker: pausing or cancelling one that never started has nothing to stop.
    if (!this.worker && request.type !== 'train') return;
    this.ensureWorker(request.runId)?.postMessage(request);
  }

  /** The worker, started if need be; null (and run `runId` reported failed) when the browser refuses it. */
  private ensureWorker(runId: number): Worker | null {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = this.createWorker();
    } catch (error) {
      const message = workerRefusal(error);
      // Asynchronous, as a worker's own events are: the caller has its run id before it hears the run failed.
      queueMicrotask(() => {
        if (runId === this.runId) this.listener({ type: 'error', runId, message });
      });
      return null;
    }
    worker.onmessage = (message: MessageEvent<WorkerEvent>) => {
      if (message.data.runId === this.runId) this.listener(message.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // A crashed worker is replaced on the next request; the current run is reported lost.
      this.worker?.terminate();
      this.worker = null;
      this.listener({ type: 'error', runId: this.runId, message: `the training worker failed: ${event.message || 'unknown error'}` });
    };
    this.worker = worker;
    return worker;
  }
}

/** The sentence for a worker the browser would not construct, with its reason. */
export function workerRefusal(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `the browser refused to start a training worker (${reason || 'no reason given'}); training is unavailable on this page`;
}
