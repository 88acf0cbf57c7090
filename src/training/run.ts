/**
 * Drives a TrainingEngine for a whole training: chunks of steps with one asynchronous readback at the
 * end of each chunk, progress reports, pause, resume and cancel, and divergence detection (a
 * non-finite loss stops the run and keeps the last good weights).
 */
import { scheduledLearningRate } from '../model/config';
import type { NetworkWeights } from '../model/network';
import { StepRate } from './step-rate';
import type { TrainingEngine } from './training-engine';

export interface TrainingProgress {
  readonly step: number;
  readonly totalSteps: number;
  /** Loss of each instance on the last step's batch. */
  readonly losses: readonly number[];
  /** Weights of every instance, on snapshot steps only. */
  readonly weights?: readonly NetworkWeights[];
  /** Steps per second over the run since its first report (StepRate); the first report's own chunk for the first. */
  readonly stepsPerSecond: number;
  /** The learning rate the last step took (the run's schedule at that step); always set by TrainingRun. */
  readonly learningRate?: number;
}

export type RunOutcome =
  | { readonly status: 'completed'; readonly step: number; readonly losses: readonly number[]; readonly weights: readonly NetworkWeights[] }
  | { readonly status: 'cancelled'; readonly step: number }
  | {
      /** The backend failed (an exception, or `checkBackend` reported a problem such as a lost WebGL context). */
      readonly status: 'failed';
      readonly step: number;
      readonly reason: string;
      readonly lastGoodWeights: readonly NetworkWeights[];
      readonly lastGoodStep: number;
    }
  | {
      readonly status: 'diverged';
      readonly step: number;
      readonly losses: readonly number[];
      /** The last weights read back while every loss was finite. */
      readonly lastGoodWeights: readonly NetworkWeights[];
      readonly lastGoodStep: number;
    };

export interface RunOptions {
  /** Steps between loss readbacks (and progress reports). */
  readonly reportEvery: number;
  /** Every how many reports the weights are read back too; 0 for never (until the end). */
  readonly snapshotEveryReports?: number;
  readonly onProgress?: (progress: TrainingProgress) => void;
  /**
   * Reports due sooner than this after the previous one are skipped (the loss is still read and
   * checked): at sparse levels a run takes hundreds of steps a second, and a report per 25 steps
   * would keep the page busy redrawing. The last step is always reported.
   */
  readonly minReportIntervalMs?: number;
  /**
   * Settles with a reason when the backend is lost (a WebGL context loss, say). Readbacks on a lost
   * WebGL context never resolve, so every readback races this and the run ends as 'failed'.
   */
  readonly backendLost?: Promise<string>;
}

const now = (): number => performance.now();

/**
 * Resolves in a task of its own, after messages already queued. On wasm and cpu a readback's
 * promise resolves as a microtask, so a loop that only awaits readbacks never lets its worker
 * receive a pause, a cancel or a new run until the whole run is over. A MessageChannel message
 * is not clamped to 4 ms the way nested timeouts are.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class TrainingRun {
  readonly done: Promise<RunOutcome>;
  private paused = false;
  private cancelled = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly engine: TrainingEngine,
    private readonly options: RunOptions,
  ) {
    this.done = this.loop();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wakeUp();
  }

  cancel(): void {
    this.cancelled = true;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** `readback`, unless the backend is lost first: then it throws with the loss's reason. */
  private guard<T>(readback: Promise<T>): Promise<T> {
    const lost = this.options.backendLost;
    if (!lost) return readback;
    return Promise.race([
      readback,
      lost.then((reason) => {
        throw new Error(reason);
      }),
    ]);
  }

  private async loop(): Promise<RunOutcome> {
    const progress = { lastGoodWeights: [] as readonly NetworkWeights[], lastGoodStep: this.engine.step };
    try {
      return await this.steps(progress);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: 'failed', step: this.engine.step, reason, ...progress };
    }
  }

  /** The training loop; records its last good weights in `progress` for a failure to report. */
  private async steps(progress: { lastGoodWeights: readonly NetworkWeights[]; lastGoodStep: number }): Promise<RunOutcome> {
    const { engine, options } = this;
    const total = engine.config.steps;
    const reportEvery = Math.max(1, Math.floor(options.reportEvery));
    const snapshotEvery = options.snapshotEveryReports ?? 0;
    progress.lastGoodWeights = await this.guard(engine.readWeights());
    progress.lastGoodStep = engine.step;
    let losses: number[] = [];
    let reports = 0;
    const rate = new StepRate();
    rate.start(engine.step, now());
    let lastReportAt = Number.NEGATIVE_INFINITY;
    while (engine.step < total) {
      await yieldToEventLoop();
      while (this.paused && !this.cancelled) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        rate.start(engine.step, now());
      }
      if (this.cancelled) return { status: 'cancelled', step: engine.step };
      const chunk = Math.min(reportEvery, total - engine.step);
      for (let k = 1; k < chunk; k++) engine.trainStep(false);
      const lossTensor = engine.trainStep(true)!;
      losses = Array.from(await this.guard(lossTensor.data()));
      lossTensor.dispose();
      if (losses.some((l) => !Number.isFinite(l))) {
        return { status: 'diverged', step: engine.step, losses, ...progress };
      }
      const isLast = engine.step >= total;
      if (!isLast && now() - lastReportAt < (options.minReportIntervalMs ?? 0)) continue;
      reports++;
      const snapshot = isLast || (snapshotEvery > 0 && reports % snapshotEvery === 0);
      const weights = snapshot ? await this.guard(engine.readWeights()) : undefined;
      if (weights) {
        progress.lastGoodWeights = weights;
        progress.lastGoodStep = engine.step;
      }
      const t = now();
      lastReportAt = t;
      const stepsPerSecond = rate.report(engine.step, t);
      const learningRate = scheduledLearningRate(engine.config, engine.step - 1);
      options.onProgress?.({ step: engine.step, totalSteps: total, losses, stepsPerSecond, learningRate, ...(weights ? { weights } : {}) });
    }
    if (this.cancelled) return { status: 'cancelled', step: engine.step };
    return { status: 'completed', step: engine.step, losses, weights: progress.lastGoodWeights };
  }
}
