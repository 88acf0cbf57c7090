/** The live caption against the shipped range: every count the range records, and a finished model outside it flagged. */
import { describe, expect, it } from 'vitest';
import { shippedRangeSentence } from '../../../../../src/article/sections/live/text';

const LEVEL = {
  monosemantic: { median: 34, min: 31, max: 36 },
  polysemantic: { median: 6, min: 4, max: 9 },
  representedFeatures: { median: 18, min: 18, max: 19 },
};

describe('the shipped range beside a live model', () => {
  it('states every count the shipped level records, with its range over the seeds', () => {
    const inside = { monosemantic: 33, polysemantic: 7, representedFeatures: 18 };
    expect(shippedRangeSentence(LEVEL, inside, '0, 1, 2', true)).toBe(
      ' The shipped converged models at this level (seeds 0, 1, 2) have a median of 34 monosemantic neurons (31–36), a median of 6 polysemantic neurons (4–9), a median of 18 features computed (18–19).',
    );
  });

  it('flags a finished live model whose features-computed count falls outside the range, not only the monosemantic count', () => {
    const live = { monosemantic: 33, polysemantic: 7, representedFeatures: 16 };
    expect(shippedRangeSentence(LEVEL, live, '0, 1, 2', true)).toMatch(
      / This live model falls outside the shipped range: 16 features computed \(shipped 18–19\)\.$/,
    );
    const both = { monosemantic: 37, polysemantic: 7, representedFeatures: 16 };
    expect(shippedRangeSentence(LEVEL, both, '0', true)).toMatch(
      /37 monosemantic neurons \(shipped 31–36\), 16 features computed \(shipped 18–19\)\.$/,
    );
  });

  it('flags nothing while the model is still training', () => {
    const live = { monosemantic: 2, polysemantic: 0, representedFeatures: 1 };
    expect(shippedRangeSentence(LEVEL, live, '0', false)).not.toMatch(/outside/);
  });
});
