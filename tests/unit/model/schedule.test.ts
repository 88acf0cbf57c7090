import { describe, expect, it } from 'vitest';
import { makeConfig, scheduledLearningRate, validateConfig } from '../../../src/model/config';
import { CONSTANT_SCHEDULE, describeSchedule, learningRateAt, type LearningRateSchedule } from '../../../src/model/schedule';

const total = 1000;

describe('learning-rate schedules', () => {
  it('constant without warmup is the peak itself at every step', () => {
    for (const step of [0, 1, 499, 999]) expect(learningRateAt(CONSTANT_SCHEDULE, 1e-3, step, total)).toBe(1e-3);
  });

  it('warms up linearly from peak/warmup to the peak', () => {
    const schedule: LearningRateSchedule = { kind: 'constant', warmupSteps: 100 };
    expect(learningRateAt(schedule, 1e-2, 0, total)).toBeCloseTo(1e-4, 15);
    expect(learningRateAt(schedule, 1e-2, 49, total)).toBeCloseTo(5e-3, 15);
    expect(learningRateAt(schedule, 1e-2, 99, total)).toBe(1e-2);
    expect(learningRateAt(schedule, 1e-2, 100, total)).toBe(1e-2);
  });

  it('cosine: peak after the warmup, half at the middle of the decay, near 0 at the end', () => {
    const schedule: LearningRateSchedule = { kind: 'cosine', warmupSteps: 200 };
    expect(learningRateAt(schedule, 3e-3, 200, total)).toBe(3e-3);
    // The decay spans steps 200 … 1000: its middle is step 600.
    expect(learningRateAt(schedule, 3e-3, 600, total)).toBeCloseTo(1.5e-3, 15);
    // Step 400 is a quarter of the way: ½(1 + cos π/4).
    expect(learningRateAt(schedule, 3e-3, 400, total)).toBeCloseTo(3e-3 * 0.5 * (1 + Math.SQRT1_2), 15);
    expect(learningRateAt(schedule, 3e-3, 999, total)).toBeCloseTo(3e-3 * 0.5 * (1 + Math.cos((Math.PI * 799) / 800)), 15);
    expect(learningRateAt(schedule, 3e-3, 999, total)).toBeLessThan(1e-7);
  });

  it('cosine without warmup starts at the peak', () => {
    expect(learningRateAt({ kind: 'cosine', warmupSteps: 0 }, 1, 0, total)).toBe(1);
    expect(learningRateAt({ kind: 'cosine', warmupSteps: 0 }, 1, 500, total)).toBeCloseTo(0.5, 15);
  });

  it('warmup-stable-decay: flat until the last quarter, then half a cosine to 0', () => {
    const schedule: LearningRateSchedule = { kind: 'warmup-stable-decay', warmupSteps: 50, decayFraction: 0.25 };
    expect(learningRateAt(schedule, 1e-2, 0, total)).toBeCloseTo(2e-4, 15);
    expect(learningRateAt(schedule, 1e-2, 50, total)).toBe(1e-2);
    expect(learningRateAt(schedule, 1e-2, 749, total)).toBe(1e-2);
    expect(learningRateAt(schedule, 1e-2, 750, total)).toBe(1e-2);
    expect(learningRateAt(schedule, 1e-2, 875, total)).toBeCloseTo(5e-3, 15);
    expect(learningRateAt(schedule, 1e-2, 999, total)).toBeLessThan(1e-6);
  });

  it('never rises after the warmup and never goes negative', () => {
    const kinds: LearningRateSchedule[] = [
      { kind: 'cosine', warmupSteps: 10 },
      { kind: 'warmup-stable-decay', warmupSteps: 10, decayFraction: 0.5 },
    ];
    for (const schedule of kinds) {
      let previous = Number.POSITIVE_INFINITY;
      for (let step = 10; step < total; step++) {
        const rate = learningRateAt(schedule, 1, step, total);
        expect(rate).toBeLessThanOrEqual(previous);
        expect(rate).toBeGreaterThanOrEqual(0);
        previous = rate;
      }
    }
  });

  it('reads a configuration: no schedule means constant', () => {
    expect(scheduledLearningRate(makeConfig({ learningRate: 2e-3 }), 5)).toBe(2e-3);
    const config = makeConfig({ learningRate: 2e-3, steps: 100, schedule: { kind: 'cosine', warmupSteps: 0 } });
    expect(scheduledLearningRate(config, 50)).toBeCloseTo(1e-3, 15);
  });

  it('is validated with the configuration', () => {
    const bad = { ...makeConfig(), schedule: { kind: 'linear', warmupSteps: -1, decayFraction: 2 } } as never;
    expect(validateConfig(bad).map((e) => e.field)).toEqual(['schedule', 'schedule', 'schedule']);
    expect(validateConfig({ ...makeConfig(), outputBiasInit: 5 }).map((e) => e.field)).toEqual(['outputBiasInit']);
  });

  it('describes itself', () => {
    expect(describeSchedule({ kind: 'warmup-stable-decay', warmupSteps: 500, decayFraction: 0.25 })).toBe(
      '500 warmup steps, flat, cosine decay to 0 over the last 25%',
    );
    expect(describeSchedule(CONSTANT_SCHEDULE)).toBe('constant');
  });
});
