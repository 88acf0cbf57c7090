import { describe, expect, it } from 'vitest';
import { StepRate } from '../../../src/training/step-rate';

describe("a run's speed", () => {
  it('is the first chunk’s speed at the first report, warm-up included', () => {
    const rate = new StepRate();
    rate.start(0, 0);
    expect(rate.report(25, 1000)).toBe(25);
  });

  it('leaves the warm-up chunk out of every later report, and averages over the rest of the run', () => {
    const rate = new StepRate();
    rate.start(0, 0);
    rate.report(25, 1000); // warm-up: 25 steps/s
    expect(rate.report(125, 2000)).toBe(100);
    // One slow chunk moves the estimate, but not to its own speed.
    expect(rate.report(175, 3000)).toBe(75);
    expect(rate.report(400, 4000)).toBe(125);
  });

  it('does not count paused time', () => {
    const rate = new StepRate();
    rate.start(0, 0);
    rate.report(25, 1000);
    expect(rate.report(125, 2000)).toBe(100);
    // Paused from t = 2 s to t = 60 s, then resumed.
    rate.start(125, 60_000);
    expect(rate.report(225, 61_000)).toBe(100);
  });

  it('never divides by zero', () => {
    const rate = new StepRate();
    expect(Number.isFinite(rate.report(10, 5))).toBe(true);
    expect(Number.isFinite(rate.report(20, 5))).toBe(true);
  });
});
