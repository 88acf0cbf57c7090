/**
 * What figures derive from a run frame (src/training/run-frame.ts), each derivation memoised per
 * frame: a WeakMap keyed by the frame object, so a frame is analysed at most once however often it
 * is drawn, and what was derived goes when the frame leaves the timeline. A new figure that follows
 * a run derives its own data here with `perFrame` and reads the frame from RunFrameView.
 */
import { analyseModel, type ModelAnalysis } from '../../model/analysis';
import { importances, type ModelConfig } from '../../model/config';
import type { FrameInstance, RunFrame } from '../../training/run-frame';
import { unpackInstance } from '../../training/run-frame';
import { tallestStack } from '../figures/figure-data';

/**
 * `derive` memoised per frame object: called once per frame, its result returned for that frame
 * ever after. `derive` must depend on the frame alone (or on what is fixed for the frame's run).
 */
export function perFrame<T>(derive: (frame: RunFrame) => T): (frame: RunFrame) => T {
  const memo = new WeakMap<RunFrame, T>();
  return (frame) => {
    if (memo.has(frame)) return memo.get(frame) as T;
    const value = derive(frame);
    memo.set(frame, value);
    return value;
  };
}

const analyses = new WeakMap<RunFrame, readonly ModelAnalysis[]>();

/**
 * Keeps analyses made elsewhere (the worker's, which came with the frame) as `frame`'s, one per
 * instance. Throws when the counts differ.
 */
export function rememberAnalyses(frame: RunFrame, given: readonly ModelAnalysis[]): void {
  if (given.length !== frame.instances.length) {
    throw new Error(`a frame of ${frame.instances.length} instances needs as many analyses, got ${given.length}`);
  }
  analyses.set(frame, given);
}

/**
 * Each instance of `frame` analysed with `config`'s importances (the run's config), once per frame:
 * the worker's analyses where they came with it (rememberAnalyses), else made here (a few ms per
 * instance, on the main thread).
 */
export function frameAnalyses(frame: RunFrame, config: ModelConfig): readonly ModelAnalysis[] {
  let known = analyses.get(frame);
  if (!known) {
    const importance = importances(config);
    known = frame.instances.map((instance) => analyseModel(unpackInstance(instance), importance));
    analyses.set(frame, known);
  }
  return known;
}

/** W1's rows [m][n] of a packed instance, as views on its Float32Array (nothing copied). */
function neuronRows(instance: FrameInstance): Float32Array[] {
  return Array.from({ length: instance.m }, (_, j) => instance.W1.subarray(j * instance.n, (j + 1) * instance.n));
}

/**
 * Per instance, the tallest stack its stack plot draws at `frame`, in weight units (tallestStack):
 * what the plot's y range must hold. Derived without analysing the frame.
 */
export const stackNeeds: (frame: RunFrame) => readonly number[] = perFrame((frame) =>
  frame.instances.map((instance) => tallestStack(neuronRows(instance))),
);
