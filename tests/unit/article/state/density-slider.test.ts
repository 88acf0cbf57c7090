import { describe, expect, it, vi } from 'vitest';
import {
  ARROW_STEP,
  DETENT,
  densityAfterKey,
  densityAt,
  isSliderKey,
  KeyCommit,
  positionOf,
  SLIDER_MAX,
  SLIDER_MIN,
  trackFraction,
} from '../../../../src/article/state/density-slider';
import { PAPER_DENSITIES } from '../../../../src/model/config';

describe('the density slider', () => {
  it('gives exactly each paper level at its tick and anywhere within the detent', () => {
    for (const level of PAPER_DENSITIES) {
      const tick = Math.log10(level);
      expect(densityAt(tick)).toBe(level);
      expect(densityAt(tick + DETENT * 0.99)).toBe(level);
      expect(densityAt(tick - DETENT * 0.99)).toBe(level);
      // The position a range input with step 0.01 would have reported there before detents.
      expect(densityAt(Math.round(tick * 100) / 100)).toBe(level);
    }
  });

  it('reaches the 0.3, 0.03 and 0.003 levels that rounding the position to 0.01 missed', () => {
    expect(densityAt(-0.52)).toBe(0.3);
    expect(densityAt(-1.52)).toBe(0.03);
    expect(densityAt(-2.52)).toBe(0.003);
  });

  it('between detents, rounds to three significant digits', () => {
    expect(densityAt(-0.75)).toBe(0.178);
    expect(densityAt(-2.25)).toBe(0.00562);
  });

  it('clamps positions and densities to the slider range', () => {
    expect(densityAt(SLIDER_MIN - 1)).toBe(0.001);
    expect(densityAt(SLIDER_MAX + 1)).toBe(1);
    expect(positionOf(5)).toBe(SLIDER_MAX);
    expect(positionOf(1e-9)).toBe(SLIDER_MIN);
  });

  it('round-trips every paper level through its position', () => {
    for (const level of PAPER_DENSITIES) expect(densityAt(positionOf(level))).toBe(level);
  });

  it('places the ticks where the thumb goes: 0 at 0.001, 1 at 1, decades evenly', () => {
    expect(trackFraction(0.001)).toBe(0);
    expect(trackFraction(1)).toBe(1);
    expect(trackFraction(0.01)).toBeCloseTo(1 / 3, 12);
    expect(trackFraction(0.1)).toBeCloseTo(2 / 3, 12);
  });

  it('moves a tenth of a decade per arrow key, in both directions', () => {
    expect(densityAfterKey(0.1, 'ArrowRight')).toBe(Number((10 ** (-1 + ARROW_STEP)).toPrecision(3)));
    expect(densityAfterKey(0.1, 'ArrowUp')).toBe(0.126);
    expect(densityAfterKey(0.1, 'ArrowLeft')).toBe(0.0794);
    expect(densityAfterKey(0.1, 'ArrowDown')).toBe(0.0794);
  });

  it('crosses a decade in ten arrow presses and lands on the levels on the way', () => {
    let density = 0.001;
    const seen: number[] = [];
    for (let k = 0; k < 10; k++) {
      density = densityAfterKey(density, 'ArrowRight');
      seen.push(density);
    }
    expect(density).toBe(0.01);
    expect(seen).toContain(0.003);
    for (let k = 0; k < 30; k++) density = densityAfterKey(density, 'ArrowRight');
    expect(density).toBe(1);
  });

  it('arrow presses always move, never sticking in a detent', () => {
    for (let density = 0.001; density < 1; ) {
      const next = densityAfterKey(density, 'ArrowRight');
      expect(next).toBeGreaterThan(density);
      density = next;
    }
    for (let density = 1; density > 0.001; ) {
      const next = densityAfterKey(density, 'ArrowLeft');
      expect(next).toBeLessThan(density);
      density = next;
    }
  });

  it('PageUp and PageDown go to the next paper level; Home and End to the ends', () => {
    expect(densityAfterKey(0.03, 'PageUp')).toBe(0.1);
    expect(densityAfterKey(0.05, 'PageUp')).toBe(0.1);
    expect(densityAfterKey(0.03, 'PageDown')).toBe(0.01);
    expect(densityAfterKey(0.05, 'PageDown')).toBe(0.03);
    expect(densityAfterKey(1, 'PageUp')).toBe(1);
    expect(densityAfterKey(0.001, 'PageDown')).toBe(0.001);
    expect(densityAfterKey(0.05, 'Home')).toBe(0.001);
    expect(densityAfterKey(0.05, 'End')).toBe(1);
    const up: number[] = [];
    for (let density = 0.001; density < 1; ) {
      density = densityAfterKey(density, 'PageUp');
      up.push(density);
    }
    expect(up).toEqual([0.003, 0.01, 0.03, 0.1, 0.3, 1]);
  });

  it('knows which keys it handles', () => {
    expect(isSliderKey('PageUp')).toBe(true);
    expect(isSliderKey('Tab')).toBe(false);
    expect(isSliderKey('a')).toBe(false);
  });
});

describe('committing key presses', () => {
  it('commits once, with the last density, after the keys have been still', () => {
    vi.useFakeTimers();
    try {
      const commit = vi.fn();
      const keys = new KeyCommit(commit, 700);
      for (const density of [0.0126, 0.0158, 0.02, 0.0251]) {
        keys.schedule(density);
        vi.advanceTimersByTime(300);
      }
      expect(commit).not.toHaveBeenCalled();
      vi.advanceTimersByTime(700);
      expect(commit).toHaveBeenCalledTimes(1);
      expect(commit).toHaveBeenCalledWith(0.0251);
      vi.advanceTimersByTime(5000);
      expect(commit).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flushes at once when focus leaves, and a cancelled density is never committed', () => {
    vi.useFakeTimers();
    try {
      const commit = vi.fn();
      const keys = new KeyCommit(commit, 700);
      keys.schedule(0.3);
      keys.flush();
      expect(commit).toHaveBeenCalledWith(0.3);
      keys.flush();
      expect(commit).toHaveBeenCalledTimes(1);
      keys.schedule(0.1);
      keys.cancel();
      vi.advanceTimersByTime(5000);
      expect(commit).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
