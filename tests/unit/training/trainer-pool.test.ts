import { describe, expect, it, vi } from 'vitest';
import { makeConfig, PAPER_DENSITIES } from '../../../src/model/config';
import { expectedRows, STEP_OVERHEAD_ROWS } from '../../../src/model/recipe';
import type { TrainRequest, WorkerEvent } from '../../../src/training/protocol';
import type { WeightsSnapshot } from '../../../src/training/snapshot';
import { MAX_TRAINING_WORKERS } from '../../../src/training/parallelism';
import { defaultTrainingWorkers, splitInstances, TrainerPool } from '../../../src/training/trainer-pool';
import { type FakeWorker, fakeWorkers } from '../support/fake-worker';

const sweep = makeConfig({ densities: [...PAPER_DENSITIES], steps: 100 });

/** A snapshot whose instances and analyses carry only their density (the pool moves them, never reads them). */
const snapshotOf = (step: number, densities: readonly number[]): WeightsSnapshot =>
  ({
    frame: { step, losses: densities.map((d) => 3 * d), instances: densities.map((density) => ({ density })) },
    analyses: densities.map((density) => ({ density })),
  }) as unknown as WeightsSnapshot;

const trainRequest = (worker: FakeWorker): TrainRequest => worker.sent.filter((r): r is TrainRequest => r.type === 'train').at(-1)!;

/** A pool of `count` fake workers whose first worker has trained on `backend` once. */
function poolAfter(backend: 'wasm' | 'webgl' | null, count = 3) {
  const { workers, create } = fakeWorkers();
  const events: WorkerEvent[] = [];
  const pool = new TrainerPool((e) => events.push(e), create, count);
  if (backend) {
    pool.train(makeConfig({ densities: [0.1], steps: 10 }));
    workers[0]!.answer({ type: 'backend', runId: workers[0]!.runId, choice: { backend, precision: 32, skipped: [] } });
    events.length = 0;
  }
  return { pool, workers, events };
}

/** Each worker of the run reports step `step` (with a snapshot) of its own densities. */
function reportAll(workers: readonly FakeWorker[], step: number): void {
  for (const worker of workers) {
    const { densities } = trainRequest(worker).config;
    worker.answer({
      type: 'progress',
      runId: worker.runId,
      step,
      totalSteps: 100,
      losses: densities.map((d) => d),
      stepsPerSecond: 50 + workers.indexOf(worker),
      snapshot: snapshotOf(step, densities),
    });
  }
}

describe('splitting a run over workers', () => {
  it('puts every instance in exactly one group, in the config order, in at most the groups asked for', () => {
    for (const parts of [1, 2, 3, 4, 7, 12]) {
      const groups = splitInstances(sweep, parts);
      expect(groups.length).toBe(Math.min(parts, 7));
      expect(groups.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      for (const group of groups) expect(group).toEqual([...group].sort((a, b) => a - b));
    }
  });

  it('balances the groups by rows computed plus the dispatch cost of each instance', () => {
    const cost = (k: number) => STEP_OVERHEAD_ROWS + expectedRows({ density: sweep.densities[k]!, batch: sweep.batch }, sweep.n);
    const loads = splitInstances(sweep, 2).map((group) => group.reduce((sum, k) => sum + cost(k), 0));
    // The dense levels compute every row, the sparse ones few: no group carries more than the
    // costliest instance above the other.
    expect(Math.abs(loads[0]! - loads[1]!)).toBeLessThanOrEqual(cost(0));
  });
});

describe('the trainer pool', () => {
  it('keeps a run in one worker until it knows the backend computes on the CPU', () => {
    const { pool, workers } = poolAfter(null);
    pool.train(sweep);
    expect(workers).toHaveLength(1);
    expect(trainRequest(workers[0]!).config).toEqual(sweep);
  });

  it('keeps a GPU run whole in the first worker', () => {
    const { pool, workers } = poolAfter('webgl');
    pool.train(sweep);
    expect(workers).toHaveLength(1);
    expect(trainRequest(workers[0]!).config.densities).toEqual(sweep.densities);
  });

  it('splits a wasm run over the workers, each asked for wasm, and starts from the split initial weights', () => {
    const { pool, workers } = poolAfter('wasm');
    const initial = sweep.densities.map((d) => ({ W1: [[d]], W2: [[d]], b: [d] }));
    pool.train(sweep, { initial });
    expect(workers).toHaveLength(3);
    const requests = workers.map(trainRequest);
    expect(requests.flatMap((r) => r.config.densities).sort()).toEqual([...sweep.densities].sort());
    for (const request of requests) {
      expect(request.backend).toBe('wasm');
      expect(request.initial!.map((w) => w.b[0])).toEqual(request.config.densities);
      expect({ ...request.config, densities: sweep.densities }).toEqual(sweep);
    }
  });

  it('reports progress once every part has, with every instance in the config order and the slowest part’s speed', () => {
    const { pool, workers, events } = poolAfter('wasm');
    const runId = pool.train(sweep);
    workers[0]!.answer({ type: 'backend', runId: workers[0]!.runId, choice: { backend: 'wasm', precision: 32, skipped: [] } });
    workers[1]!.answer({ type: 'backend', runId: workers[1]!.runId, choice: { backend: 'wasm', precision: 32, skipped: [] } });
    expect(events.map((e) => e.type)).toEqual(['backend']);
    reportAll(workers.slice(0, 2), 25);
    expect(events.map((e) => e.type)).toEqual(['backend']);
    reportAll(workers.slice(2), 25);
    const progress = events.at(-1)!;
    expect(progress).toMatchObject({ type: 'progress', runId, step: 25, losses: sweep.densities, stepsPerSecond: 50 });
    if (progress.type !== 'progress' || !progress.snapshot) throw new Error('no merged snapshot');
    // One frame of every instance in the config's order: weights, losses and the worker's analyses alike.
    expect(progress.snapshot.frame.instances.map((i) => i.density)).toEqual(sweep.densities);
    expect(progress.snapshot.frame.losses).toEqual(sweep.densities.map((d) => 3 * d));
    expect(progress.snapshot.analyses).toEqual(sweep.densities.map((density) => ({ density })));
    // A part ahead of the others moves nothing: the run stands at its slowest part's step.
    workers[0]!.answer({ type: 'progress', runId: workers[0]!.runId, step: 50, totalSteps: 100, losses: [1, 1, 1], stepsPerSecond: 50 });
    expect(events.filter((e) => e.type === 'progress')).toHaveLength(1);
  });

  it('ends completed once every part has, with the merged weights and every worker’s tensors', () => {
    const { pool, workers, events } = poolAfter('wasm');
    const runId = pool.train(sweep);
    workers.forEach((worker, i) => {
      const { densities } = trainRequest(worker).config;
      expect(events.filter((e) => e.type === 'outcome')).toHaveLength(0);
      worker.answer({
        type: 'outcome',
        runId: worker.runId,
        tensors: 10 + i,
        outcome: { status: 'completed', step: 100, losses: densities.map((d) => 2 * d), snapshot: snapshotOf(100, densities) },
      });
    });
    const outcome = events.at(-1)!;
    expect(outcome).toMatchObject({ type: 'outcome', runId, tensors: 33, outcome: { status: 'completed', step: 100 } });
    if (outcome.type !== 'outcome' || outcome.outcome.status !== 'completed') throw new Error('not completed');
    expect(outcome.outcome.losses).toEqual(sweep.densities.map((d) => 2 * d));
    expect(outcome.outcome.snapshot.frame.instances.map((i) => i.density)).toEqual(sweep.densities);
  });

  it('closes the workers beyond the first once a split run has ended, and starts them again for the next', () => {
    const { pool, workers } = poolAfter('wasm');
    pool.train(sweep);
    for (const worker of workers) {
      const { densities } = trainRequest(worker).config;
      worker.answer({
        type: 'outcome',
        runId: worker.runId,
        tensors: 0,
        outcome: { status: 'completed', step: 100, losses: densities, snapshot: snapshotOf(100, densities) },
      });
    }
    expect(workers.map((w) => w.terminated)).toEqual([false, true, true]);
    pool.train(sweep);
    expect(workers).toHaveLength(5);
    expect(workers.slice(3).map((w) => trainRequest(w).type)).toEqual(['train', 'train']);
    expect(trainRequest(workers[0]!).config.densities.length).toBeLessThan(7);
  });

  it('takes one worker per core, at most four', () => {
    expect(MAX_TRAINING_WORKERS).toBe(4);
    for (const [cores, expected] of [
      [16, 4],
      [3, 3],
      [0, 1],
    ] as const) {
      vi.stubGlobal('navigator', { hardwareConcurrency: cores });
      expect(defaultTrainingWorkers()).toBe(expected);
    }
    vi.stubGlobal('navigator', { hardwareConcurrency: 16 });
    const { create, workers } = fakeWorkers();
    new TrainerPool(() => {}, create).train(sweep, { backend: 'wasm' });
    expect(workers).toHaveLength(4);
    vi.unstubAllGlobals();
  });

  it('gives every worker, the warm first one included, its share of the cores as wasm threads', () => {
    for (const [cores, count, threads] of [
      [64, 4, 16],
      [16, 4, 1],
      [2, 2, 1],
      [1, 1, 1],
    ] as const) {
      vi.stubGlobal('navigator', { hardwareConcurrency: cores });
      const { create, workers } = fakeWorkers();
      const pool = new TrainerPool(() => {}, create);
      // A single-instance live run trains in the first worker alone, with the same share.
      pool.train(makeConfig({ densities: [0.1], steps: 10 }));
      expect(trainRequest(workers[0]!).wasmThreads).toBe(threads);
      workers[0]!.answer({ type: 'backend', runId: workers[0]!.runId, choice: { backend: 'wasm', precision: 32, skipped: [] } });
      pool.train(sweep);
      expect(workers).toHaveLength(count);
      expect(workers.map((w) => trainRequest(w).wasmThreads)).toEqual(workers.map(() => threads));
      expect(count * threads).toBeLessThanOrEqual(cores);
    }
    vi.unstubAllGlobals();
  });

  it('shares the cores out over a worker count the caller names', () => {
    const { create, workers } = fakeWorkers();
    const pool = new TrainerPool(() => {}, create, 2, 32);
    expect(pool.threadsPerWorker).toBe(16);
    pool.train(sweep, { backend: 'wasm' });
    expect(workers.map((w) => trainRequest(w).wasmThreads)).toEqual([16, 16]);
  });

  it('reports a worker the browser refuses to start as the run failing, with the reason', async () => {
    let made = 0;
    const events: WorkerEvent[] = [];
    const pool = new TrainerPool(
      (e) => events.push(e),
      () => {
        made++;
        throw new TypeError("Failed to construct 'Worker': This document requires 'TrustedScriptURL' assignment.");
      },
      3,
    );
    const runId = pool.train(sweep, { backend: 'wasm' });
    await Promise.resolve();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ type: 'error', runId });
    expect(event!.type === 'error' && event!.message).toMatch(
      /browser refused to start a training worker \(.*TrustedScriptURL.*\); training is unavailable/,
    );
    expect(made).toBeGreaterThanOrEqual(1);
    // Pausing or stopping the failed run asks for no worker.
    pool.cancel();
    await Promise.resolve();
    expect(events).toHaveLength(1);
  });

  it('stops every part when one diverges, and reports the divergence with the others’ last weights', () => {
    const { pool, workers, events } = poolAfter('wasm');
    pool.train(sweep);
    reportAll(workers, 25);
    const [first, second, third] = workers;
    const diverging = trainRequest(second!).config.densities;
    second!.answer({
      type: 'outcome',
      runId: second!.runId,
      tensors: 0,
      outcome: {
        status: 'diverged',
        step: 40,
        losses: diverging.map(() => Number.NaN),
        lastGood: snapshotOf(25, diverging),
        likelyCause: 'learning-rate',
      },
    });
    for (const worker of [first!, third!]) expect(worker.sent.at(-1)!.type).toBe('cancel');
    const end = events.at(-1)!;
    if (end.type !== 'outcome' || end.outcome.status !== 'diverged') throw new Error('not diverged');
    expect(end.outcome.step).toBe(40);
    expect(end.outcome.lastGood!.frame.instances.map((i) => i.density)).toEqual(sweep.densities);
    expect(
      end.outcome.losses.map((l, k) => (diverging.includes(sweep.densities[k]!) ? Number.isNaN(l) : l === sweep.densities[k])),
    ).toEqual(sweep.densities.map(() => true));
    // The cancelled parts' ends are not a second outcome.
    first!.answer({ type: 'outcome', runId: first!.runId, tensors: 0, outcome: { status: 'cancelled', step: 41 } });
    expect(events.filter((e) => e.type === 'outcome')).toHaveLength(1);
  });

  it('cancels every part and reports one cancellation', () => {
    const { pool, workers, events } = poolAfter('wasm');
    pool.train(sweep);
    pool.cancel();
    for (const worker of workers) expect(worker.sent.at(-1)!.type).toBe('cancel');
    for (const worker of workers)
      worker.answer({ type: 'outcome', runId: worker.runId, tensors: 1, outcome: { status: 'cancelled', step: 3 } });
    expect(events.filter((e) => e.type === 'outcome')).toEqual([
      { type: 'outcome', runId: expect.any(Number), tensors: 3, outcome: { status: 'cancelled', step: 3 } },
    ]);
  });

  it('pauses and resumes every part', () => {
    const { pool, workers } = poolAfter('wasm');
    pool.train(sweep);
    pool.pause();
    expect(workers.map((w) => w.sent.at(-1)!.type)).toEqual(['pause', 'pause', 'pause']);
    pool.resume();
    expect(workers.map((w) => w.sent.at(-1)!.type)).toEqual(['resume', 'resume', 'resume']);
  });

  it('ignores the replaced run’s parts, and a crashed part fails the run once', () => {
    const { pool, workers, events } = poolAfter('wasm');
    pool.train(sweep);
    const stale = workers[2]!.runId;
    const live = makeConfig({ densities: [0.1], steps: 10 });
    const runId = pool.train(live);
    expect(workers[2]!.sent.at(-1)!.type).toBe('cancel');
    workers[2]!.answer({ type: 'outcome', runId: stale, tensors: 0, outcome: { status: 'cancelled', step: 1 } });
    expect(events).toHaveLength(0);
    pool.train(sweep);
    workers[1]!.crash('out of memory');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'error', runId: runId + 1 });
    expect(workers.filter((w) => !w.terminated).every((w) => w.sent.at(-1)!.type === 'cancel')).toBe(true);
  });
});
