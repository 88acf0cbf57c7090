/**
 * A run's training timeline: the weight snapshots the page keeps so the reader can scrub and
 * replay how the model formed (docs/figures.md, "The training timeline"). Pure, so the thinning and
 * the round trip of weights are tested in Node.
 *
 * Memory is bounded: a frame keeps each instance's weights as Float32Arrays (the engine trains in
 * float32, so nothing is lost), about 32 KB per instance at n = 100, m = 40, not the analysis (the
 * view analyses the frame it shows, once); and a timeline holds at most `cap` frames. When it is
 * full, the spacing it keeps between frames doubles and the frames in between are dropped, so the
 * frames stay spread evenly over the run however long it grows. The newest snapshot is always the
 * last frame, whatever the spacing, so the timeline always ends where the run is.
 */
import type { NetworkWeights } from '../../model/network';
import { tallestStack } from '../figures/figure-data';

/** One instance's weights in a frame, packed: W1 neuron-major [m, n], W2 feature-major [n, m], b [n], b1 [m] if any. */
export interface FrameInstance {
  /** Feature density 1 − S of the instance. */
  readonly density: number;
  readonly n: number;
  readonly m: number;
  readonly W1: Float32Array;
  readonly W2: Float32Array;
  readonly b: Float32Array;
  readonly b1?: Float32Array;
  /** The tallest stack its plot draws, in weight units (tallestStack): what the plot's y range must hold. */
  readonly need: number;
}

/** The weights of every instance at one training step. */
export interface TimelineFrame {
  /** Training step (0: the initialisation). */
  readonly step: number;
  readonly instances: readonly FrameInstance[];
}

/** The kept frames of one run, in step order, and the thinning state. */
export interface Timeline {
  readonly frames: readonly TimelineFrame[];
  /** Least spacing in steps kept between frames (the newest frame excepted). */
  readonly minGap: number;
  /** Most frames kept. */
  readonly cap: number;
}

/** At most this many frames per run, whatever its length. */
export const MAX_FRAMES = 200;
/** Bytes a run's timeline may hold; with 7 instances (the sweep) this allows about 100 frames, with 1 the full 200. */
export const TIMELINE_BYTES = 24 * 1024 * 1024;

/** The most frames a run of `instances` instances of n features and m neurons keeps: MAX_FRAMES, or fewer to stay in TIMELINE_BYTES. */
export function frameCap(instances: number, n: number, m: number): number {
  const bytesPerFrame = Math.max(1, instances) * (2 * n * m + n + m) * 4;
  return Math.max(8, Math.min(MAX_FRAMES, Math.floor(TIMELINE_BYTES / bytesPerFrame)));
}

/** An empty timeline that keeps at most `cap` frames (≥ 3). */
export function emptyTimeline(cap: number): Timeline {
  return { frames: [], minGap: 0, cap: Math.max(3, Math.floor(cap)) };
}

/** Packs one instance's weights into a frame instance. */
export function packInstance(density: number, weights: NetworkWeights): FrameInstance {
  const m = weights.W1.length;
  const n = weights.b.length;
  const W1 = new Float32Array(m * n);
  weights.W1.forEach((row, j) => {
    W1.set(row, j * n);
  });
  const W2 = new Float32Array(n * m);
  weights.W2.forEach((row, i) => {
    W2.set(row, i * m);
  });
  return {
    density,
    n,
    m,
    W1,
    W2,
    b: Float32Array.from(weights.b),
    ...(weights.b1 ? { b1: Float32Array.from(weights.b1) } : {}),
    need: tallestStack(weights.W1),
  };
}

/** A frame of the given instances' weights at `step`. */
export function frameOf(step: number, instances: readonly { readonly density: number; readonly weights: NetworkWeights }[]): TimelineFrame {
  return { step, instances: instances.map((i) => packInstance(i.density, i.weights)) };
}

/** The weights of a frame instance, as the analysis takes them. */
export function unpackInstance(instance: FrameInstance): NetworkWeights {
  const { n, m } = instance;
  const rows = (values: Float32Array, count: number, length: number): number[][] =>
    Array.from({ length: count }, (_, r) => Array.from(values.subarray(r * length, (r + 1) * length)));
  return {
    W1: rows(instance.W1, m, n),
    W2: rows(instance.W2, n, m),
    b: Array.from(instance.b),
    ...(instance.b1 ? { b1: Array.from(instance.b1) } : {}),
  };
}

/** Keeps `frames` spaced at least `gap` steps apart, greedily from the first; the last frame always stays. */
function thin(frames: readonly TimelineFrame[], gap: number): TimelineFrame[] {
  const kept: TimelineFrame[] = [];
  frames.forEach((frame, k) => {
    const last = kept.at(-1);
    if (k === frames.length - 1 || !last || frame.step - last.step >= gap) kept.push(frame);
  });
  return kept;
}

/**
 * The timeline with `frame` added as its newest frame. A frame at or before the newest step
 * replaces the frames from that step on (a run that resumed from earlier weights). The previous
 * newest frame stays only if it is at least minGap past the one before it; past `cap` frames the
 * spacing doubles and the timeline is thinned to it.
 */
export function addFrame(timeline: Timeline, frame: TimelineFrame): Timeline {
  let frames = timeline.frames.filter((f) => f.step < frame.step);
  const [before, newest] = [frames.at(-2), frames.at(-1)];
  if (before && newest && newest.step - before.step < timeline.minGap) frames = frames.slice(0, -1);
  frames = [...frames, frame];
  let minGap = timeline.minGap;
  while (frames.length > timeline.cap) {
    const span = frames.at(-1)!.step - frames[0]!.step;
    minGap = Math.max(1, minGap * 2, Math.ceil((2 * span) / timeline.cap));
    frames = thin(frames, minGap);
  }
  return { frames, minGap, cap: timeline.cap };
}

/** The index of the frame at `step`, else of the last frame before it, else 0 (an empty timeline: −1). */
export function frameIndexAt(timeline: Timeline, step: number): number {
  const { frames } = timeline;
  if (frames.length === 0) return -1;
  let index = 0;
  frames.forEach((f, k) => {
    if (f.step <= step) index = k;
  });
  return index;
}
