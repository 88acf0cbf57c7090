/**
 * A Lit reactive controller that owns the training worker for its host: it starts, pauses,
 * resumes and cancels runs, and keeps the latest status (step, losses, loss history, weights,
 * backend) for the host to render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelAnalysis } from '../model/analysis';
import type { ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import type { BackendName } from '../training/backend';
import type { WorkerEvent } from '../training/protocol';
import { TrainerClient } from '../training/trainer-client';

export type TrainingTarget = 'live' | 'sweep' | 'motif';
export type TrainingPhase = 'idle' | 'starting' | 'training' | 'paused' | 'completed' | 'cancelled' | 'diverged' | 'failed';

const IN_FLIGHT: readonly TrainingPhase[] = ['starting', 'training', 'paused'];

/** Whether a run for `target` is starting, training or paused. */
export function isRunning(status: TrainingStatus, target: TrainingTarget): boolean {
  return status.target === target && IN_FLIGHT.includes(status.phase);
}

export interface TrainingStatus {
  readonly target: TrainingTarget | null;
  readonly phase: TrainingPhase;
  readonly config: ModelConfig | null;
  readonly step: number;
  readonly losses: readonly number[];
  /** Per instance, the loss at every report. */
  readonly lossHistory: readonly (readonly (readonly [number, number])[])[];
  readonly weights: readonly NetworkWeights[] | null;
  /** The worker's analysis of `weights`, when it sent one (per instance, same order). */
  readonly summaries: readonly ModelAnalysis[] | null;
  /** The step `weights` are from. */
  readonly weightsStep: number;
  readonly backend: BackendName | null;
  readonly stepsPerSecond: number;
  /** A plain-text sentence for the reader when something went wrong or fell back. */
  readonly message: string | null;
  /** The worker's live tensor count after its last finished run (a leak shows as growth). */
  readonly workerTensors: number | null;
}

const IDLE: TrainingStatus = {
  target: null,
  phase: 'idle',
  config: null,
  step: 0,
  losses: [],
  lossHistory: [],
  weights: null,
  summaries: null,
  weightsStep: 0,
  backend: null,
  stepsPerSecond: 0,
  message: null,
  workerTensors: null,
};

export class TrainingController implements ReactiveController {
  status: TrainingStatus = IDLE;
  private client: TrainerClient | null = null;
  private forcedBackend: BackendName | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.client?.dispose();
    this.client = null;
  }

  start(target: TrainingTarget, config: ModelConfig, options: { backend?: BackendName; reportEvery?: number } = {}): void {
    this.client ??= new TrainerClient((event) => this.onEvent(event));
    this.forcedBackend = options.backend;
    this.set({
      ...IDLE,
      workerTensors: this.status.workerTensors,
      target,
      phase: 'starting',
      config,
      lossHistory: config.densities.map(() => []),
    });
    this.client.train(config, {
      reportEvery: options.reportEvery ?? 25,
      snapshotEveryReports: 2,
      ...(options.backend ? { backend: options.backend } : {}),
    });
  }

  pause(): void {
    if (this.status.phase !== 'training') return;
    this.client?.pause();
    this.set({ phase: 'paused' });
  }

  resume(): void {
    if (this.status.phase !== 'paused') return;
    this.client?.resume();
    this.set({ phase: 'training' });
  }

  cancel(): void {
    if (this.status.phase !== 'training' && this.status.phase !== 'paused' && this.status.phase !== 'starting') return;
    this.client?.cancel();
    this.set({ phase: 'cancelled' });
  }

  /** Simulates a GPU reset in the worker (browser tests). */
  loseWebGLContext(): void {
    this.client?.loseWebGLContext();
  }

  get running(): boolean {
    return IN_FLIGHT.includes(this.status.phase);
  }

  private set(patch: Partial<TrainingStatus>): void {
    this.status = { ...this.status, ...patch };
    this.host.requestUpdate();
  }

  private onEvent(event: WorkerEvent): void {
    switch (event.type) {
      case 'backend': {
        const { backend, skipped } = event.choice;
        const forced = this.forcedBackend;
        const reason = skipped.find((s) => s.backend === forced)?.reason;
        // 'excluded' means it already failed in this worker, and the fallback notice said so.
        const refused = forced && forced !== backend && reason !== 'excluded';
        this.set({
          backend,
          phase: this.status.phase === 'starting' ? 'training' : this.status.phase,
          ...(refused
            ? { message: `The ${forced} backend could not be used (${reason ?? 'unavailable'}); training on ${backend} instead.` }
            : {}),
        });
        break;
      }
      case 'progress': {
        const { progress } = event;
        const lossHistory = this.status.lossHistory.map((points, k) => [...points, [progress.step, progress.losses[k]!] as const]);
        this.set({
          step: progress.step,
          losses: progress.losses,
          lossHistory,
          stepsPerSecond: progress.stepsPerSecond,
          ...(progress.weights ? { weights: progress.weights, summaries: event.summaries ?? null, weightsStep: progress.step } : {}),
        });
        break;
      }
      case 'fallback':
        this.set({
          message: `The ${event.from} backend failed (${event.reason}). Training continues on another backend from the weights of step ${event.resumeStep.toLocaleString('en')}.`,
        });
        break;
      case 'outcome': {
        const { outcome } = event;
        this.set({ workerTensors: event.tensors });
        if (outcome.status === 'completed') {
          // The last report already carried the final weights: keeping that object keeps its analysis.
          const reported = this.status.weightsStep === outcome.step && this.status.weights !== null;
          this.set({
            phase: 'completed',
            ...(reported ? {} : { weights: outcome.weights, summaries: null }),
            weightsStep: outcome.step,
            step: outcome.step,
          });
        } else if (outcome.status === 'failed')
          this.set({ phase: 'failed', weights: outcome.lastGoodWeights, summaries: null, message: `Training stopped: ${outcome.reason}.` });
        else if (outcome.status === 'diverged') {
          this.set({
            phase: 'diverged',
            weights: outcome.lastGoodWeights,
            summaries: null,
            message: `Training diverged at step ${outcome.step} (the loss became ${outcome.losses.find((l) => !Number.isFinite(l))}). Showing the last good weights, from step ${outcome.lastGoodStep}. Try a smaller learning rate.`,
          });
        } else this.set({ phase: 'cancelled' });
        break;
      }
      case 'error':
        this.set({
          phase: 'failed',
          message: `Training stopped: ${event.message}. The figures keep the last weights; press Train to try again.`,
        });
        break;
    }
  }
}
