/**
 * The density slider's arithmetic, kept free of the DOM so that it is tested in Node. The slider
 * runs over log10(density), so each decade gets the same length. Near each of the paper's seven
 * levels it has a detent: a position within DETENT decades of a level is that level exactly, so a
 * reader who drags onto the "0.3" tick gets 0.3 (and the shipped model to compare with), not 0.302.
 * Elsewhere a position is rounded to three significant digits, which keeps URLs readable.
 */
import { PAPER_DENSITIES } from '../../model/config';
import { LIVE_LIMITS } from './live-settings';

/** The slider's ends, log10(density). */
export const SLIDER_MIN = Math.log10(LIVE_LIMITS.density.min);
export const SLIDER_MAX = Math.log10(LIVE_LIMITS.density.max);

/** Half-width of the band around each paper level that snaps onto it, in decades (±12% in density). */
export const DETENT = 0.05;

/** How far one arrow key moves the slider, in decades: ten presses per decade. */
export const ARROW_STEP = 0.1;

/** The paper's levels in slider order, smallest density first. */
const LEVELS: readonly number[] = [...PAPER_DENSITIES].sort((a, b) => a - b);

/** The slider position of a density: log10(density), clamped to the slider's range. */
export function positionOf(density: number): number {
  return clamp(Math.log10(density), SLIDER_MIN, SLIDER_MAX);
}

/**
 * The density at a slider position: a paper level when the position is within DETENT of it, else
 * 10^position rounded to three significant digits. Positions outside the range are clamped.
 */
export function densityAt(position: number): number {
  const p = clamp(position, SLIDER_MIN, SLIDER_MAX);
  for (const level of LEVELS) {
    if (Math.abs(p - Math.log10(level)) <= DETENT) return level;
  }
  return Number((10 ** p).toPrecision(3));
}

/** Where a density sits along the slider's track, 0 (left, the smallest density) to 1 (right). */
export function trackFraction(density: number): number {
  return (positionOf(density) - SLIDER_MIN) / (SLIDER_MAX - SLIDER_MIN);
}

/** The keys the slider answers, as KeyboardEvent.key names. */
export type SliderKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

const SLIDER_KEYS: ReadonlySet<string> = new Set<SliderKey>([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/** Whether the slider handles `key` itself (instead of the browser's fixed-step default). */
export const isSliderKey = (key: string): key is SliderKey => SLIDER_KEYS.has(key);

/**
 * The density after a key press from `density`: arrows move a tenth of a decade (and land on a
 * paper level when they come within its detent), PageUp and PageDown go to the next paper level
 * up or down, Home and End to the ends of the slider.
 */
export function densityAfterKey(density: number, key: SliderKey): number {
  const here = positionOf(density);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return densityAt(here + ARROW_STEP);
    case 'ArrowLeft':
    case 'ArrowDown':
      return densityAt(here - ARROW_STEP);
    case 'PageUp':
      // A relative margin, so that a density a rounding error below a level does not stop on it.
      return LEVELS.find((level) => level > density * (1 + 1e-9)) ?? LIVE_LIMITS.density.max;
    case 'PageDown':
      return [...LEVELS].reverse().find((level) => level < density * (1 - 1e-9)) ?? LIVE_LIMITS.density.min;
    case 'Home':
      return LIVE_LIMITS.density.min;
    case 'End':
      return LIVE_LIMITS.density.max;
  }
}

/** The timer functions KeyCommit uses; tests pass fakes. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Commits a density some time after the last key press rather than at every press: pressing →
 * five times to cross half a decade adds one history entry and trains one model, not five.
 */
export class KeyCommit {
  private handle: unknown = null;
  private pending: number | null = null;

  /** `commit` receives the density once the keys have been still for `delayMs`. */
  constructor(
    private readonly commit: (density: number) => void,
    private readonly delayMs = 700,
    private readonly timers: Timers = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) },
  ) {}

  /** Remembers `density` and (re)starts the wait. */
  schedule(density: number): void {
    this.pending = density;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => this.flush(), this.delayMs);
  }

  /** Commits the pending density now (the slider lost focus), if there is one. */
  flush(): void {
    const density = this.pending;
    this.cancel();
    if (density !== null) this.commit(density);
  }

  /** Drops the pending density (a pointer release commits its own). */
  cancel(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.pending = null;
  }
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
