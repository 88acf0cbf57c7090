/**
 * A run's frames: what a run's figures draw, the newest weights or a step chosen on the run's
 * training timeline, in a neuron order and a y range that hold still while the reader watches.
 */
import { analyseModel, type ModelAnalysis } from '../../model/analysis';
import { importances, type ModelConfig } from '../../model/config';
import { replayRange } from '../../viz/stack-plot/stack-scale';
import type { StackPlotData } from '../../viz/core/types';
import type { PlotFrame } from '../figures/figure-data';
import { frameIndexAt, type TimelineFrame, unpackInstance } from './timeline';
import { isRunning, type RunStatus } from './training-controller';
import { framedPlot } from '../figures/view-parts';

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
}

const frameAnalyses = new WeakMap<TimelineFrame, readonly ModelAnalysis[]>();

/** Each instance of `frame` analysed, once per frame (a few ms per instance, on the main thread). */
function analysesOf(frame: TimelineFrame, config: ModelConfig): readonly ModelAnalysis[] {
  let analyses = frameAnalyses.get(frame);
  if (!analyses) {
    const importance = importances(config);
    analyses = frame.instances.map((instance) => analyseModel(unpackInstance(instance), importance));
    frameAnalyses.set(frame, analyses);
  }
  return analyses;
}

/** Analyses that came with a snapshot (made in the worker) at `step`, which a frame at that step reuses. */
export interface KnownAnalyses {
  readonly step: number;
  readonly analyses: readonly ModelAnalysis[];
}

/**
 * What a run's figures draw: the frame at `selectedStep` (the last kept frame at or before it), or
 * the newest frame when null. While the run is in flight, columns stay in model order; once it has
 * ended, every frame is drawn in the trained model's order, so a neuron keeps its column while the
 * reader scrubs. Each instance's y range is the steady range (stack-scale.ts) replayed over the
 * frames up to the one drawn, so a replay shows the axis the run was watched with. `known` are
 * analyses that came with a snapshot (the worker's); frames at other steps are analysed here.
 * `following`: whether the figure follows the run rather than a step the reader chose (the live
 * figure draws the newest weights one task late, at a step it names). Null before the run has a frame.
 */
export function runFrame(
  status: RunStatus,
  selectedStep: number | null,
  known: readonly KnownAnalyses[] = [],
  following = selectedStep === null,
): RunFrameView | null {
  const { frames } = status.timeline;
  const last = frames.length - 1;
  if (last < 0) return null;
  const index = selectedStep === null ? last : frameIndexAt(status.timeline, selectedStep);
  const frame = frames[index]!;
  const snapshot = status.snapshot;
  const analysesAt = (f: TimelineFrame): readonly ModelAnalysis[] => {
    const given = known.find((k) => k.step === f.step)?.analyses;
    if (given) return given;
    if (snapshot && snapshot.step === f.step) return snapshot.instances.map((i) => i.analysis);
    return analysesOf(f, status.config);
  };
  const analyses = analysesAt(frame);
  const inFlight = isRunning(status, status.target);
  const finalAnalyses = inFlight || index === last ? undefined : analysesAt(frames[last]!);
  return {
    step: frame.step,
    index,
    steps: frames.map((f) => f.step),
    newest: index === last,
    following,
    instances: frame.instances.map((instance, k) => {
      const analysis = analyses[k]!;
      const yMax = replayRange(frames.slice(0, index + 1).map((f) => f.instances[k]!.need));
      const order: PlotFrame = inFlight
        ? { order: 'neuron' }
        : finalAnalyses
          ? { order: 'final', finalOrder: finalAnalyses[k]!.order }
          : { order: 'importance' };
      const loss = status.lossHistory[k]?.find(([step]) => step === frame.step)?.[1] ?? Number.NaN;
      return { density: instance.density, analysis, plot: framedPlot(analysis, { ...order, yMax }, status.target === 'motif'), loss };
    }),
  };
}
