/**
 * The page's handle on the training worker. It numbers runs, drops events from replaced runs,
 * and turns a crashed worker into an 'error' event and a fresh worker.
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

  /** Starts a run (replacing any current one) and returns its id. */
  train(config: ModelConfig, options: TrainOptions = {}): number {
    const runId = ++this.runId;
    this.send({
      type: 'train',
      runId,
      config,
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
    this.ensureWorker().postMessage(request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
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
