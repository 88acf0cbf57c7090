/**
 * A Lit reactive controller that owns the training workers for its host (a TrainerPool): it starts, pauses,
 * resumes and cancels runs, keeps the latest status for the host to render, and tells a listener
 * when a run starts and when it ends (once per run), so that whoever waits for a run to end hears
 * it as an event rather than by polling the status.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelConfig } from '../../model/config';
import type { BackendName } from '../../training/backend';
import type { DivergenceCause } from '../../training/precision';
import type { RunEnd, WorkerEvent } from '../../training/protocol';
import { initialWeights } from '../../training/initial-weights';
import type { WeightsSnapshot } from '../../training/snapshot';
import { frameOf, type RunFrame } from '../../training/run-frame';
import { rememberAnalyses } from './frame-data';
import type { TrainOptions } from '../../training/trainer-client';
import { TrainerPool } from '../../training/trainer-pool';
import { formatCount, formatLoss } from '../../viz/core/format';
import { addFrame, emptyTimeline, frameCap, type Timeline } from './timeline';

export type TrainingTarget = 'live' | 'sweep' | 'motif';
/** The phases of a run: in flight (starting, training, paused), then one of the ends. */
export type RunPhase = 'starting' | 'training' | 'paused' | 'completed' | 'cancelled' | 'replaced' | 'diverged' | 'failed';

const IN_FLIGHT: readonly RunPhase[] = ['starting', 'training', 'paused'];

/** What a reader can do about a divergence, by its likely cause. */
const DIVERGENCE_ADVICE: Readonly<Record<DivergenceCause, string>> = {
  'half-precision': 'This backend stores only 16-bit floats, too coarse for this model: choose the wasm backend.',
  'learning-rate': 'Try a smaller learning rate.',
};

/** [step, loss] */
export type LossPoint = readonly [number, number];

export interface RunStatus {
  readonly phase: RunPhase;
  readonly target: TrainingTarget;
  readonly config: ModelConfig;
  /** The last step reported. */
  readonly step: number;
  /** Per instance, the loss on the last reported step's batch. */
  readonly losses: readonly number[];
  /**
   * Per instance, the loss at every report. The controller appends each report's points to these
   * arrays in place (a report carries only its own step's losses), so a report costs the same
   * however long the run; every status of one run shares them.
   */
  readonly lossHistory: readonly (readonly LossPoint[])[];
  /** The newest run frame reported (its analyses remembered, frame-data.ts); null until the first. */
  readonly snapshot: RunFrame | null;
  /**
   * The run's kept snapshots, for the training timeline (timeline.ts): the initialisation at step 0,
   * then every snapshot reported, thinned to a bounded number as the run grows.
   */
  readonly timeline: Timeline;
  readonly backend: BackendName | null;
  readonly stepsPerSecond: number;
  /** A plain-text sentence for the reader when something went wrong or fell back. */
  readonly message: string | null;
}

export interface IdleStatus {
  readonly phase: 'idle';
  readonly target: null;
}

export type TrainingStatus = IdleStatus | RunStatus;

const IDLE: IdleStatus = { phase: 'idle', target: null };

/** Whether the status is a run for `target` that is starting, training or paused. */
export function isRunning(status: TrainingStatus, target: TrainingTarget): status is RunStatus {
  return status.target === target && IN_FLIGHT.includes(status.phase as RunPhase);
}

/** A run started or ended; an end carries the phase it ended in. */
export type RunChange =
  | { readonly type: 'started'; readonly target: TrainingTarget }
  /** `replacedBy`: the target of the run that replaced it (phase 'replaced'). */
  | { readonly type: 'ended'; readonly target: TrainingTarget; readonly phase: RunPhase; readonly replacedBy?: TrainingTarget };

/**
 * A new run's timeline: its initial weights as the frame at step 0. They are the seeded weights the
 * worker starts from (initial-weights.ts), made here in a few milliseconds, so the timeline begins
 * at the initialisation rather than at the first report.
 */
function startingTimeline(config: ModelConfig): Timeline {
  const timeline = emptyTimeline(frameCap(config.densities.length, config.n, config.m));
  const weights = config.densities.map((_, k) => initialWeights(config, k));
  return addFrame(timeline, frameOf(0, config.densities, weights));
}

/** The snapshot's frame, its worker-made analyses remembered for it (frame-data.ts). */
function keptFrame(snapshot: WeightsSnapshot): RunFrame {
  rememberAnalyses(snapshot.frame, snapshot.analyses);
  return snapshot.frame;
}

/** The newest frame, and the timeline with it as its newest frame. */
function withFrame(timeline: Timeline, frame: RunFrame): Pick<RunStatus, 'snapshot' | 'timeline'> {
  return { snapshot: frame, timeline: addFrame(timeline, frame) };
}

/** `history` with one report's losses at `step` appended to each instance's points, in place (no copy). */
function appended(history: readonly (readonly LossPoint[])[], step: number, losses: readonly number[]): readonly (readonly LossPoint[])[] {
  history.forEach((points, k) => {
    (points as LossPoint[]).push([step, losses[k] ?? Number.NaN]);
  });
  return history;
}

export class TrainingController implements ReactiveController {
  /** The run in flight, or the last one to end, whatever its target. */
  status: TrainingStatus = IDLE;
  /** Each target's latest run, kept when a run for another target replaces it, until dismissed. */
  private readonly runs: Partial<Record<TrainingTarget, RunStatus>> = {};
  /** The worker's live tensor count after its last finished run (a leak shows as growth). */
  workerTensors: number | null = null;
  private client: TrainerPool | null = null;
  private forcedBackend: BackendName | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onRunChange: (change: RunChange) => void = () => {},
    /** The worker factory; tests pass a fake. */
    private readonly createWorker?: () => Worker,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.client?.dispose();
    this.client = null;
  }

  get running(): boolean {
    return IN_FLIGHT.includes(this.status.phase as RunPhase);
  }

  /** Starts a run for `target`, replacing any run in flight. */
  start(target: TrainingTarget, config: ModelConfig, options: Pick<TrainOptions, 'backend' | 'reportEvery'> = {}): void {
    this.client ??= new TrainerPool((event) => this.onEvent(event), this.createWorker);
    if (this.running) this.end('replaced', {}, target);
    this.forcedBackend = options.backend;
    this.set({
      phase: 'starting',
      target,
      config,
      step: 0,
      losses: [],
      lossHistory: config.densities.map(() => []),
      snapshot: null,
      timeline: startingTimeline(config),
      backend: null,
      stepsPerSecond: 0,
      message: null,
    });
    this.client.train(config, options);
    this.onRunChange({ type: 'started', target });
  }

  pause(): void {
    if (this.status.phase !== 'training') return;
    this.client?.pause();
    this.patch({ phase: 'paused' });
  }

  resume(): void {
    if (this.status.phase !== 'paused') return;
    this.client?.resume();
    this.patch({ phase: 'training' });
  }

  cancel(): void {
    if (!this.running) return;
    this.client?.cancel();
    this.end('cancelled');
  }

  /**
   * The latest run for `target`: in flight, or ended (also when a run for another target followed
   * it, so a stopped sweep stays in its figure while the live model trains); idle once dismissed.
   */
  runOf(target: TrainingTarget): TrainingStatus {
    return this.runs[target] ?? IDLE;
  }

  /**
   * Forgets `target`'s run once it has ended, so that its figures go back to the shipped models (the
   * reader's "Restore the shipped models"). A run in flight is left alone: stop it first.
   */
  dismiss(target: TrainingTarget): void {
    const run = this.runs[target];
    if (!run || IN_FLIGHT.includes(run.phase)) return;
    delete this.runs[target];
    if (this.status.target === target) this.status = IDLE;
    this.host.requestUpdate();
  }

  /** Simulates a GPU reset in the worker (browser tests). */
  loseWebGLContext(): void {
    this.client?.loseWebGLContext();
  }

  private set(status: TrainingStatus): void {
    this.status = status;
    if (status.target) this.runs[status.target] = status;
    this.host.requestUpdate();
  }

  private patch(patch: Partial<RunStatus>): void {
    if (this.status.phase === 'idle') return;
    this.set({ ...this.status, ...patch });
  }

  /** Moves a run in flight to an end phase and tells the listener, once per run. */
  private end(phase: RunPhase, patch: Partial<RunStatus> = {}, replacedBy?: TrainingTarget): void {
    const status = this.status;
    if (status.phase === 'idle' || !IN_FLIGHT.includes(status.phase)) return;
    this.patch({ ...patch, phase });
    this.onRunChange({ type: 'ended', target: status.target, phase, ...(replacedBy ? { replacedBy } : {}) });
  }

  private onEvent(event: WorkerEvent): void {
    const status = this.status;
    if (status.phase === 'idle') return;
    switch (event.type) {
      case 'backend': {
        const { backend, skipped } = event.choice;
        const forced = this.forcedBackend;
        const reason = skipped.find((s) => s.backend === forced)?.reason;
        // 'excluded' means it already failed in this worker, and the fallback notice said so.
        const refused = forced && forced !== backend && reason !== 'excluded';
        this.patch({
          backend,
          phase: status.phase === 'starting' ? 'training' : status.phase,
          ...(refused
            ? { message: `The ${forced} backend could not be used (${reason ?? 'unavailable'}); training on ${backend} instead.` }
            : {}),
        });
        break;
      }
      case 'progress':
        if (!this.running) return;
        this.patch({
          step: event.step,
          losses: event.losses,
          lossHistory: appended(status.lossHistory, event.step, event.losses),
          stepsPerSecond: event.stepsPerSecond,
          ...(event.snapshot ? withFrame(status.timeline, keptFrame(event.snapshot)) : {}),
        });
        break;
      case 'fallback':
        this.patch({
          message: `The ${event.from} backend failed (${event.reason}). Training continues on another backend from the weights of step ${formatCount(event.resumeStep)}.`,
        });
        break;
      case 'outcome':
        this.workerTensors = event.tensors;
        this.onOutcome(status, event.outcome);
        this.host.requestUpdate();
        break;
      case 'error':
        this.end('failed', { message: `Training stopped: ${event.message}. The figures keep the last weights; press Train to try again.` });
        break;
    }
  }

  private onOutcome(status: RunStatus, outcome: RunEnd): void {
    switch (outcome.status) {
      case 'completed': {
        // The last report already carried these weights: keeping that object keeps the figures from redrawing them.
        const reported = status.snapshot?.step === outcome.step;
        this.end('completed', {
          step: outcome.step,
          losses: outcome.losses,
          ...(reported ? {} : withFrame(status.timeline, keptFrame(outcome.snapshot))),
        });
        break;
      }
      case 'diverged': {
        const bad = outcome.losses.find((l) => !Number.isFinite(l)) ?? Number.NaN;
        const lastGood = outcome.lastGood ? ` Showing the last good weights, from step ${formatCount(outcome.lastGood.frame.step)}.` : '';
        this.end('diverged', {
          snapshot: outcome.lastGood ? keptFrame(outcome.lastGood) : null,
          message: `Training diverged at step ${formatCount(outcome.step)} (the loss became ${formatLoss(bad)}).${lastGood} ${DIVERGENCE_ADVICE[outcome.likelyCause]}`,
        });
        break;
      }
      case 'cancelled':
        this.end('cancelled');
        break;
    }
  }
}
