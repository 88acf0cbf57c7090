/**
 * The sweep CLI's worker pool trains the same models as one worker: a run's models depend only on
 * its configuration, not on the worker or the runs beside it.
 */
import { describe, expect, it } from 'vitest';
import { importances, makeConfig } from '../../../src/model/config';
import { type PoolJob, trainInWorkers } from '../../../scripts/sweep-pool';

const jobs: PoolJob[] = [0, 1].flatMap((seed) =>
  [[1, 0.1], [0.01]].map((densities, k) => ({
    id: 2 * seed + k,
    config: makeConfig({ densities, batch: 64, steps: 40, seed }),
    cost: densities.length,
  })),
);
const options = { backend: 'wasm', importance: importances(jobs[0]!.config), evalExamples: 2_000 } as const;

describe('the sweep pool', () => {
  it('trains the same models on two workers as on one', { timeout: 120_000 }, async () => {
    const one = await trainInWorkers(jobs, { ...options, workers: 1 });
    const two = await trainInWorkers(jobs, { ...options, workers: 2 });
    expect(one.map((r) => r.id)).toEqual(jobs.map((j) => j.id));
    expect(two.map((r) => r.weights)).toEqual(one.map((r) => r.weights));
    expect(two.map((r) => r.evaluations)).toEqual(one.map((r) => r.evaluations));
    expect(new Set(one.flatMap((r) => r.weights.map((w) => JSON.stringify(w)))).size).toBe(6);
  });
});
