/**
 * The sweep's pre-run time estimate (issue 27): from the speed this machine measured when it has
 * one (scaled by the work per step from a run of another size), and said to be rough when not.
 */
import { describe, expect, it } from 'vitest';
import { liveConfig } from '../../../../src/article/state/live-settings';
import { DEFAULT_STATE } from '../../../../src/article/state/url-state';
import {
  MEASURED_SWEEP_STEPS_PER_SECOND,
  measuredSpeed,
  preRunEstimate,
  preRunPhrase,
  stepWork,
} from '../../../../src/article/training/progress';
import { emptyTimeline, MAX_FRAMES } from '../../../../src/article/training/timeline';
import type { RunStatus } from '../../../../src/article/training/training-controller';
import { DEFAULT_CONFIG, type ModelConfig } from '../../../../src/model/config';

/** A sweep of seven levels, 10,000 steps of batch 1,024, as the replication file trains. */
const SWEEP: ModelConfig = { ...DEFAULT_CONFIG, densities: [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001], batch: 1024, steps: 10_000 };
const LIVE = liveConfig({ ...DEFAULT_STATE, density: 0.1 });

function status(patch: Partial<RunStatus>): RunStatus {
  return {
    phase: 'completed',
    target: 'live',
    config: LIVE,
    step: LIVE.steps,
    losses: [0.002],
    lossHistory: [
      [
        [25, 0.1],
        [50, 0.05],
      ],
    ],
    snapshot: null,
    timeline: emptyTimeline(MAX_FRAMES),
    backend: 'wasm',
    stepsPerSecond: 80,
    message: null,
    ...patch,
  };
}

describe('the speed this machine measured', () => {
  it('is the latest run’s, finished or not, once it has reported twice', () => {
    expect(measuredSpeed(status({}))).toEqual({ stepsPerSecond: 80, config: LIVE });
    expect(measuredSpeed(status({ phase: 'training' }))).toEqual({ stepsPerSecond: 80, config: LIVE });
  });

  it('is none before the second report (the first paid for the warm-up), at no speed, or with no run', () => {
    expect(measuredSpeed(status({ lossHistory: [[[25, 0.1]]] }))).toBeNull();
    expect(measuredSpeed(status({ stepsPerSecond: 0 }))).toBeNull();
    expect(measuredSpeed({ phase: 'idle', target: null })).toBeNull();
  });
});

describe('the pre-run estimate', () => {
  it('counts a step’s work as instances × batch × n × m', () => {
    expect(stepWork(SWEEP)).toBe(7 * 1024 * SWEEP.n * SWEEP.m);
    expect(stepWork({ ...SWEEP, m: SWEEP.m * 2 })).toBe(2 * stepWork(SWEEP));
  });

  it('takes a sweep’s own measured speed as it is', () => {
    const estimate = preRunEstimate(SWEEP, { stepsPerSecond: 40, config: SWEEP });
    expect(estimate).toEqual({ seconds: 250, basis: 'same size' });
    expect(preRunPhrase(estimate)).toBe('about 4 min here, at the speed this machine measured');
  });

  it('scales a smaller run’s speed by the work per step', () => {
    const small = { ...SWEEP, densities: [0.1], steps: 300 };
    // One instance at 700 steps/s does the work of a seven-instance sweep at 100 steps/s.
    const estimate = preRunEstimate(SWEEP, { stepsPerSecond: 700, config: small });
    expect(estimate.basis).toBe('other size');
    expect(estimate.seconds).toBeCloseTo(100, 9);
    expect(preRunPhrase(estimate)).toMatch(/^about 2 min here, scaled from the speed this machine measured/);
  });

  it('follows the measured speed: a machine twice as fast is estimated at half the time', () => {
    const slow = preRunEstimate(SWEEP, { stepsPerSecond: 20, config: LIVE });
    const fast = preRunEstimate(SWEEP, { stepsPerSecond: 40, config: LIVE });
    expect(fast.seconds).toBeCloseTo(slow.seconds / 2, 9);
  });

  it('without a measurement, uses the typical two-core speed and says it is rough', () => {
    const estimate = preRunEstimate(SWEEP, null);
    expect(estimate).toEqual({ seconds: SWEEP.steps / MEASURED_SWEEP_STEPS_PER_SECOND, basis: 'typical' });
    expect(preRunPhrase(estimate)).toBe('about 3 min on a two-core laptop, a rough estimate until this machine has measured a run');
  });
});
