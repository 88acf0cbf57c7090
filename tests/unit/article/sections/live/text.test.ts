/** The live status line's wording (why the live model waits, a run's progress) and the caption's comparison with the shipped range. */
import { describe, expect, it } from 'vitest';
import { idleLine, shippedRangeSentence, statusLine } from '../../../../../src/article/sections/live/text';
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

const LEVEL = {
  monosemantic: { median: 34, min: 31, max: 36 },
  polysemantic: { median: 6, min: 4, max: 9 },
  representedFeatures: { median: 18, min: 18, max: 19 },
};

describe('the shipped range beside a live model', () => {
  it('states every count the shipped level records, with its range over the seeds', () => {
    const inside = { monosemantic: 33, polysemantic: 7, representedFeatures: 18 };
    expect(shippedRangeSentence(LEVEL, inside, '0, 1 and 2', true)).toBe(
      ' The shipped converged models at this level (seeds 0, 1 and 2) have 31–36 monosemantic and 4–9 polysemantic neurons and compute 18–19 features.',
    );
    expect(shippedRangeSentence({ ...LEVEL, representedFeatures: { median: 20, min: 20, max: 20 } }, inside, '0', false)).toBe(
      ' The shipped converged models at this level (seed 0) have 31–36 monosemantic and 4–9 polysemantic neurons and compute 20 features.',
    );
  });

  it('flags a finished live model whose features-computed count falls outside the range, not only the monosemantic count', () => {
    const live = { monosemantic: 33, polysemantic: 7, representedFeatures: 16 };
    expect(shippedRangeSentence(LEVEL, live, '0, 1, 2', true)).toMatch(
      / This live model falls outside that range: 16 features computed \(shipped 18–19\)\.$/,
    );
    const both = { monosemantic: 37, polysemantic: 7, representedFeatures: 16 };
    expect(shippedRangeSentence(LEVEL, both, '0', true)).toMatch(
      /37 monosemantic neurons \(shipped 31–36\) and 16 features computed \(shipped 18–19\)\.$/,
    );
  });

  it('flags nothing while the model is still training', () => {
    const live = { monosemantic: 2, polysemantic: 0, representedFeatures: 1 };
    expect(shippedRangeSentence(LEVEL, live, '0', false)).not.toMatch(/outside/);
  });
});
