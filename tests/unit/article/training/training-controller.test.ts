/**
 * The training controller through its transitions, against a fake worker: phases, the one
 * started/ended notice per run that the live-run machine relies on, and snapshots kept whole.
 */
import { describe, expect, it } from 'vitest';
import { unpackInstance } from '../../../../src/training/run-frame';
import { frameAnalyses } from '../../../../src/article/training/frame-data';
import { type RunChange, type RunStatus, TrainingController } from '../../../../src/article/training/training-controller';
import { initialWeights } from '../../../../src/training/initial-weights';
import { makeConfig } from '../../../../src/model/config';
import type { NetworkWeights } from '../../../../src/model/network';
import { snapshotOf } from '../../../../src/training/snapshot';
import { fakeWorkers } from '../../support/fake-worker';

const config = makeConfig({ n: 4, m: 2, densities: [0.5], steps: 50 });
const weights: NetworkWeights = {
  W1: [
    [1, 0, 0, 0],
    [-1, 0, 0, 0],
  ],
  W2: [
    [1, 1],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  b: [0, 0, 0, 0],
};

function setUp() {
  const host = {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  const changes: RunChange[] = [];
  const { workers, create } = fakeWorkers();
  const controller = new TrainingController(host, (change) => changes.push(change), create);
  return { controller, changes, workers, host };
}

describe('the training controller', () => {
  it('moves a run from starting to training on the backend event, and reports its progress and snapshot', () => {
    const { controller, workers } = setUp();
    controller.start('live', config);
    expect(controller.status.phase).toBe('starting');
    const worker = workers[0]!;
    const runId = worker.runId;
    worker.answer({ type: 'backend', runId, choice: { backend: 'wasm', skipped: [] } as never });
    expect(controller.status).toMatchObject({ phase: 'training', backend: 'wasm' });
    const snapshot = snapshotOf(config, 25, [weights]);
    worker.answer({ type: 'progress', runId, step: 25, totalSteps: 50, losses: [0.5], stepsPerSecond: 100, snapshot });
    expect(controller.status).toMatchObject({ step: 25, losses: [0.5], snapshot: snapshot.frame, lossHistory: [[[25, 0.5]]] });
    // The frame is kept as it came, and the worker's analyses are its analyses.
    expect(frameAnalyses(snapshot.frame, config)).toBe(snapshot.analyses);
  });

  it('keeps the run’s timeline: the initialisation at step 0, then each snapshot reported, and a new run starts a new one', () => {
    const { controller, workers } = setUp();
    controller.start('live', config);
    const status = () => controller.status as RunStatus;
    expect(status().timeline.frames.map((f) => f.step)).toEqual([0]);
    expect(unpackInstance(status().timeline.frames[0]!.instances[0]!)).toEqual(initialWeights(config, 0));
    const worker = workers[0]!;
    const runId = worker.runId;
    const reported = snapshotOf(config, 50, [weights], [0.4]);
    worker.answer({ type: 'progress', runId, step: 25, totalSteps: 50, losses: [0.5], stepsPerSecond: 100 });
    worker.answer({
      type: 'progress',
      runId,
      step: 50,
      totalSteps: 50,
      losses: [0.4],
      stepsPerSecond: 100,
      snapshot: reported,
    });
    expect(status().timeline.frames.map((f) => f.step)).toEqual([0, 50]);
    expect(status().timeline.frames[1]).toBe(reported.frame);
    expect(unpackInstance(status().timeline.frames[1]!.instances[0]!)).toEqual(weights);
    controller.start('live', config);
    expect(status().timeline.frames.map((f) => f.step)).toEqual([0]);
  });

  it('appends each report’s losses to the run’s loss history in place, never copying it', () => {
    const { controller, workers } = setUp();
    controller.start('live', { ...config, steps: 100_000 });
    const runId = workers[0]!.runId;
    const history = (controller.status as RunStatus).lossHistory;
    for (let step = 25; step <= 25_000; step += 25) {
      workers[0]!.answer({ type: 'progress', runId, step, totalSteps: 100_000, losses: [1 / step], stepsPerSecond: 100 });
    }
    const status = controller.status as RunStatus;
    expect(status.lossHistory).toBe(history);
    expect(status.lossHistory[0]).toHaveLength(1000);
    expect(status.lossHistory[0]!.at(-1)).toEqual([25_000, 1 / 25_000]);
    // A new run starts a history of its own.
    controller.start('live', config);
    expect((controller.status as RunStatus).lossHistory[0]).toHaveLength(0);
  });

  it('tells its listener once when a run starts and once when it ends, however many ends it hears', () => {
    const { controller, changes, workers } = setUp();
    controller.start('sweep', config);
    controller.cancel();
    workers[0]!.answer({ type: 'outcome', runId: workers[0]!.runId, outcome: { status: 'cancelled', step: 10 }, tensors: 3 });
    expect(changes).toEqual([
      { type: 'started', target: 'sweep' },
      { type: 'ended', target: 'sweep', phase: 'cancelled' },
    ]);
    expect(controller.status.phase).toBe('cancelled');
    expect(controller.workerTensors).toBe(3);
  });

  it('a new run replaces the one in flight: its end is reported as replaced, then the new start', () => {
    const { controller, changes } = setUp();
    controller.start('sweep', config);
    controller.start('live', config);
    expect(changes).toEqual([
      { type: 'started', target: 'sweep' },
      { type: 'ended', target: 'sweep', phase: 'replaced', replacedBy: 'live' },
      { type: 'started', target: 'live' },
    ]);
    expect(controller.status).toMatchObject({ target: 'live', phase: 'starting' });
  });

  it('ignores the replaced run’s late events', () => {
    const { controller, workers } = setUp();
    controller.start('sweep', config);
    const stale = workers[0]!.runId;
    controller.start('live', config);
    workers[0]!.answer({ type: 'outcome', runId: stale, outcome: { status: 'cancelled', step: 10 }, tensors: 0 });
    expect(controller.status).toMatchObject({ target: 'live', phase: 'starting' });
  });

  it('on completion keeps the snapshot already reported for the last step', () => {
    const { controller, workers } = setUp();
    controller.start('live', config);
    const runId = workers[0]!.runId;
    const reported = snapshotOf(config, 50, [weights]);
    workers[0]!.answer({ type: 'progress', runId, step: 50, totalSteps: 50, losses: [0.1], stepsPerSecond: 10, snapshot: reported });
    const again = snapshotOf(config, 50, [weights]);
    workers[0]!.answer({ type: 'outcome', runId, outcome: { status: 'completed', step: 50, losses: [0.1], snapshot: again }, tensors: 0 });
    expect(controller.status.phase).toBe('completed');
    expect(controller.status.phase !== 'idle' && controller.status.snapshot).toBe(reported.frame);
  });

  it('a diverged run shows its last good weights and says where it diverged', () => {
    const { controller, workers, changes } = setUp();
    controller.start('live', config);
    const runId = workers[0]!.runId;
    const lastGood = snapshotOf(config, 25, [weights]);
    workers[0]!.answer({
      type: 'outcome',
      runId,
      outcome: { status: 'diverged', step: 30, losses: [Number.NaN], lastGood, likelyCause: 'learning-rate' },
      tensors: 0,
    });
    const { status } = controller;
    expect(status.phase).toBe('diverged');
    if (status.phase === 'idle') return;
    expect(status.snapshot).toBe(lastGood.frame);
    expect(status.message).toMatch(/diverged at step 30 .*last good weights, from step 25\. Try a smaller learning rate\./);
    expect(changes.at(-1)).toEqual({ type: 'ended', target: 'live', phase: 'diverged' });
  });

  it('on a half-precision backend, a divergence names the precision, not the learning rate', () => {
    const { controller, workers } = setUp();
    controller.start('live', config);
    const runId = workers[0]!.runId;
    workers[0]!.answer({
      type: 'outcome',
      runId,
      outcome: { status: 'diverged', step: 2, losses: [Number.NaN], lastGood: null, likelyCause: 'half-precision' },
      tensors: 0,
    });
    const { status } = controller;
    expect(status.phase !== 'idle' && status.message).toMatch(/16-bit floats.*choose the wasm backend/);
    expect(status.phase !== 'idle' && status.message).not.toMatch(/learning rate/);
  });

  it('pauses and resumes only a run that is training', () => {
    const { controller, workers } = setUp();
    controller.pause();
    expect(controller.status.phase).toBe('idle');
    controller.start('live', config);
    controller.pause();
    expect(controller.status.phase).toBe('starting');
    workers[0]!.answer({ type: 'backend', runId: workers[0]!.runId, choice: { backend: 'cpu', skipped: [] } as never });
    controller.pause();
    expect(controller.status.phase).toBe('paused');
    controller.resume();
    expect(controller.status.phase).toBe('training');
    expect(workers[0]!.sent.map((r) => r.type)).toEqual(['train', 'pause', 'resume']);
  });

  it('forgets an ended run on dismiss (restore the shipped models), but never one in flight', () => {
    const { controller, changes } = setUp();
    controller.start('sweep', config);
    controller.dismiss('sweep');
    expect(controller.status).toMatchObject({ target: 'sweep', phase: 'starting' });
    controller.cancel();
    const ends = changes.length;
    controller.dismiss('sweep');
    expect(controller.status).toEqual({ phase: 'idle', target: null });
    expect(controller.runOf('sweep')).toEqual({ phase: 'idle', target: null });
    // Forgetting is not an end: the listener heard the run end once, at the cancel.
    expect(changes).toHaveLength(ends);
  });

  it('keeps a stopped sweep as its target’s run while the live model trains after it, until dismissed', () => {
    const { controller } = setUp();
    controller.start('sweep', config);
    controller.cancel();
    controller.start('live', config);
    expect(controller.status).toMatchObject({ target: 'live', phase: 'starting' });
    expect(controller.runOf('sweep')).toMatchObject({ target: 'sweep', phase: 'cancelled' });
    controller.dismiss('sweep');
    expect(controller.runOf('sweep').phase).toBe('idle');
    expect(controller.status).toMatchObject({ target: 'live', phase: 'starting' });
  });

  it('keeps a sweep replaced by the live model as replaced', () => {
    const { controller } = setUp();
    controller.start('sweep', config);
    controller.start('live', config);
    expect(controller.runOf('sweep')).toMatchObject({ target: 'sweep', phase: 'replaced' });
    expect(controller.runOf('live')).toMatchObject({ target: 'live', phase: 'starting' });
  });
});
