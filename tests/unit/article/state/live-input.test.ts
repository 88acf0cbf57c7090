/**
 * The live model's input through its transitions, with a fake host and fake timers: a drag shows
 * and a release commits, a burst of key presses commits once, and the advanced settings form is
 * checked field by field, with nothing committed while any field is refused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formValues, type SettingName } from '../../../../src/article/state/advanced-settings';
import { LiveInput } from '../../../../src/article/state/live-input';
import type { LiveSettings } from '../../../../src/article/state/live-settings';
import { DEFAULT_STATE } from '../../../../src/article/state/url-state';
import { FakeHost } from '../../support/fake-browser';

/** How long the keys must be still before a burst commits, ms (density-slider.ts). */
const KEY_BURST_MS = 700;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function setUp(density = 0.03) {
  const host = new FakeHost();
  const shown: Partial<LiveSettings>[] = [];
  const committed: Partial<LiveSettings>[] = [];
  const settings: LiveSettings = { ...DEFAULT_STATE, density };
  const input = new LiveInput(
    host,
    { show: (patch) => shown.push(patch), commit: (patch) => committed.push(patch) },
    () => settings,
    density,
  );
  return { host, input, shown, committed };
}

/** The advanced settings form, its fields holding `values` (a field left out is not in the form). */
function settingsForm(values: Partial<Record<SettingName, string>>) {
  const inputs = new Map(
    Object.entries(values).map(([name, value]) => {
      const field = {
        name,
        value,
        focused: false,
        focus() {
          field.focused = true;
        },
      };
      return [name, field] as const;
    }),
  );
  const form = {
    querySelector(selector: string) {
      const name = /^input\[name="(.*)"\]$/.exec(selector)?.[1];
      if (name === undefined) throw new Error(`the fake form does not answer ${selector}`);
      return inputs.get(name) ?? null;
    },
  } as unknown as HTMLFormElement;
  const field = (name: SettingName) => {
    const found = inputs.get(name);
    if (!found) throw new Error(`no field ${name}`);
    return found;
  };
  return { form, field };
}

/** The form as the page fills it for the default settings. */
const DEFAULT_FORM: Record<SettingName, string> = (() => {
  const values = formValues(DEFAULT_STATE);
  return {
    seed: `${values.seed}`,
    steps: `${values.steps}`,
    lr: `${values.learningRate}`,
    m: `${values.m}`,
    decay: `${values.importanceDecay}`,
  };
})();

describe('live input: the density slider', () => {
  it('a drag shows each density as it goes and commits only on release, once', () => {
    const { input, shown, committed } = setUp();
    input.onSliderInput(0.05);
    input.onSliderInput(0.07);
    expect(shown).toEqual([{ density: 0.05 }, { density: 0.07 }]);
    expect(committed).toEqual([]);
    input.onSliderCommit(0.07);
    expect(committed).toEqual([{ density: 0.07 }]);
  });

  it('a release where the drag began commits nothing, and shows that density again', () => {
    const { input, shown, committed } = setUp(0.03);
    input.onSliderInput(0.05);
    input.onSliderCommit(0.03);
    expect(committed).toEqual([]);
    expect(shown.at(-1)).toEqual({ density: 0.03 });
  });

  it('the same density released twice is one commit: one history entry, one retrain', () => {
    const { input, committed } = setUp();
    input.onSliderCommit(0.1);
    input.onSliderCommit(0.1);
    expect(committed).toEqual([{ density: 0.1 }]);
  });

  it('a burst of key presses shows each step and commits once, when the keys have been still for 700 ms', () => {
    const { input, shown, committed } = setUp();
    for (const density of [0.0378, 0.0476, 0.06, 0.0755, 0.1]) {
      input.onSliderKey(density);
      vi.advanceTimersByTime(KEY_BURST_MS / 2);
    }
    expect(shown).toHaveLength(5);
    expect(committed).toEqual([]);
    vi.advanceTimersByTime(KEY_BURST_MS / 2 - 1);
    expect(committed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(committed).toEqual([{ density: 0.1 }]);
    vi.runAllTimers();
    expect(committed).toHaveLength(1);
  });

  it('a burst that ends where it began commits nothing', () => {
    const { input, committed } = setUp(0.03);
    input.onSliderKey(0.0378);
    input.onSliderKey(0.03);
    vi.runAllTimers();
    expect(committed).toEqual([]);
  });

  it('leaving the slider commits a waiting burst at once', () => {
    const { input, committed } = setUp();
    input.onSliderKey(0.0378);
    input.onSliderBlur();
    expect(committed).toEqual([{ density: 0.0378 }]);
    vi.runAllTimers();
    expect(committed).toHaveLength(1);
  });

  it('a release supersedes a key burst still waiting', () => {
    const { input, committed } = setUp();
    input.onSliderKey(0.0378);
    input.onSliderCommit(0.3);
    vi.runAllTimers();
    expect(committed).toEqual([{ density: 0.3 }]);
  });

  it('a navigation drops a waiting burst and takes the new URL’s density as the one committed', () => {
    const { input, committed } = setUp(0.03);
    input.onSliderKey(0.0378);
    input.reset(0.1);
    vi.runAllTimers();
    input.onSliderCommit(0.1);
    expect(committed).toEqual([]);
  });

  it('settings chosen by a control of their own commit at once and drop a waiting burst', () => {
    const { input, committed } = setUp();
    input.onSliderKey(0.0378);
    input.commitSettings({ recipe: 'live', steps: undefined, learningRate: undefined });
    vi.runAllTimers();
    expect(committed).toEqual([{ recipe: 'live', steps: undefined, learningRate: undefined }]);
  });
});

describe('live input: the advanced settings form', () => {
  it('a form with every field valid commits the settings, the recipe’s own steps and rate left to the recipe', () => {
    const { input, committed } = setUp();
    input.onAdvancedApply(settingsForm({ ...DEFAULT_FORM, seed: '3', m: '20', decay: '0.9' }).form);
    expect(input.settingErrors).toEqual({});
    expect(committed).toEqual([{ seed: 3, m: 20, importanceDecay: 0.9, steps: undefined, learningRate: undefined }]);
  });

  it('steps and a learning rate the reader changed commit as overrides', () => {
    const { input, committed } = setUp();
    input.onAdvancedApply(settingsForm({ ...DEFAULT_FORM, steps: '2000', lr: '0.005' }).form);
    expect(committed).toEqual([expect.objectContaining({ steps: 2000, learningRate: 0.005 })]);
  });

  it('each invalid field gets its own message, nothing trains, and focus goes to the first refused field once rendered', async () => {
    const { host, input, committed } = setUp();
    const { form, field } = settingsForm({ ...DEFAULT_FORM, steps: '', lr: 'abc', m: '500', decay: '0.5' });
    const updates = host.updates;
    input.onAdvancedApply(form);
    expect(input.settingErrors).toEqual({
      steps: 'Enter a whole number between 100 and 30,000.',
      lr: 'Not a number: enter one between 0.00001 and 0.1.',
      m: 'Out of range: enter a number between 1 and 100.',
    });
    expect(committed).toEqual([]);
    expect(host.updates).toBe(updates + 1);
    expect(field('steps').focused).toBe(false);
    await host.updateComplete;
    expect(field('steps').focused).toBe(true);
    expect(field('lr').focused).toBe(false);
  });

  it('a whole-number field refuses a fraction', () => {
    const { input } = setUp();
    input.onAdvancedApply(settingsForm({ ...DEFAULT_FORM, seed: '1.5' }).form);
    expect(input.settingErrors).toEqual({ seed: expect.stringMatching(/^Enter a whole number between 0 and /) });
  });

  it('a field missing from the form is refused as empty', () => {
    const { input, committed } = setUp();
    const { seed: _left, ...rest } = DEFAULT_FORM;
    input.onAdvancedApply(settingsForm(rest).form);
    expect(input.settingErrors.seed).toMatch(/^Enter a whole number between/);
    expect(committed).toEqual([]);
  });

  it('as the reader edits a refused field its message goes once the value is valid, or changes with the error', () => {
    const { host, input } = setUp();
    const { form, field } = settingsForm({ ...DEFAULT_FORM, steps: '', m: '500' });
    input.onAdvancedApply(form);
    const steps = field('steps');
    steps.value = '20';
    input.onSettingInput(steps as unknown as HTMLInputElement);
    expect(input.settingErrors.steps).toBe('Out of range: enter a number between 100 and 30,000.');
    const updates = host.updates;
    steps.value = '2000';
    input.onSettingInput(steps as unknown as HTMLInputElement);
    expect(input.settingErrors).toEqual({ m: 'Out of range: enter a number between 1 and 100.' });
    expect(host.updates).toBe(updates + 1);
  });

  it('a field not refused is checked on Apply, not as it is typed', () => {
    const { input } = setUp();
    const { form, field } = settingsForm({ ...DEFAULT_FORM, steps: '' });
    input.onAdvancedApply(form);
    const decay = field('decay');
    decay.value = '7';
    input.onSettingInput(decay as unknown as HTMLInputElement);
    expect(Object.keys(input.settingErrors)).toEqual(['steps']);
  });

  it('a valid Apply clears the refusals and drops a waiting key burst; so does a navigation', () => {
    const { input, committed } = setUp();
    input.onAdvancedApply(settingsForm({ ...DEFAULT_FORM, m: '0' }).form);
    expect(input.settingErrors).not.toEqual({});
    input.onSliderKey(0.0378);
    input.onAdvancedApply(settingsForm(DEFAULT_FORM).form);
    vi.runAllTimers();
    expect(input.settingErrors).toEqual({});
    expect(committed).toHaveLength(1);
    expect(committed[0]).not.toHaveProperty('density');
    input.onAdvancedApply(settingsForm({ ...DEFAULT_FORM, m: '0' }).form);
    input.reset(0.03);
    expect(input.settingErrors).toEqual({});
  });
});
