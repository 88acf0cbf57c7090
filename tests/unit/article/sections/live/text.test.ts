/** The live status line's wording: why the live model waits, and a run's progress. */
import { describe, expect, it } from 'vitest';
import { idleLine, statusLine } from '../../../../../src/article/sections/live/text';
import type { RunStatus } from '../../../../../src/article/training/training-controller';
import { idle, liveRun } from '../../fixtures';

describe('the live status line', () => {
  it('says why the live model waits, not that it is not training', () => {
    const sweepRun: RunStatus = { ...liveRun({}), target: 'sweep' };
    expect(idleLine(sweepRun, 'waiting')).toBe(
      'Waiting: the live model trains once the sweep retrain is over (pressing Train stops the sweep retrain and trains it now).',
    );
    expect(idleLine(sweepRun, 'done')).toBe(
      'Not training: the sweep retrain is running. Pressing Train stops it and trains the live model.',
    );
    expect(idleLine(idle, 'waiting')).toMatch(/trains when this section is on screen/);
    expect(idleLine({ ...sweepRun, phase: 'cancelled' }, 'waiting')).toMatch(/on screen/);
    expect(idleLine(idle, 'idle')).toBe('Not training. Move the slider or press Train.');
  });

  it('reads step of total, loss, backend, speed, time left and phase', () => {
    // Two reports: the first alone gives no time left (its speed includes the warm-up).
    const status = liveRun({
      step: 1200,
      losses: [0.0021],
      stepsPerSecond: 410.4,
      lossHistory: [
        [
          [25, 0.1],
          [1200, 0.0021],
        ],
      ],
    });
    expect(statusLine(status)).toBe('Step 1,200 of 3,500 · loss 2.10e-3 · backend wasm · 410 steps/s · a few seconds left · training');
    expect(statusLine({ ...status, phase: 'starting', backend: null, losses: [] })).toBe(
      'Step 1,200 of 3,500 · starting the training worker…',
    );
  });
});
