import { describe, expect, it } from 'vitest';
import { checkSetting, checkSettings, rangeHint, SETTING_FIELDS, scheduleSentence } from '../../../src/article/advanced-settings';
import { DEFAULT_LIVE_SETTINGS, LIVE_LIMITS } from '../../../src/article/live-settings';
import { DEFAULT_CONFIG, LIVE_RECIPE } from '../../../src/model/config';

const field = (name: string) => SETTING_FIELDS.find((f) => f.name === name)!;

describe('the advanced settings form', () => {
  it('accepts every default and every bound', () => {
    for (const f of SETTING_FIELDS) {
      expect(checkSetting(f, String(DEFAULT_LIVE_SETTINGS[f.key]))).toEqual({ ok: true, value: DEFAULT_LIVE_SETTINGS[f.key] });
      expect(checkSetting(f, String(f.min))).toEqual({ ok: true, value: f.min });
      expect(checkSetting(f, String(f.max))).toEqual({ ok: true, value: f.max });
    }
  });

  it('refuses an out-of-range value and names the valid range', () => {
    const m = checkSetting(field('m'), '500');
    expect(m).toEqual({ ok: false, error: `Out of range: enter a number between 1 and ${LIVE_LIMITS.m.max}.` });
    const lr = checkSetting(field('lr'), '0.5');
    expect(lr.ok).toBe(false);
    if (!lr.ok) expect(lr.error).toContain(`between 0.00001 and ${LIVE_LIMITS.learningRate.max}`);
    expect(checkSetting(field('steps'), '30001').ok).toBe(false);
    expect(checkSetting(field('steps'), '99').ok).toBe(false);
  });

  it('refuses text, hexadecimal, empty and fractional counts', () => {
    expect(checkSetting(field('seed'), 'abc')).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a number/) });
    expect(checkSetting(field('seed'), '0x10').ok).toBe(false);
    expect(checkSetting(field('lr'), '  ')).toMatchObject({ ok: false, error: expect.stringMatching(/^Enter a number between/) });
    expect(checkSetting(field('m'), '12.5')).toMatchObject({ ok: false, error: expect.stringMatching(/^Enter a whole number/) });
  });

  it('reads exponent notation', () => {
    expect(checkSetting(field('lr'), '3e-3')).toEqual({ ok: true, value: 0.003 });
  });

  it('gives settings only when every field is valid, and an error per bad field', () => {
    const good: Record<string, string> = { seed: '7', steps: '2000', lr: '0.005', m: '20', decay: '0.9' };
    expect(checkSettings((name) => good[name] ?? null)).toEqual({
      settings: { seed: 7, steps: 2000, learningRate: 0.005, m: 20, importanceDecay: 0.9 },
      errors: {},
    });
    const bad: Record<string, string> = { ...good, m: '0', lr: 'fast' };
    const check = checkSettings((name) => bad[name] ?? null);
    expect(check.settings).toBeNull();
    expect(Object.keys(check.errors).sort()).toEqual(['lr', 'm']);
  });

  it('shows each field’s range', () => {
    expect(rangeHint(field('steps'))).toBe('whole number, 100 to 30,000');
    expect(rangeHint(field('lr'))).toBe('0.00001 to 0.1');
  });
});

describe('the sentence about the live schedule', () => {
  it('says "about the same distance" for the live recipe, whose steps × learning rate matches the sweep’s', () => {
    const recipe = scheduleSentence(LIVE_RECIPE.steps, LIVE_RECIPE.learningRate);
    const same =
      Math.abs((LIVE_RECIPE.steps * LIVE_RECIPE.learningRate) / (DEFAULT_CONFIG.steps * DEFAULT_CONFIG.learningRate) - 1) <= 0.15;
    expect(recipe.includes('about the same distance travelled by Adam')).toBe(same);
  });

  it('never claims the same distance when the product differs', () => {
    expect(scheduleSentence(30_000, 0.003)).toMatch(/about 9 times as far/);
    expect(scheduleSentence(30_000, 0.003)).not.toMatch(/same distance/);
    expect(scheduleSentence(1000, 0.001)).toMatch(/only about 10% as far/);
    expect(scheduleSentence(5000, 0.002)).toMatch(/about the same distance/);
  });

  it('names the shipped schedule when the reader chose it', () => {
    expect(scheduleSentence(DEFAULT_CONFIG.steps, DEFAULT_CONFIG.learningRate)).toMatch(/the shipped sweep’s own schedule/);
  });
});
