import { describe, expect, it } from 'vitest';
import { liveConfig } from '../../../../src/article/state/live-settings';
import { announcement, formatDuration, secondsLeft, stepOfTotal, timeLeftPhrase } from '../../../../src/article/training/progress';
import { emptyTimeline, MAX_FRAMES } from '../../../../src/article/training/timeline';
import type { RunPhase, RunStatus } from '../../../../src/article/training/training-controller';
import { DEFAULT_STATE } from '../../../../src/article/state/url-state';
import { DEFAULT_CONFIG } from '../../../../src/model/config';

function run(patch: Partial<RunStatus> = {}): RunStatus {
  return {
    phase: 'training',
    target: 'live',
    config: liveConfig({ ...DEFAULT_STATE, density: 0.1, steps: 3500 }),
    step: 1200,
    losses: [0.0021],
    lossHistory: [
      [
        [25, 0.1],
        [1200, 0.0021],
      ],
    ],
    snapshot: null,
    timeline: emptyTimeline(MAX_FRAMES),
    backend: 'wasm',
    stepsPerSecond: 100,
    message: null,
    ...patch,
  };
}

describe('time estimates', () => {
  it('rounds durations the way a reader would', () => {
    expect(formatDuration(3)).toBe('a few seconds');
    expect(formatDuration(23)).toBe('about 25 s');
    expect(formatDuration(200)).toBe('about 3 min');
    expect(formatDuration(4200)).toBe('about 1 h 10 min');
    expect(formatDuration(Number.NaN)).toBe('an unknown time');
  });

  it('estimates the time left from the measured speed, and nothing before there is one', () => {
    expect(secondsLeft(run())).toBe(23);
    expect(timeLeftPhrase(run())).toBe('about 25 s left');
    expect(timeLeftPhrase(run({ stepsPerSecond: 0 }))).toBe('');
    expect(stepOfTotal(run())).toBe('step 1,200 of 3,500');
  });

  it('gives no estimate from the first report alone, whose speed includes the warm-up', () => {
    const first = run({ step: 25, stepsPerSecond: 20, lossHistory: [[[25, 0.1]]] });
    expect(secondsLeft(first)).toBeNull();
    expect(timeLeftPhrase(first)).toBe('');
    expect(timeLeftPhrase(run({ lossHistory: [[]] }))).toBe('');
  });
});

describe('announcements', () => {
  it('say the same thing at every progress report of a run, so the live region stays quiet', () => {
    const texts = new Set([100, 200, 1200, 3000].map((step) => announcement(run({ step, losses: [1 / step] }))));
    expect(texts.size).toBe(1);
    expect([...texts][0]).toBe('Training the live model at 1 − S = 0.1: 3,500 steps.');
    // Starting and training (the backend is chosen) read the same: one announcement per start.
    expect(announcement(run({ phase: 'starting', step: 0, backend: null }))).toBe([...texts][0]);
  });

  it('announce a pause, a finish and a stop', () => {
    expect(announcement(run({ phase: 'paused' }))).toBe('The live model at 1 − S = 0.1 is paused at step 1,200 of 3,500.');
    expect(announcement(run({ phase: 'completed', step: 3500 }))).toBe(
      'The live model at 1 − S = 0.1 finished training after 3,500 steps, loss 2.10e-3.',
    );
    const sweep = run({ target: 'sweep', config: DEFAULT_CONFIG, phase: 'cancelled' });
    expect(announcement(sweep)).toBe('Stopped training the sweep at step 1,200 of 10,000.');
  });

  it('say nothing for an idle page, a replaced run or a failure (the section’s alert explains it)', () => {
    expect(announcement({ phase: 'idle', target: null })).toBe('');
    for (const phase of ['replaced', 'diverged', 'failed'] as RunPhase[]) expect(announcement(run({ phase }))).toBe('');
  });
});
