import { beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/model/config';
import type { NetworkWeights } from '../../../src/model/network';
import { selectBackend } from '../../../src/training/backend';
import { createTrainingEngine } from '../../../src/training/engine';
import { initialWeights } from '../../../src/training/initial-weights';
import { TrainingRun, type TrainingProgress } from '../../../src/training/run';
import { snapshotOf } from '../../../src/training/snapshot';

const config = makeConfig({ n: 10, m: 4, densities: [0.3, 0.1], batch: 64, steps: 200, seed: 3 });

beforeAll(async () => {
  await selectBackend({ forced: 'cpu' });
});

describe('a training run', () => {
  it('reports every N steps with one loss per instance, and weights on snapshot reports', async () => {
    const reports: TrainingProgress[] = [];
    const engine = createTrainingEngine(config);
    const outcome = await new TrainingRun(engine, { reportEvery: 50, snapshotEveryReports: 2, onProgress: (p) => reports.push(p) }).done;
    engine.dispose();
    expect(reports.map((r) => r.step)).toEqual([50, 100, 150, 200]);
    expect(reports.every((r) => r.losses.length === 2)).toBe(true);
    expect(reports.map((r) => r.weights !== undefined)).toEqual([false, true, false, true]);
    expect(outcome.status).toBe('completed');
  });

  it('a report’s message carries only its own step, so its size does not grow with the run’s length', async () => {
    // The values in a message as the worker posts it (training.worker.ts): the report and its snapshot's
    // frame if any. The snapshot's analyses are left out: their size follows the model (which features a
    // neuron represents), not the run's length, and they are checked to be one per instance.
    const values = (v: unknown): number => {
      if (ArrayBuffer.isView(v)) return (v as Float32Array).length;
      if (Array.isArray(v)) return v.reduce((sum: number, x) => sum + values(x), 0);
      if (v && typeof v === 'object') return Object.values(v).reduce((sum: number, x) => sum + values(x), 0);
      return 1;
    };
    const sizes: { snapshot: boolean; size: number }[] = [];
    const engine = createTrainingEngine(config);
    await new TrainingRun(engine, {
      reportEvery: 10,
      snapshotEveryReports: 5,
      onProgress: ({ weights, ...progress }) => {
        const snapshot = weights ? snapshotOf(config, progress.step, weights, progress.losses) : undefined;
        const message = { type: 'progress', runId: 1, ...progress, ...(snapshot ? { snapshot: { frame: snapshot.frame } } : {}) };
        if (snapshot) expect(snapshot.analyses).toHaveLength(config.densities.length);
        sizes.push({ snapshot: weights !== undefined, size: values(message) });
      },
    }).done;
    engine.dispose();
    expect(sizes).toHaveLength(20);
    for (const kind of [false, true]) {
      const of = sizes.filter((s) => s.snapshot === kind).map((s) => s.size);
      expect(of.length).toBeGreaterThan(2);
      expect(new Set(of).size).toBe(1);
    }
    // A loss report: type, run, step, total, two losses, speed, learning rate.
    expect(sizes[0]!.size).toBe(8);
  });

  it('stops advancing while paused and finishes after resume', async () => {
    const engine = createTrainingEngine(config);
    const steps: number[] = [];
    const run = new TrainingRun(engine, { reportEvery: 20, onProgress: (p) => steps.push(p.step) });
    run.pause();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(engine.step).toBe(0);
    expect(run.isPaused).toBe(true);
    run.resume();
    const outcome = await run.done;
    engine.dispose();
    expect(outcome.status).toBe('completed');
    expect(steps.at(-1)).toBe(200);
  });

  it('stops early when cancelled', async () => {
    const engine = createTrainingEngine(config);
    let run: TrainingRun | null = null;
    run = new TrainingRun(engine, { reportEvery: 10, onProgress: (p) => p.step >= 30 && run?.cancel() });
    const outcome = await run.done;
    engine.dispose();
    expect(outcome).toEqual({ status: 'cancelled', step: 30 });
  });

  it('hears a cancel sent from another task although its readbacks resolve at once (cpu, as in the worker)', async () => {
    const engine = createTrainingEngine({ ...config, steps: 5_000 });
    const run = new TrainingRun(engine, { reportEvery: 10 });
    setTimeout(() => run.cancel(), 0);
    const outcome = await run.done;
    engine.dispose();
    expect(outcome.status).toBe('cancelled');
    expect(outcome.step).toBeLessThan(500);
  });

  it('detects a diverging run at the first report and keeps the last good weights', async () => {
    const good = initialWeights(config, 0);
    const exploding: NetworkWeights = {
      ...good,
      W1: good.W1.map((row) => row.map((v) => v * 1e30)),
      W2: good.W2.map((row) => row.map((v) => v * 1e30)),
    };
    const engine = createTrainingEngine(config, { initial: [exploding, good] });
    const outcome = await new TrainingRun(engine, { reportEvery: 5 }).done;
    engine.dispose();
    expect(outcome.status).toBe('diverged');
    if (outcome.status !== 'diverged') return;
    expect(outcome.step).toBe(5);
    expect(outcome.lastGoodStep).toBe(0);
    expect(outcome.losses.some((l) => !Number.isFinite(l))).toBe(true);
    expect(outcome.lastGoodWeights[1]!.W1).toEqual(good.W1.map((row) => row.map((v) => Math.fround(v))));
  });
});

describe('report pacing', () => {
  it('skips reports due sooner than the minimum interval but always reports the last step, with its weights', async () => {
    const engine = createTrainingEngine(config);
    const reports: TrainingProgress[] = [];
    const outcome = await new TrainingRun(engine, {
      reportEvery: 5,
      snapshotEveryReports: 1,
      minReportIntervalMs: 60_000,
      onProgress: (p) => reports.push(p),
    }).done;
    engine.dispose();
    expect(outcome.status).toBe('completed');
    // The first report is due at once; every later one falls inside the interval except the last.
    expect(reports.map((p) => p.step)).toEqual([5, config.steps]);
    expect(reports.at(-1)!.weights).toHaveLength(2);
  });
});

describe('a failing backend', () => {
  it('stops the run as failed with the reason and the last good weights when the backend is lost', async () => {
    const engine = createTrainingEngine(config);
    let lose: (reason: string) => void = () => {};
    const backendLost = new Promise<string>((resolve) => (lose = resolve));
    const outcome = await new TrainingRun(engine, {
      reportEvery: 10,
      snapshotEveryReports: 1,
      onProgress: (p) => p.step === 20 && lose('the WebGL context was lost'),
      backendLost,
    }).done;
    engine.dispose();
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.reason).toBe('the WebGL context was lost');
    expect(outcome.lastGoodStep).toBe(20);
    expect(outcome.lastGoodWeights).toHaveLength(2);
  });

  it('turns an exception inside a step into a failed outcome instead of a rejected promise', async () => {
    const engine = createTrainingEngine(config);
    const run = new TrainingRun(engine, { reportEvery: 10, onProgress: (p) => p.step === 10 && engine.dispose() });
    const outcome = await run.done;
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/after dispose/);
  });

  it('continues from given weights at a given step with fresh Adam moments', async () => {
    const first = createTrainingEngine(config);
    for (let s = 0; s < 30; s++) first.trainStep();
    const weights = await first.readWeights();
    first.dispose();
    const resumed = createTrainingEngine(config, { initial: weights, startStep: 30 });
    expect(resumed.step).toBe(30);
    expect(await resumed.readWeights()).toEqual(weights);
    const outcome = await new TrainingRun(resumed, { reportEvery: 50 }).done;
    resumed.dispose();
    expect(outcome.status).toBe('completed');
    expect(outcome.step).toBe(200);
  });
});
