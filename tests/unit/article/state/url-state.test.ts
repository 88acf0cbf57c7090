import { describe, expect, it } from 'vitest';
import { liveConfig, nearestPaperDensity } from '../../../../src/article/state/live-settings';
import { LINK_DEFAULTS, LINK_VERSION } from '../../../../src/article/state/link-formats';
import { DEFAULT_STATE, formatState, MAX_QUERY_LENGTH, parseState } from '../../../../src/article/state/url-state';
import { NEURON_LIMITS } from '../../../../src/article/state/neuron-choice';
import { LIVE_RECIPE_LEVELS } from '../../../../src/model/recipe';

describe('permalink state', () => {
  it('an empty query gives the defaults and no notice', () => {
    expect(parseState('')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('round-trips every field through the query string', () => {
    const state = {
      section: 'live',
      budget: 'replication',
      sweepSeed: 2,
      density: 0.003,
      seed: 12345,
      recipe: 'live',
      steps: 2500,
      learningRate: 0.003,
      m: 20,
      importanceDecay: 0.9,
      neuron: 17,
      colouring: 'feature',
    } as const;
    expect(parseState(formatState(state)).state).toEqual(state);
    expect(parseState(formatState(DEFAULT_STATE))).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('writes the link format and every field set, and the section only when it is not the start', () => {
    expect(formatState(DEFAULT_STATE)).toBe(
      `?v=${LINK_VERSION}&budget=converged&sweep-seed=0&density=0.03&seed=0&recipe=live&m=40&decay=0.8`,
    );
    expect(formatState({ ...DEFAULT_STATE, section: 'live' })).toMatch(/^\?v=\d+&section=live&/);
    expect(formatState({ ...DEFAULT_STATE, steps: 900 })).toContain('&steps=900&');
  });

  it('trains the live recipe at the link’s density unless the link overrides its steps or learning rate', () => {
    const recipe = LIVE_RECIPE_LEVELS.levels.find((l) => l.density === 0.01)!;
    const { state } = parseState('?v=3&density=0.01');
    expect(liveConfig(state)).toMatchObject({
      batch: recipe.batch,
      steps: recipe.steps,
      learningRate: recipe.learningRate,
      schedule: recipe.schedule,
    });
    expect(liveConfig(parseState('?v=3&density=0.01&steps=500').state)).toMatchObject({ batch: recipe.batch, steps: 500 });
  });

  it('names bad budgets, recipes and sweep seeds and keeps the defaults', () => {
    const { state, notices } = parseState('?v=3&budget=lots&recipe=%3Cb%3E&sweep-seed=7');
    expect(state).toMatchObject({ budget: 'converged', recipe: 'live', sweepSeed: 2 });
    expect(notices.join(' ')).toMatch(
      /Training budget "lots" is not one of converged, replication.*Sweep seed "7" is outside 0–2.*Live recipe "<b>" is not one of/,
    );
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

  it('reads the chosen neuron as a whole number within the shipped models’ neurons, and names a bad one', () => {
    expect(parseState('?section=neuron-response&neuron=5')).toEqual({
      state: { ...DEFAULT_STATE, section: 'neuron-response', neuron: 5 },
      notices: [],
    });
    expect(parseState('?neuron=').state.neuron).toBeUndefined();
    const far = parseState('?neuron=400');
    expect(far.state.neuron).toBe(NEURON_LIMITS.max);
    expect(far.notices[0]).toMatch(/Neuron "400" is not a whole number in 0–39; using 39/);
    expect(parseState('?neuron=2.4').state.neuron).toBe(2);
    expect(parseState('?neuron=-0').state.neuron).toBe(0);
    const bad = parseState('?neuron=abc');
    expect(bad.state.neuron).toBeUndefined();
    expect(bad.notices[0]).toMatch(/Neuron "abc" is not a number/);
  });

  it('reads the stack plots’ colouring as superposition or feature, leaves it to each figure when absent, and names a bad one', () => {
    expect(parseState('?colour=feature')).toEqual({ state: { ...DEFAULT_STATE, colouring: 'feature' }, notices: [] });
    expect(parseState('?colour=superposition').state.colouring).toBe('superposition');
    expect(parseState('?colour=%20Feature%20').state.colouring).toBe('feature');
    expect(parseState('').state.colouring).toBeUndefined();
    const bad = parseState('?colour=rainbow');
    expect(bad.state.colouring).toBeUndefined();
    expect(bad.notices).toEqual(['Colouring "rainbow" is not one of superposition, feature; each figure uses its default.']);
    expect(formatState({ ...DEFAULT_STATE, colouring: 'feature' })).toMatch(/&colour=feature$/);
    expect(formatState({ ...DEFAULT_STATE, colouring: 'superposition' })).toMatch(/&colour=superposition$/);
    expect(formatState(DEFAULT_STATE)).not.toContain('colour=');
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
  const format1 = {
    recipe: 'constant',
    steps: 3_500,
    learningRate: 0.003,
    m: 40,
    importanceDecay: 0.8,
    budget: 'replication',
    sweepSeed: 0,
  };

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

  it('format 1 and 2 links train the constant schedule at batch 1,024 they trained then', () => {
    expect(liveConfig(parseState('?density=0.01').state)).toMatchObject({ batch: 1024, steps: 3_500, learningRate: 0.003 });
    expect(liveConfig(parseState('?density=0.01').state).schedule).toBeUndefined();
  });

  it('format 3’s live recipe table is pinned: changing it needs a new link format and LINK_DEFAULTS entry', () => {
    expect(LINK_VERSION).toBe(3);
    expect(LINK_DEFAULTS[3]).toMatchObject({ recipe: 'live', budget: 'converged' });
    const table = LIVE_RECIPE_LEVELS.levels.map((l) => [
      l.density,
      l.batch,
      l.steps,
      l.learningRate,
      l.schedule.kind,
      l.schedule.warmupSteps,
      l.outputBiasInit,
    ]);
    expect(table).toEqual([
      [1, 128, 12_000, 0.02, 'warmup-stable-decay', 300, 0.02],
      [0.3, 128, 8_000, 0.01, 'warmup-stable-decay', 300, 0.02],
      [0.1, 128, 8_000, 0.01, 'warmup-stable-decay', 300, 0.02],
      [0.03, 512, 6_000, 0.01, 'warmup-stable-decay', 300, 0.02],
      [0.01, 2048, 2_000, 0.003, 'cosine', 300, 0],
      [0.003, 4096, 2_000, 0.003, 'cosine', 300, 0.02],
      [0.001, 16_384, 2_000, 0.003, 'cosine', 300, 0.02],
    ]);
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
