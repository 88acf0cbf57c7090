import { describe, expect, it } from 'vitest';
import { nearestPaperDensity } from '../../../src/article/live-settings';
import { DEFAULT_STATE, formatState, LINK_VERSION, MAX_QUERY_LENGTH, parseState } from '../../../src/article/url-state';

describe('permalink state', () => {
  it('an empty query gives the defaults and no notice', () => {
    expect(parseState('')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('round-trips every field through the query string', () => {
    const state = { section: 'live', density: 0.003, seed: 12345, steps: 2500, learningRate: 0.003, m: 20, importanceDecay: 0.9 } as const;
    expect(parseState(formatState(state)).state).toEqual(state);
    expect(parseState(formatState(DEFAULT_STATE))).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('writes the link format and every training field, and the section only when it is not the start', () => {
    expect(formatState(DEFAULT_STATE)).toBe(
      `?v=${LINK_VERSION}&density=0.03&seed=0&steps=${DEFAULT_STATE.steps}&lr=${DEFAULT_STATE.learningRate}&m=40&decay=0.8`,
    );
    expect(formatState({ ...DEFAULT_STATE, section: 'live' })).toMatch(/^\?v=\d+&section=live&/);
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

/** Links as each format wrote them, and the configuration each must keep opening. */
describe('links from every format keep their meaning', () => {
  const format1 = { steps: 3_500, learningRate: 0.003, m: 40, importanceDecay: 0.8 };

  it.each([
    ['?section=live&density=0.1&seed=3', { section: 'live', density: 0.1, seed: 3, ...format1 }],
    ['?density=0.01', { section: 'intro', density: 0.01, seed: 0, ...format1 }],
    [
      '?section=live&density=0.3&steps=10000&lr=0.001',
      { section: 'live', density: 0.3, seed: 0, ...format1, steps: 10_000, learningRate: 0.001 },
    ],
    ['?section=live&density=0.1&m=20', { section: 'live', density: 0.1, seed: 0, ...format1, m: 20 }],
  ])('format 1 (no v): %s', (link, state) => {
    expect(parseState(link)).toEqual({ state, notices: [] });
  });

  it.each([
    ['?v=2&section=live&density=0.1&seed=3&steps=3500&lr=0.003&m=40&decay=0.8', { section: 'live', density: 0.1, seed: 3, ...format1 }],
    [
      '?v=2&density=0.003&seed=1&steps=10000&lr=0.001&m=40&decay=0.8',
      { section: 'intro', density: 0.003, seed: 1, ...format1, steps: 10_000, learningRate: 0.001 },
    ],
  ])('format 2: %s', (link, state) => {
    expect(parseState(link)).toEqual({ state, notices: [] });
  });

  it('a link to a section alone opens today’s defaults', () => {
    expect(parseState('?section=motif')).toEqual({ state: { ...DEFAULT_STATE, section: 'motif' }, notices: [] });
  });

  it('an unknown format says so and fills what it leaves out with today’s defaults', () => {
    const { state, notices } = parseState('?v=99&density=0.1');
    expect(state).toEqual({ ...DEFAULT_STATE, density: 0.1 });
    expect(notices[0]).toMatch(/format "99" is not one this page knows/);
  });
});
