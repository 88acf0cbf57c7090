/**
 * A run's frames: what a run's figures draw, the newest weights or a step chosen on the run's
 * training timeline, in a neuron order and a y range that hold still while the reader watches.
 * The stack plot is one figure's view of the frame; another figure that follows the run derives its
 * own data from `RunFrameView.frame` (memoised per frame, frame-data.ts).
 */
import type { ModelAnalysis } from '../../model/analysis';
import type { RunFrame } from '../../training/run-frame';
import { replayRange } from '../../viz/stack-plot/stack-scale';
import type { StackPlotData } from '../../viz/core/types';
import type { PlotFrame } from '../figures/figure-data';
import { framedPlot } from '../figures/view-parts';
import { frameAnalyses, stackNeeds } from './frame-data';
import { frameIndexAt } from './timeline';
import { isRunning, type RunStatus } from './training-controller';

/** One instance of a run as its figure draws it at one frame. */
export interface RunInstanceView {
  readonly density: number;
  readonly analysis: ModelAnalysis;
  readonly plot: StackPlotData;
  /** The loss reported at the frame's step (NaN where none was, e.g. the initialisation). */
  readonly loss: number;
}

/** What a run's figures draw at one frame of its timeline. */
export interface RunFrameView {
  /** The step of the weights drawn. */
  readonly step: number;
  /** The frame's index in the timeline, and every kept frame's step: the timeline's stops. */
  readonly index: number;
  readonly steps: readonly number[];
  /** The newest frame. */
  readonly newest: boolean;
  /** The figure follows the run (no step chosen on the timeline): its Latest button has nothing to do. */
  readonly following: boolean;
  readonly instances: readonly RunInstanceView[];
  /** The run frame drawn (step, losses, packed weights), kept as the worker reported it. */
  readonly frame: RunFrame;
}

/**
 * What a run's figures draw: the frame at `selectedStep` (the last kept frame at or before it), or
 * the newest frame when null. While the run is in flight, columns stay in model order; once it has
 * ended, every frame is drawn in the trained model's order, so a neuron keeps its column while the
 * reader scrubs. Each instance's y range is the steady range (stack-scale.ts) replayed over the
 * frames up to the one drawn, so a replay shows the axis the run was watched with. Each frame is
 * analysed once (frameAnalyses: the worker's analyses where they came with it). `following`: whether the figure follows the run rather than a step the reader chose (the live
 * figure draws the newest weights one task late, at a step it names). Null before the run has a frame.
 */
export function runFrame(status: RunStatus, selectedStep: number | null, following = selectedStep === null): RunFrameView | null {
  const { frames } = status.timeline;
  const last = frames.length - 1;
  if (last < 0) return null;
  const index = selectedStep === null ? last : frameIndexAt(status.timeline, selectedStep);
  const frame = frames[index]!;
  const analysesAt = (f: RunFrame): readonly ModelAnalysis[] => frameAnalyses(f, status.config);
  const analyses = analysesAt(frame);
  const inFlight = isRunning(status, status.target);
  const finalAnalyses = inFlight || index === last ? undefined : analysesAt(frames[last]!);
  return {
    step: frame.step,
    index,
    steps: frames.map((f) => f.step),
    newest: index === last,
    following,
    frame,
    instances: frame.instances.map((instance, k) => {
      const analysis = analyses[k]!;
      const yMax = replayRange(frames.slice(0, index + 1).map((f) => stackNeeds(f)[k]!));
      const order: PlotFrame = inFlight
        ? { order: 'neuron' }
        : finalAnalyses
          ? { order: 'final', finalOrder: finalAnalyses[k]!.order }
          : { order: 'importance' };
      return {
        density: instance.density,
        analysis,
        plot: framedPlot(analysis, { ...order, yMax }, status.target === 'motif'),
        loss: frame.losses[k] ?? Number.NaN,
      };
    }),
  };
}
