/**
 * The worker-pool page (bench/pool.html): trains the paper's 7-instance sweep (batch 1,024, the
 * replication recipe's learning rate) for `steps` steps through the page's TrainerPool on wasm, spread over
 * `workers` workers, and publishes the wall time and the final weights on `window.poolResult`.
 * The browser test compares one worker with several (the same models, bit for bit); the bench
 * reports the speed-up.
 *
 * `workers=auto` sizes the pool as the article does (parallelism.ts) for `cores` cores (default:
 * navigator.hardwareConcurrency); `threads` gives each worker that many wasm threads instead of its
 * share of the cores. With `measure=1`, once the run has reported step `measureAt` (default 200) the
 * page sets `window.poolTraining`, so that the bench can sample the renderer's memory mid-run.
 */
import { makeConfig, PAPER_DENSITIES } from '../src/model/config';
import type { NetworkWeights } from '../src/model/network';
import type { WorkerEvent } from '../src/training/protocol';
import { reportedCores, trainingParallelism } from '../src/training/parallelism';
import { TrainerPool } from '../src/training/trainer-pool';
import { unpackInstance } from '../src/training/run-frame';

export interface PoolResult {
  readonly workers: number;
  /** Wasm threads each worker was given. */
  readonly threadsPerWorker?: number;
  readonly steps: number;
  /** From the train request to the merged outcome, worker start included. */
  readonly seconds: number;
  readonly backend?: string;
  /** Per instance, in the sweep's density order. */
  readonly weights?: readonly NetworkWeights[];
  readonly losses?: readonly number[];
  readonly error?: string;
}

declare global {
  interface Window {
    poolResult?: PoolResult;
    /** Set mid-run with measure=1. */
    poolTraining?: boolean;
  }
}

function main(): Promise<PoolResult> {
  const query = new URLSearchParams(location.search);
  const counted = (name: string, fallback: number, most: number): number =>
    Math.min(most, Math.max(1, Math.round(Number(query.get(name) ?? fallback))));
  const cores = query.has('cores') ? counted('cores', 1, 256) : reportedCores();
  const requested = query.get('workers') === 'auto' ? trainingParallelism(cores).workers : counted('workers', 1, 8);
  const threads = query.has('threads') ? counted('threads', 1, 64) : undefined;
  const steps = counted('steps', 100, 5_000);
  const measureAt = query.get('measure') === '1' ? counted('measureAt', 200, steps) : null;
  const config = makeConfig({ densities: [...PAPER_DENSITIES], steps });
  // The workers a run of 7 instances actually starts.
  const workers = Math.min(requested, config.densities.length);
  return new Promise((resolve) => {
    let backend: string | undefined;
    const started = performance.now();
    const pool = new TrainerPool(
      (event: WorkerEvent) => {
        if (event.type === 'backend') backend = event.choice.backend;
        if (event.type === 'error') resolve({ workers, steps, seconds: 0, error: event.message });
        if (event.type === 'progress' && measureAt !== null && event.step >= measureAt) window.poolTraining = true;
        if (event.type !== 'outcome') return;
        const seconds = (performance.now() - started) / 1000;
        const { outcome } = event;
        pool.dispose();
        const shape = { workers, threadsPerWorker: pool.threadsPerWorker, steps, seconds };
        if (outcome.status !== 'completed') resolve({ ...shape, error: `the run ended ${outcome.status}` });
        else {
          const weights = outcome.snapshot.frame.instances.map(unpackInstance);
          resolve({ ...shape, ...(backend ? { backend } : {}), weights, losses: outcome.losses });
        }
      },
      undefined,
      requested,
      threads === undefined ? cores : requested * threads,
    );
    // Few reports: the measured time is training, not snapshots.
    pool.train(config, { backend: 'wasm', reportEvery: 100, snapshotEveryReports: 1000 });
  });
}

main()
  .then((result) => (window.poolResult = result))
  .catch((error: unknown) => {
    window.poolResult = { workers: 0, steps: 0, seconds: 0, error: error instanceof Error ? error.message : String(error) };
  })
  .finally(() => {
    document.getElementById('result')!.textContent = window.poolResult?.error ?? `done in ${window.poolResult?.seconds.toFixed(1)} s`;
  });
