/**
 * What the page exposes to its tests and its benchmark, declared once: the live status line's
 * data attributes, the live figure's, and the events the page answers for its tests. (The one
 * other hook, the article's `timelineForTesting`, hands over a run's packed weights, too large
 * for an attribute.) Tests and the bench read these instead of parsing prose,
 * so the wording can change without breaking them (one test checks the wording).
 */
import type { LivePhase } from '../live/live-run';
import type { TrainingStatus } from '../training/training-controller';

/** The live status line (`#live-status`): name → value for a status of the live model. */
export const STATUS_ATTRIBUTES = {
  /** 'idle' when no live run exists, else the run's phase (starting, training, paused, completed, …). */
  phase: 'data-phase',
  /** The last step reported. */
  step: 'data-step',
  /** The run's total steps. */
  totalSteps: 'data-total-steps',
  /** The loss on the last reported step's batch ('' before a report). */
  loss: 'data-loss',
  /** The backend the run trains on ('' until chosen). */
  backend: 'data-backend',
  /** When the live model trains (live-run.ts): idle, waiting, training, pausedByReader, autoPaused or done. */
  liveRun: 'data-live-run',
  /** The worker's live tensor count after its last finished run ('' before one). */
  workerTensors: 'data-worker-tensors',
} as const;

/** The live figure (`#live-figure`): which model it draws. */
export const LIVE_FIGURE_ATTRIBUTES = {
  /** 'live' (trained here) or 'shipped'. */
  source: 'data-source',
  /** The step of the weights drawn (the shipped model's training steps for a shipped one). */
  step: 'data-step',
  /** The drawn model's monosemantic-neuron count. */
  monosemantic: 'data-monosemantic',
  /** The steps of the live run's kept frames, comma-separated, the initialisation first ('' for a shipped model). */
  timelineSteps: 'data-timeline-steps',
} as const;

/**
 * The events the page answers for its tests, dispatched on the article element. `loseWebGLContext`:
 * the training worker loses its WebGL context, as a GPU reset would make it (robustness tests).
 */
export const TEST_EVENTS = {
  loseWebGLContext: 'lose-webgl-context-for-testing',
} as const;

export type StatusAttributes = Record<(typeof STATUS_ATTRIBUTES)[keyof typeof STATUS_ATTRIBUTES], string>;

/** The status line's attributes for the live model's status. */
export function statusAttributes(status: TrainingStatus, liveRun: LivePhase, workerTensors: number | null): StatusAttributes {
  const live = status.target === 'live' ? status : null;
  return {
    [STATUS_ATTRIBUTES.phase]: live?.phase ?? 'idle',
    [STATUS_ATTRIBUTES.step]: String(live?.step ?? 0),
    [STATUS_ATTRIBUTES.totalSteps]: String(live?.config.steps ?? 0),
    [STATUS_ATTRIBUTES.loss]: live?.losses[0] === undefined ? '' : String(live.losses[0]),
    [STATUS_ATTRIBUTES.backend]: live?.backend ?? '',
    [STATUS_ATTRIBUTES.liveRun]: liveRun,
    [STATUS_ATTRIBUTES.workerTensors]: workerTensors === null ? '' : String(workerTensors),
  } as StatusAttributes;
}
