import { describe, expect, it } from 'vitest';
import { nearestPaperDensity } from '../../../src/article/live-settings';
import { DEFAULT_STATE, formatState, MAX_QUERY_LENGTH, parseState } from '../../../src/article/url-state';

describe('permalink state', () => {
  it('an empty query gives the defaults and no notice', () => {
    expect(parseState('')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('round-trips every field through the query string', () => {
    const state = { section: 'live', density: 0.003, seed: 12345, steps: 2500, learningRate: 0.003, m: 20, importanceDecay: 0.9 } as const;
    expect(parseState(formatState(state)).state).toEqual(state);
    expect(formatState(DEFAULT_STATE)).toBe('');
  });

  it('clamps an out-of-range value and says so', () => {
    const { state, notices } = parseState('?density=5&steps=999999999');
    expect(state.density).toBe(1);
    expect(state.steps).toBe(30_000);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/Feature density "5" is outside/);
  });

  it.each(['NaN', 'Infinity', '', '0x10', '1e', 'abc', '<script>alert(1)</script>'])(
    'rejects the non-number %j with the default',
    (raw) => {
      const { state, notices } = parseState(`?seed=${encodeURIComponent(raw)}`);
      expect(state.seed).toBe(DEFAULT_STATE.seed);
      expect(notices[0]).toMatch(/^Seed ".*" is not a number; using 0\.$/);
    },
  );

  it('rounds a fractional seed and names an unknown section', () => {
    const { state, notices } = parseState('?seed=2.6&section=nowhere');
    expect(state.seed).toBe(3);
    expect(state.section).toBe('intro');
    expect(notices.join(' ')).toMatch(/no section "nowhere".*Seed must be a whole number/);
  });

  it('refuses a query longer than the limit outright', () => {
    const { state, notices } = parseState(`?seed=${'1'.repeat(MAX_QUERY_LENGTH)}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices[0]).toMatch(/too long/);
  });

  it('snaps a density to the nearest paper level on a log scale', () => {
    expect(nearestPaperDensity(0.02)).toBe(0.03);
    expect(nearestPaperDensity(0.0015)).toBe(0.001);
    expect(nearestPaperDensity(0.6)).toBe(1);
    expect(nearestPaperDensity(0.5)).toBe(0.3);
  });
});
