/**
 * Messages across the worker boundary. Every message names its run, so the page can ignore
 * reports from a run it has already replaced.
 */
import type { ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import type { BackendChoice, BackendName } from './backend';
import type { DivergenceCause } from './precision';
import type { WeightsSnapshot } from './snapshot';

export interface TrainRequest {
  readonly type: 'train';
  readonly runId: number;
  readonly config: ModelConfig;
  /** Use this backend if it initialises; otherwise the automatic order. */
  readonly backend?: BackendName;
  /**
   * Wasm threads the worker's backend may start (TrainerPool's share of the cores, parallelism.ts);
   * read only when the worker first starts wasm, after which its count is fixed. Default: every core.
   */
  readonly wasmThreads?: number;
  readonly reportEvery: number;
  readonly snapshotEveryReports: number;
  readonly minReportIntervalMs: number;
  /** Start from these weights instead of the seeded initialisation. */
  readonly initial?: readonly NetworkWeights[];
}

export type WorkerRequest =
  | TrainRequest
  | { readonly type: 'pause' | 'resume' | 'cancel'; readonly runId: number }
  /** Simulates a GPU reset (WEBGL_lose_context) for the browser tests. */
  | { readonly type: 'lose-webgl-context'; readonly runId: number };

/** How a run ended, as the page hears it: the final or last good weights come analysed. */
export type RunEnd =
  | { readonly status: 'completed'; readonly step: number; readonly losses: readonly number[]; readonly snapshot: WeightsSnapshot }
  | { readonly status: 'cancelled'; readonly step: number }
  | {
      readonly status: 'diverged';
      readonly step: number;
      /** The losses of the step that diverged (at least one is not finite). */
      readonly losses: readonly number[];
      /** The last weights read back while every loss was finite, if any were. */
      readonly lastGood: WeightsSnapshot | null;
      /** What most likely made it diverge: the backend's 16-bit floats, or the learning rate. */
      readonly likelyCause: DivergenceCause;
    };

export type WorkerEvent =
  | { readonly type: 'backend'; readonly runId: number; readonly choice: BackendChoice }
  | {
      readonly type: 'progress';
      readonly runId: number;
      readonly step: number;
      readonly totalSteps: number;
      /** Per instance, the loss on the last step's batch. */
      readonly losses: readonly number[];
      readonly stepsPerSecond: number;
      /** On snapshot reports only. */
      readonly snapshot?: WeightsSnapshot;
    }
  /** The backend failed mid-run; training goes on from the last good weights on the next backend. */
  | { readonly type: 'fallback'; readonly runId: number; readonly from: BackendName; readonly reason: string; readonly resumeStep: number }
  /** `tensors` is the worker's live tensor count after the run's engine was disposed. */
  | { readonly type: 'outcome'; readonly runId: number; readonly outcome: RunEnd; readonly tensors: number }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
