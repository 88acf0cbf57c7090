/**
 * How long work will take and what a screen reader hears about it. Pure, so that the wording is
 * tested in Node. The status lines change at every report (ten times a second); the one live
 * region, fed by announcement(), changes only when a run starts, pauses, resumes or ends.
 */
import type { ModelConfig } from '../../model/config';
import { formatCount, formatDensity, formatLoss } from '../../viz/core/format';
import { densityOf } from '../state/live-settings';
import type { RunStatus, TrainingStatus } from './training-controller';

/**
 * Sweep steps a second on a two-core laptop in Chromium's wasm backend (docs/performance.md:
 * 42 single-threaded, 50–61 with threads); what a pre-run estimate assumes before this machine has
 * measured any run (and says it is rough).
 */
export const MEASURED_SWEEP_STEPS_PER_SECOND = 50;

/** A run's speed measured on this machine: steps a second of a run of `config`. */
export interface MeasuredSpeed {
  readonly stepsPerSecond: number;
  readonly config: ModelConfig;
}

/**
 * The speed the latest run measured on this machine, once it has one worth using (its second
 * report: the first also paid for the backend's warm-up, see secondsLeft), whatever its phase now;
 * null before.
 */
export function measuredSpeed(status: TrainingStatus): MeasuredSpeed | null {
  if (status.phase === 'idle' || status.stepsPerSecond <= 0 || (status.lossHistory[0]?.length ?? 0) < 2) return null;
  return { stepsPerSecond: status.stepsPerSecond, config: status.config };
}

/**
 * Multiply-adds of one training step, up to a constant: instances × batch × n × m (each example's
 * forward and backward pass through W1 [m, n] and W2 [n, m]). Scales a speed measured on one
 * configuration to another.
 */
export function stepWork(config: ModelConfig): number {
  return config.densities.length * config.batch * config.n * config.m;
}

/**
 * A pre-run time estimate. `basis`: 'same size' when the speed was measured on a run of the same
 * work per step, 'other size' when scaled from a run of another size by stepWork (fixed per-step costs make a
 * small run's speed understate a large one's, so this errs long), 'typical' when this machine has
 * measured nothing yet (MEASURED_SWEEP_STEPS_PER_SECOND, for the sweep's size).
 */
export interface PreRunEstimate {
  readonly seconds: number;
  readonly basis: 'same size' | 'other size' | 'typical';
}

/**
 * How long a run of `config` would take here: from `measured` (a run on this machine), scaled by
 * the work per step when its configuration differs; without one, from the typical two-core speed of
 * a sweep of `typicalConfig`'s size, scaled the same way.
 */
export function preRunEstimate(config: ModelConfig, measured: MeasuredSpeed | null, typicalConfig: ModelConfig = config): PreRunEstimate {
  const work = stepWork(config);
  if (measured && measured.stepsPerSecond > 0) {
    const same = stepWork(measured.config) === work;
    const speed = (measured.stepsPerSecond * stepWork(measured.config)) / work;
    return { seconds: config.steps / speed, basis: same ? 'same size' : 'other size' };
  }
  const speed = (MEASURED_SWEEP_STEPS_PER_SECOND * stepWork(typicalConfig)) / work;
  return { seconds: config.steps / speed, basis: 'typical' };
}

/** The estimate as the sweep's button says it: "about 3 min here, at the speed measured on this machine". */
export function preRunPhrase(estimate: PreRunEstimate): string {
  const duration = formatDuration(estimate.seconds);
  switch (estimate.basis) {
    case 'same size':
      return `${duration} here, at the speed this machine measured`;
    case 'other size':
      return `${duration} here, scaled from the speed this machine measured on a run of another size (refined once it starts)`;
    case 'typical':
      return `${duration} on a two-core laptop, a rough estimate until this machine has measured a run`;
  }
}

/** A duration as a reader rounds it: "a few seconds", "about 40 s", "about 3 min", "about 1 h 10 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'an unknown time';
  if (seconds < 10) return 'a few seconds';
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest ? ` ${rest} min` : ''}`;
}

/**
 * Seconds until a run in flight finishes at its speed measured on this machine; null before it has
 * one. The first report's speed also paid for the backend's warm-up (from it, "about 2 min left" was
 * said of a run that ended 33 s later), so the estimate waits for the second report, whose
 * speed is the run's since the first (src/training/step-rate.ts) and is refined at every report.
 */
export function secondsLeft(status: RunStatus): number | null {
  const reports = status.lossHistory[0]?.length ?? 0;
  if (status.stepsPerSecond <= 0 || reports < 2) return null;
  return Math.max(0, status.config.steps - status.step) / status.stepsPerSecond;
}

/** "about 2 min left", or '' before the run has a speed. */
export function timeLeftPhrase(status: RunStatus): string {
  const seconds = secondsLeft(status);
  return seconds === null ? '' : `${formatDuration(seconds)} left`;
}

/** "step 1,200 of 10,000": the one wording of a run's progress. */
export const stepOfTotal = (status: RunStatus): string => `step ${formatCount(status.step)} of ${formatCount(status.config.steps)}`;

/** What a run is, in a few words, for announcements. */
function runName(status: RunStatus): string {
  switch (status.target) {
    case 'live':
      return `the live model at 1 − S = ${formatDensity(densityOf(status.config))}`;
    case 'sweep':
      return 'the sweep';
    case 'motif':
      return 'the motif model';
  }
}

/**
 * What the page's live region says about a status: one sentence per phase, so that it changes
 * (and is read out) when a run starts, pauses, resumes or ends, never at a progress report. A run
 * that a new run replaced says nothing (the new run announces itself), nor does one that failed
 * (its section shows the reason in an alert).
 */
export function announcement(status: TrainingStatus): string {
  if (status.phase === 'idle') return '';
  const name = runName(status);
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  const steps = formatCount(status.config.steps);
  switch (status.phase) {
    case 'starting':
    case 'training':
      return `Training ${name}: ${steps} steps.`;
    case 'paused':
      return `${capitalised} is paused at ${stepOfTotal(status)}.`;
    case 'completed': {
      const loss = status.losses[0];
      return `${capitalised} finished training after ${steps} steps${status.target === 'live' && loss !== undefined ? `, loss ${formatLoss(loss)}` : ''}.`;
    }
    case 'cancelled':
      return `Stopped training ${name} at ${stepOfTotal(status)}.`;
    // The section's alert says what went wrong; a replaced run's successor announces itself.
    case 'diverged':
    case 'failed':
    case 'replaced':
      return '';
  }
}
