/**
 * Link formats: the sweep figure's settings as a link holds them, the format this page writes, and
 * per format what a link's missing fields meant (url-state.ts reads and writes links with them).
 */
import type { SweepBudget } from './budget';
import type { LiveSettings } from './live-settings';

/** The sweep figure's settings: which shipped sweep it draws. */
export interface SweepSettings {
  readonly budget: SweepBudget;
  /** The converged sweep's seed the panels draw (the table covers every seed). */
  readonly sweepSeed: number;
}

export const DEFAULT_SWEEP_SETTINGS: SweepSettings = Object.freeze({ budget: 'converged', sweepSeed: 0 });

/**
 * The link format this page writes. Changing what a link of this format trains or shows (the live
 * recipe's table included: a unit test pins it) needs a new format and its LINK_DEFAULTS entry.
 */
export const LINK_VERSION = 3;

/** The query parameter holding the link format. */
export const VERSION_PARAM = 'v';

/**
 * Formats 1 and 2 meant the same: the 3,500-step constant live schedule and the replication sweep
 * (format 2 only began writing every field).
 */
const CONSTANT_SCHEDULE_LINKS: LiveSettings & SweepSettings = Object.freeze({
  density: 0.03,
  seed: 0,
  recipe: 'constant',
  steps: 3_500,
  learningRate: 3e-3,
  m: 40,
  importanceDecay: 0.8,
  budget: 'replication',
  sweepSeed: 0,
});

/**
 * Per link format, what a link's missing fields meant. The values are written out, not read from
 * the current defaults, so that changing those never changes old links.
 */
export const LINK_DEFAULTS: Readonly<Record<number, LiveSettings & SweepSettings>> = Object.freeze({
  1: CONSTANT_SCHEDULE_LINKS,
  2: CONSTANT_SCHEDULE_LINKS,
  3: Object.freeze({ density: 0.03, seed: 0, recipe: 'live', m: 40, importanceDecay: 0.8, budget: 'converged', sweepSeed: 0 }),
});
