import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stackPlotData, tallestStack } from '../../../../src/article/figures/figure-data';
import { analyseFile } from '../../../../src/article/shipped/shipped-models';
import { parseWeightsFile } from '../../../../src/model/weights-file';
import { stackDomain } from '../../../../src/viz/stack-plot/stack-layout';
import {
  addFrame,
  emptyTimeline,
  frameCap,
  frameIndexAt,
  MAX_FRAMES,
  TIMELINE_BYTES,
  type Timeline,
} from '../../../../src/article/training/timeline';
import { stackNeeds } from '../../../../src/article/training/frame-data';
import { frameOf, packInstance, unpackInstance } from '../../../../src/training/run-frame';
import type { NetworkWeights } from '../../../../src/model/network';

const weights: NetworkWeights = {
  W1: [
    [1, -0.5, 0.25],
    [0.125, 0, -2],
  ],
  W2: [
    [1, 2],
    [3, 4],
    [5, 6],
  ],
  b: [0.5, 0, -0.25],
};
const frame = (step: number) => frameOf(step, [0.1], [weights]);
const steps = (t: Timeline) => t.frames.map((f) => f.step);

describe('the training timeline', () => {
  it('packs a model’s weights into float32 arrays and back unchanged (float32 values round-trip exactly)', () => {
    const packed = packInstance(0.1, weights);
    expect(packed).toMatchObject({ density: 0.1, n: 3, m: 2 });
    expect(packed.W1.byteLength + packed.W2.byteLength + packed.b.byteLength).toBe((2 * 3 * 2 + 3) * 4);
    expect(unpackInstance(packed)).toEqual(weights);
  });

  it('keeps frames, not stack heights: the height a frame’s plot needs is derived from its weights, once per frame', () => {
    const f = frame(100);
    expect(stackNeeds(f)).toEqual([tallestStack(weights.W1)]);
    expect(stackNeeds(f)).toBe(stackNeeds(f));
    expect(stackNeeds(frame(100))).not.toBe(stackNeeds(f));
  });

  it('keeps every snapshot until it is full, then stays within its cap, spread over the whole run, ending at the newest', () => {
    let t = emptyTimeline(20);
    for (let step = 0; step <= 1000; step += 10) {
      t = addFrame(t, frame(step));
      expect(t.frames.length).toBeLessThanOrEqual(20);
      expect(t.frames.at(-1)!.step).toBe(step);
    }
    const kept = steps(t);
    expect(kept[0]).toBe(0);
    expect(kept.length).toBeGreaterThanOrEqual(10);
    // Evenly spread: no gap between kept frames is more than twice the average.
    const gaps = kept.slice(1).map((s, k) => s - kept[k]!);
    expect(Math.max(...gaps.slice(0, -1))).toBeLessThanOrEqual((2 * 1000) / (kept.length - 1));
  });

  it('a frame at or before the newest step replaces the frames from that step on (a run resumed from earlier weights)', () => {
    let t = emptyTimeline(MAX_FRAMES);
    for (const step of [0, 50, 100, 150]) t = addFrame(t, frame(step));
    t = addFrame(t, frame(100));
    expect(steps(t)).toEqual([0, 50, 100]);
  });

  it('finds the frame at a step, or the last one before it', () => {
    let t = emptyTimeline(MAX_FRAMES);
    expect(frameIndexAt(t, 10)).toBe(-1);
    for (const step of [0, 50, 100]) t = addFrame(t, frame(step));
    expect(frameIndexAt(t, 50)).toBe(1);
    expect(frameIndexAt(t, 99)).toBe(1);
    expect(frameIndexAt(t, 1000)).toBe(2);
    expect(frameIndexAt(t, -5)).toBe(0);
  });

  it('bounds the memory of a run: 200 frames for the live model, fewer for the seven-level sweep', () => {
    expect(frameCap(1, 100, 40)).toBe(MAX_FRAMES);
    const sweep = frameCap(7, 100, 40);
    expect(sweep).toBeLessThan(MAX_FRAMES);
    expect(sweep * 7 * (2 * 100 * 40 + 140) * 4).toBeLessThanOrEqual(TIMELINE_BYTES);
  });
});

describe('tallestStack', () => {
  it('is the tallest stack the plot draws, without analysing the model', () => {
    const shipped = analyseFile(
      parseWeightsFile(JSON.parse(readFileSync(new URL('../../../../public/weights/sweep.json', import.meta.url), 'utf8'))),
    );
    for (const model of shipped.models) {
      expect(tallestStack(model.analysis.normalised.W1)).toBeCloseTo(stackDomain(stackPlotData(model.analysis)), 9);
      expect(tallestStack(shipped.file.instances[shipped.models.indexOf(model)]!.W1)).toBeCloseTo(
        stackDomain(stackPlotData(model.analysis)),
        6,
      );
    }
  });
});
