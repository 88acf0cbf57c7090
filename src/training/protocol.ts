/**
 * Messages across the worker boundary. Every message names its run, so the page can ignore
 * reports from a run it has already replaced.
 */
import type { ModelAnalysis } from '../model/analysis';
import type { ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import type { BackendChoice, BackendName } from './backend';
import type { DivergenceCause } from './precision';
import type { RunOutcome, TrainingProgress } from './run';

export interface TrainRequest {
  readonly type: 'train';
  readonly runId: number;
  readonly config: ModelConfig;
  /** Use this backend if it initialises; otherwise the automatic order. */
  readonly backend?: BackendName;
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

export type WorkerEvent =
  | { readonly type: 'backend'; readonly runId: number; readonly choice: BackendChoice }
  /** `summaries`: the analysis of `progress.weights`, made in the worker (analysed-progress.ts). */
  | {
      readonly type: 'progress';
      readonly runId: number;
      readonly progress: TrainingProgress;
      readonly summaries?: readonly ModelAnalysis[];
    }
  /** The backend failed mid-run; training goes on from the last good weights on the next backend. */
  | { readonly type: 'fallback'; readonly runId: number; readonly from: BackendName; readonly reason: string; readonly resumeStep: number }
  /**
   * `tensors` is the worker's live tensor count after the run's engine was disposed; `likelyCause`
   * comes with a diverged outcome only.
   */
  | {
      readonly type: 'outcome';
      readonly runId: number;
      readonly outcome: RunOutcome;
      readonly tensors: number;
      readonly likelyCause?: DivergenceCause;
    }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
