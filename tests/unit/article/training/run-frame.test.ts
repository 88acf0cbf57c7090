/** A run's frames on its training timeline: the order and y range a frame is drawn in, and scrubbing. */
import { describe, expect, it } from 'vitest';
import { stackPlotData } from '../../../../src/article/figures/figure-data';
import { liveConfig } from '../../../../src/article/state/live-settings';
import { DEFAULT_STATE } from '../../../../src/article/state/url-state';
import { runFrame } from '../../../../src/article/training/run-frame';
import type { RunStatus } from '../../../../src/article/training/training-controller';
import { addFrame, emptyTimeline, frameOf, MAX_FRAMES } from '../../../../src/article/training/timeline';
import { replayRange } from '../../../../src/viz/stack-plot/stack-scale';
import { snapshotOf } from '../../../../src/training/snapshot';
import { liveRun, sweep } from '../fixtures';

describe('a run’s frames on its timeline', () => {
  // A live run at 1 − S = 0.1 that reported the shipped 0.1, 0.03 and 0.01 models' weights at steps 100, 200 and 300.
  const config = liveConfig({ ...DEFAULT_STATE, density: 0.1 });
  const snapshots = [2, 3, 4].map((k, i) => snapshotOf(config, 100 * (i + 1), [sweep.file.instances[k]!]));
  let timeline = emptyTimeline(MAX_FRAMES);
  for (const s of snapshots) timeline = addFrame(timeline, frameOf(s.step, s.instances));
  const lossHistory = [snapshots.map((s, i) => [s.step, 0.1 / (i + 1)] as const)];
  const running = liveRun({ step: 300, snapshot: snapshots[2]!, timeline, lossHistory }, 0.1);
  const finished: RunStatus = { ...running, phase: 'completed' };

  it('keeps the columns in model order while the run is in flight, at every frame', () => {
    for (const step of [100, 200, 300, null]) {
      const frame = runFrame(running, step)!;
      expect(frame.instances[0]!.plot.neurons.map((n) => n.neuron)).toEqual(Array.from({ length: 40 }, (_, j) => j));
      expect(frame.instances[0]!.plot.order).toBe('neuron');
    }
  });

  it('once the run has ended, draws every frame in the trained model’s order', () => {
    const finalOrder = snapshots[2]!.instances[0]!.analysis.order;
    expect(runFrame(finished, null)!.instances[0]!.plot.neurons.map((n) => n.neuron)).toEqual(finalOrder);
    const early = runFrame(finished, 100)!.instances[0]!.plot;
    expect(early.neurons.map((n) => n.neuron)).toEqual(finalOrder);
    expect(early.order).toBe('final');
  });

  it('scrubs to any kept frame, and the plot draws exactly that snapshot’s weights, with the loss reported there', () => {
    snapshots.forEach((snapshot, k) => {
      const frame = runFrame(finished, snapshot.step)!;
      expect(frame).toMatchObject({ step: snapshot.step, index: k, steps: [100, 200, 300], newest: k === 2 });
      expect(frame.instances[0]!.loss).toBe(lossHistory[0]![k]![1]);
      // The same columns, weights and colours as the plot of the snapshot's own analysis, in the frame's order.
      const expected = stackPlotData(snapshot.instances[0]!.analysis);
      const byNeuron = new Map(expected.neurons.map((n) => [n.neuron, n]));
      const drawn = frame.instances[0]!.plot;
      // A feature with no score (not embedded) is NaN in both; toEqual counts NaN equal to NaN.
      expect(drawn.superposition).toEqual(expected.superposition.map((v) => (Number.isNaN(v) ? v : expect.closeTo(v, 5))));
      for (const column of drawn.neurons) {
        const want = byNeuron.get(column.neuron)!;
        expect(column.weights.map((w) => w.feature)).toEqual(want.weights.map((w) => w.feature));
        column.weights.forEach((w, i) => {
          expect(w.inWeight).toBeCloseTo(want.weights[i]!.inWeight, 6);
          expect(w.outWeight).toBeCloseTo(want.weights[i]!.outWeight, 5);
        });
        expect(column.kind).toBe(want.kind);
      }
    });
  });

  it('a step between kept frames shows the last frame before it; the y range is the one replayed up to that frame', () => {
    expect(runFrame(finished, 250)!.step).toBe(200);
    const ranges = [100, 200, 300].map((step) => runFrame(finished, step)!.instances[0]!.plot.yMax!);
    const needs = timeline.frames.map((f) => f.instances[0]!.need);
    ranges.forEach((range, k) => {
      expect(range).toBe(replayRange(needs.slice(0, k + 1)));
      expect(range).toBeGreaterThanOrEqual(needs[k]!);
    });
  });

  it('hands the figure the same plot object while nothing changed, so it does not redraw', () => {
    expect(runFrame(running, 200)!.instances[0]!.plot).toBe(runFrame(running, 200)!.instances[0]!.plot);
    expect(runFrame(running, null)!.instances[0]!.plot).toBe(runFrame({ ...running, step: 325 }, null)!.instances[0]!.plot);
  });
});
