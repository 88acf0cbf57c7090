/**
 * Learning-rate schedules: the rate of each Adam step as a function of the step's index. Plain
 * data and arithmetic (no TF.js), so the engines, the CLI and the article all read the same one.
 */

export type ScheduleKind = 'constant' | 'cosine' | 'warmup-stable-decay';

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'cosine', 'warmup-stable-decay'];

export interface LearningRateSchedule {
  /**
   * After the warmup: `constant` holds the peak rate; `cosine` decays it to 0 along a half cosine
   * over all remaining steps; `warmup-stable-decay` holds it, then decays it to 0 along a half
   * cosine over the last `decayFraction` of all steps.
   */
  readonly kind: ScheduleKind;
  /** Steps over which the rate rises linearly to the peak: step k < warmupSteps takes peak·(k + 1)/warmupSteps. */
  readonly warmupSteps: number;
  /** `warmup-stable-decay` only: the fraction of all steps, at the end of the run, spent decaying (0–1). */
  readonly decayFraction?: number;
}

/** No warmup, no decay: the schedule of the public replications (and of every run before schedules). */
export const CONSTANT_SCHEDULE: LearningRateSchedule = Object.freeze({ kind: 'constant', warmupSteps: 0 });

/** peak·½(1 + cos πt) for t ∈ [0, 1]: peak at t = 0, 0 at t = 1. */
function halfCosine(peak: number, t: number): number {
  return peak * 0.5 * (1 + Math.cos(Math.PI * t));
}

/**
 * The learning rate of step `step` (0-based: the first step of a run is 0, the last totalSteps − 1)
 * of a run of `totalSteps` steps peaking at `peak`. A constant schedule without warmup returns
 * `peak` itself, so runs trained before schedules existed reproduce bit for bit.
 */
export function learningRateAt(schedule: LearningRateSchedule, peak: number, step: number, totalSteps: number): number {
  const warmup = schedule.warmupSteps;
  if (step < warmup) return (peak * (step + 1)) / warmup;
  switch (schedule.kind) {
    case 'constant':
      return peak;
    case 'cosine': {
      const span = totalSteps - warmup;
      return span <= 0 ? peak : halfCosine(peak, Math.min(1, (step - warmup) / span));
    }
    case 'warmup-stable-decay': {
      const decaySteps = Math.round(totalSteps * (schedule.decayFraction ?? 0));
      const decayStart = Math.max(warmup, totalSteps - decaySteps);
      if (step < decayStart || decaySteps <= 0) return peak;
      return halfCosine(peak, Math.min(1, (step - decayStart) / (totalSteps - decayStart)));
    }
  }
}

/** Every problem with a schedule, as sentences; empty when it is valid. */
export function scheduleErrors(schedule: unknown, maxSteps: number): string[] {
  if (typeof schedule !== 'object' || schedule === null) return ['schedule must be an object'];
  const { kind, warmupSteps, decayFraction } = schedule as Partial<LearningRateSchedule>;
  const errors: string[] = [];
  if (!SCHEDULE_KINDS.includes(kind as ScheduleKind)) errors.push(`schedule kind must be one of ${SCHEDULE_KINDS.join(', ')}`);
  if (typeof warmupSteps !== 'number' || !Number.isInteger(warmupSteps) || warmupSteps < 0 || warmupSteps > maxSteps) {
    errors.push(`warmupSteps must be an integer between 0 and ${maxSteps}`);
  }
  if (decayFraction !== undefined && (typeof decayFraction !== 'number' || !(decayFraction >= 0 && decayFraction <= 1))) {
    errors.push('decayFraction must be between 0 and 1');
  }
  return errors;
}

/** A short human-readable description, e.g. "500 warmup steps, flat, cosine decay over the last 25%". */
export function describeSchedule(schedule: LearningRateSchedule): string {
  const warmup = schedule.warmupSteps > 0 ? `${schedule.warmupSteps.toLocaleString('en')} warmup steps, ` : '';
  switch (schedule.kind) {
    case 'constant':
      return `${warmup}constant`;
    case 'cosine':
      return `${warmup}cosine decay to 0`;
    case 'warmup-stable-decay':
      return `${warmup}flat, cosine decay to 0 over the last ${Math.round((schedule.decayFraction ?? 0) * 100)}%`;
  }
}
