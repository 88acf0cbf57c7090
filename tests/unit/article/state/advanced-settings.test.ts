import { describe, expect, it } from 'vitest';
import {
  appliedSettings,
  checkSetting,
  checkSettings,
  constantScheduleSentence,
  formValues,
  rangeHint,
  SETTING_FIELDS,
  scheduleSentence,
} from '../../../../src/article/state/advanced-settings';
import { DEFAULT_LIVE_SETTINGS, LIVE_LIMITS } from '../../../../src/article/state/live-settings';
import { DEFAULT_CONFIG, LIVE_RECIPE } from '../../../../src/model/config';

const field = (name: string) => SETTING_FIELDS.find((f) => f.name === name)!;

describe('the advanced settings form', () => {
  it('accepts every default and every bound', () => {
    for (const f of SETTING_FIELDS) {
      const shown = formValues(DEFAULT_LIVE_SETTINGS)[f.key];
      expect(checkSetting(f, String(shown))).toEqual({ ok: true, value: shown });
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

describe('applying the form', () => {
  it('keeps the link on the recipe when steps and learning rate are the recipe’s own', () => {
    const form = formValues(DEFAULT_LIVE_SETTINGS);
    expect(appliedSettings(DEFAULT_LIVE_SETTINGS, form)).toMatchObject({ steps: undefined, learningRate: undefined });
    expect(appliedSettings(DEFAULT_LIVE_SETTINGS, { ...form, steps: 900 })).toMatchObject({ steps: 900, learningRate: undefined });
  });
});

describe('the sentence about the live recipe', () => {
  it('states the live recipe at the density and the converged one it shortens', () => {
    expect(scheduleSentence(DEFAULT_LIVE_SETTINGS)).toBe(
      'It trains batch 512, 6,000 steps, lr 1e-2 (300 warmup steps, flat, cosine decay to 0 over the last 25%), output bias from 0.02: the live recipe for 1 − S = 0.03. The shipped converged model at 1 − S = 0.03 took batch 256, 40,000 steps, lr 1e-2 (500 warmup steps, flat, cosine decay to 0 over the last 25%), output bias from 0.02.',
    );
  });

  it('names what the reader changed', () => {
    expect(scheduleSentence({ ...DEFAULT_LIVE_SETTINGS, steps: 900 })).toMatch(/with your values in place of its 6,000 steps\./);
  });
});

describe('the sentence about a constant schedule (links of formats 1 and 2)', () => {
  it('says "about the same distance" for the live recipe, whose steps × learning rate matches the sweep’s', () => {
    const recipe = constantScheduleSentence(LIVE_RECIPE.steps, LIVE_RECIPE.learningRate);
    const same =
      Math.abs((LIVE_RECIPE.steps * LIVE_RECIPE.learningRate) / (DEFAULT_CONFIG.steps * DEFAULT_CONFIG.learningRate) - 1) <= 0.15;
    expect(recipe.includes('about the same distance travelled by Adam')).toBe(same);
  });

  it('never claims the same distance when the product differs', () => {
    expect(constantScheduleSentence(30_000, 0.003)).toMatch(/about 9 times as far/);
    expect(constantScheduleSentence(30_000, 0.003)).not.toMatch(/same distance/);
    expect(constantScheduleSentence(1000, 0.001)).toMatch(/only about 10% as far/);
    expect(constantScheduleSentence(5000, 0.002)).toMatch(/about the same distance/);
  });

  it('names the shipped schedule when the reader chose it', () => {
    expect(constantScheduleSentence(DEFAULT_CONFIG.steps, DEFAULT_CONFIG.learningRate)).toMatch(/the replication sweep’s own schedule/);
  });
});
