/**
 * The sweep's runs spread over worker threads (docs/engine-speed.md). A run's models depend only on
 * its configuration (every instance's streams are keyed by seed and density), so which worker
 * trains a run, and beside which others, never changes a model: the pool trains the same models as
 * one worker (tests/unit/scripts/sweep-pool.test.ts). Runs are handed out longest first, each to the
 * next free worker, so the longest run does not start last.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ModelConfig } from '../src/model/config';
import type { LossEstimate } from '../src/model/evaluation';
import type { NetworkWeights } from '../src/model/network';
import type { BackendName } from '../src/training/backend';

/** One training run: trains `config` to the end. `cost` (any unit) orders the runs and weighs their progress. */
export interface PoolJob {
  readonly id: number;
  readonly config: ModelConfig;
  readonly cost: number;
}

export interface PoolRequest {
  readonly job: PoolJob;
  readonly backend: BackendName;
  /** [n] feature importances, for the evaluation. */
  readonly importance: readonly number[];
  /** Examples of the exact evaluation per model; 0 for none. */
  readonly evalExamples: number;
}

export type PoolReply =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly step: number;
      readonly totalSteps: number;
      readonly stepsPerSecond: number;
      readonly learningRate: number;
      readonly losses: readonly number[];
    }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly weights: readonly NetworkWeights[];
      readonly losses: readonly number[];
      /** Training seconds, evaluation excluded. */
      readonly seconds: number;
      /** One per instance, in the configuration's density order; null when evalExamples is 0. */
      readonly evaluations: readonly LossEstimate[] | null;
      readonly evaluationSeconds: number;
    }
  | { readonly type: 'failed'; readonly id: number; readonly reason: string };

export type PoolResult = Extract<PoolReply, { type: 'done' }>;
export type PoolProgress = Extract<PoolReply, { type: 'progress' }>;

export interface PoolOptions {
  /** Worker threads; by default one per core the process may use, never more than there are jobs. */
  readonly workers?: number;
  readonly backend: BackendName;
  readonly importance: ArrayLike<number>;
  readonly evalExamples: number;
  readonly onProgress?: (progress: PoolProgress) => void;
  /** Called as each run finishes, in the order they finish. */
  readonly onDone?: (job: PoolJob, result: PoolResult) => void;
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/**
 * Trains every job on `options.workers` worker threads; resolves with the results in the jobs'
 * order, or rejects with the first failure (after stopping every worker).
 */
export async function trainInWorkers(jobs: readonly PoolJob[], options: PoolOptions): Promise<PoolResult[]> {
  const workerCount = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(), jobs.length));
  const queue = [...jobs].sort((a, b) => b.cost - a.cost);
  const results = new Map<number, PoolResult>();
  const importance = Array.from(options.importance);
  const workers = Array.from({ length: workerCount }, () => new Worker(new URL('./sweep-worker.mjs', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const job = queue.shift();
              if (!job) {
                resolve();
                return;
              }
              worker.postMessage({ job, backend: options.backend, importance, evalExamples: options.evalExamples } satisfies PoolRequest);
            };
            worker.on('message', (reply: PoolReply) => {
              if (reply.type === 'progress') options.onProgress?.(reply);
              else if (reply.type === 'failed') reject(new Error(`run ${reply.id}: ${reply.reason}`));
              else {
                results.set(reply.id, reply);
                options.onDone?.(jobs.find((j) => j.id === reply.id)!, reply);
                next();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a sweep worker exited with code ${code}`));
            });
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return jobs.map((job) => results.get(job.id)!);
}
