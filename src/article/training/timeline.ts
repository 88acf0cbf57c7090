/**
 * A run's training timeline: the weight snapshots the page keeps so the reader can scrub and
 * replay how the model formed (docs/figures.md, "The training timeline"). Pure, so the thinning and
 * the round trip of weights are tested in Node.
 *
 * Memory is bounded: a frame is the run's frame as reported (src/training/run-frame.ts), each
 * instance's weights as Float32Arrays, about 32 KB per instance at n = 100, m = 40; what a figure
 * draws of it (the analysis, the stack plot's heights) is derived when asked and memoised per frame
 * (frame-data.ts); and a timeline holds at most `cap` frames. When it is
 * full, the spacing it keeps between frames doubles and the frames in between are dropped, so the
 * frames stay spread evenly over the run however long it grows. The newest snapshot is always the
 * last frame, whatever the spacing, so the timeline always ends where the run is.
 */
import type { RunFrame } from '../../training/run-frame';

/** A frame on the timeline: the run's frame as the worker reported it, kept as is (run-frame.ts). */
export type TimelineFrame = RunFrame;

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
