import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, importances, makeConfig, PAPER_DENSITIES, validateConfig } from '../../../src/model/config';

describe('model configuration', () => {
  it('defaults to the paper sweep: n = 100, m = 40, seven densities from 1 to 0.001, no hidden bias', () => {
    expect(DEFAULT_CONFIG.n).toBe(100);
    expect(DEFAULT_CONFIG.m).toBe(40);
    expect(DEFAULT_CONFIG.densities).toEqual([1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001]);
    expect(DEFAULT_CONFIG.hiddenBias).toBe(false);
    expect(DEFAULT_CONFIG.batch).toBe(1024);
    expect(DEFAULT_CONFIG.steps).toBe(10_000);
    expect(DEFAULT_CONFIG.learningRate).toBe(1e-3);
    expect(validateConfig(DEFAULT_CONFIG)).toEqual([]);
  });

  it('importance decays geometrically from 1', () => {
    const I = importances({ n: 4, importanceDecay: 0.8 });
    expect(Array.from(I)).toEqual([1, 0.8, 0.8 ** 2, 0.8 ** 3].map((v) => expect.closeTo(v, 12)));
  });

  it.each([
    [{ n: 0 }, 'n', 'between'],
    [{ m: 2.5 }, 'm', 'integer'],
    [{ batch: Number.NaN }, 'batch', 'finite'],
    [{ steps: 1e9 }, 'steps', 'between'],
    [{ learningRate: -1 }, 'learningRate', 'between'],
    [{ seed: -3 }, 'seed', 'between'],
    [{ densities: [] }, 'densities', 'between 1 and'],
    [{ densities: [0.5, 2] }, 'densities', 'each density'],
    [{ densities: [Number.POSITIVE_INFINITY] }, 'densities', 'each density'],
  ])('rejects %j with an error naming %s', (override, field, words) => {
    const errors = validateConfig({ ...DEFAULT_CONFIG, ...override } as never);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe(field);
    expect(errors[0]!.message).toContain(words);
  });

  it('rejects a string where a number belongs, quoting it', () => {
    const errors = validateConfig({ ...DEFAULT_CONFIG, m: '40' as unknown as number });
    expect(errors[0]!.message).toContain('"40"');
  });

  it('makeConfig throws on invalid overrides and freezes valid ones', () => {
    expect(() => makeConfig({ m: 10_000 })).toThrow(/m must be between/);
    const config = makeConfig({ densities: [0.1] });
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.densities).toEqual([0.1]);
    expect(PAPER_DENSITIES).toHaveLength(7);
  });
});
