/**
 * The worker-pool page (bench/pool.html): trains the paper's 7-instance sweep (batch 1,024, the
 * replication recipe's learning rate) for `steps` steps through the page's TrainerPool on wasm, spread over
 * `workers` workers, and publishes the wall time and the final weights on `window.poolResult`.
 * The browser test compares one worker with several (the same models, bit for bit); the bench
 * reports the speed-up.
 */
import { makeConfig, PAPER_DENSITIES } from '../src/model/config';
import type { NetworkWeights } from '../src/model/network';
import type { WorkerEvent } from '../src/training/protocol';
import { TrainerPool } from '../src/training/trainer-pool';

export interface PoolResult {
  readonly workers: number;
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
  }
}

function main(): Promise<PoolResult> {
  const query = new URLSearchParams(location.search);
  const workers = Math.min(8, Math.max(1, Math.round(Number(query.get('workers') ?? 1))));
  const steps = Math.min(5_000, Math.max(1, Math.round(Number(query.get('steps') ?? 100))));
  const config = makeConfig({ densities: [...PAPER_DENSITIES], steps });
  return new Promise((resolve) => {
    let backend: string | undefined;
    const started = performance.now();
    const pool = new TrainerPool(
      (event: WorkerEvent) => {
        if (event.type === 'backend') backend = event.choice.backend;
        if (event.type === 'error') resolve({ workers, steps, seconds: 0, error: event.message });
        if (event.type !== 'outcome') return;
        const seconds = (performance.now() - started) / 1000;
        const { outcome } = event;
        pool.dispose();
        if (outcome.status !== 'completed') resolve({ workers, steps, seconds, error: `the run ended ${outcome.status}` });
        else {
          const weights = outcome.snapshot.instances.map((i) => i.weights);
          resolve({ workers, steps, seconds, ...(backend ? { backend } : {}), weights, losses: outcome.losses });
        }
      },
      undefined,
      workers,
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
