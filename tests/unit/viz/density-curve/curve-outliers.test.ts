/** The density curve's failed runs: drawn at their own values, and said in words (issue 25). */
import { describe, expect, it } from 'vitest';
import { curveLevels } from '../../../../src/model/curve';
import { LOSS_OUTLIER_FACTOR } from '../../../../src/model/failed-runs';
import { CURVE_PANELS, curveLegendEntries, curveYDomain, describeLevel } from '../../../../src/viz/density-curve/curve-layout';
import { describeOutlier, levelOutlierText, outlierPoints } from '../../../../src/viz/density-curve/curve-outliers';
import { failedRuns, failedRunsSentence } from '../../../../src/article/sections/curve/view';
import { curveSampleOf as sample } from '../../model/curve-sample';

// The older grid's broken run: seed 0 at 0.0132 lost output 7, and its loss is 4.2× the clean one.
const levels = curveLevels([
  ...[0, 1, 2].map((seed) => sample(0.0173, seed, { lossOverClean: 1 + seed / 10 })),
  sample(0.0132, 0, { lossOverClean: 4.2, monosemantic: 30, deadOutputs: [7], deadOutputExcess: 3.7 }),
  sample(0.0132, 1, { lossOverClean: 0.9 }),
  sample(0.0132, 2, { lossOverClean: 0.95 }),
  ...[0, 1].map((seed) => sample(0.01, seed, { lossOverClean: 0.5 })),
]);
const broken = levels.find((l) => l.density === 0.0132)!;

describe('a failed run on the density curve', () => {
  it('says why it was left out: the dead output and its cost, the loss far above its neighbours', () => {
    expect(describeOutlier(broken.outliers[0]!, broken.density)).toBe(
      'seed 0 at 1 − S = 0.0132: output 7 is dead: constantly 0, adding 3.70× the clean solution’s loss; ' +
        'eval loss 4.20× the clean solution’s, over 2× the median of its neighbours’',
    );
    expect(describeOutlier(broken.outliers[0]!, broken.density)).toContain(`over ${LOSS_OUTLIER_FACTOR}×`);
  });

  it('is drawn as a mark at its own value on every panel, and the panel’s range holds it', () => {
    for (const spec of CURVE_PANELS) {
      const points = outlierPoints(levels, spec.metric);
      expect(points.map((p) => [p.density, p.seed])).toEqual([[0.0132, 0]]);
      const [low, high] = curveYDomain(spec, [levels]);
      expect(points[0]!.value).toBeGreaterThanOrEqual(low);
      expect(points[0]!.value).toBeLessThanOrEqual(high);
    }
    expect(outlierPoints(levels, 'monosemantic')[0]!.value).toBe(30);
    expect(outlierPoints(levels, 'lossOverClean')[0]!.value).toBe(4.2);
  });

  it('lists at most five dead outputs', () => {
    const many = { ...broken.outliers[0]!, reasons: ['dead-output'] as const, deadOutputs: [0, 2, 3, 4, 5, 7, 8] };
    expect(describeOutlier(many, 0.001)).toBe(
      'seed 0 at 1 − S = 0.001: 7 outputs are dead (0, 2, 3, 4, 5, …): constantly 0, adding 3.70× the clean solution’s loss',
    );
  });

  it('is named in its column’s words and in the legend, and nowhere else', () => {
    expect(describeLevel(broken)).toMatch(/Left out of the bands as failed: seed 0 at 1 − S = 0\.0132: output 7 is dead/);
    expect(levelOutlierText(levels[0]!)).toBe('');
    expect(curveLegendEntries(false, null, true).map((e) => e.id)).toContain('outlier');
    expect(curveLegendEntries(false, null, false).map((e) => e.id)).not.toContain('outlier');
  });

  it('is a row of the table under the figure, and the sentence above it counts it', () => {
    const rows = failedRuns(levels, []);
    expect(rows).toEqual([
      {
        series: 'converged grid',
        density: 0.0132,
        seed: 0,
        why: expect.stringMatching(/^output 7 is dead: constantly 0/),
        monosemantic: 30,
        lossOverClean: 4.2,
      },
    ]);
    expect(failedRunsSentence(rows, 8)).toMatch(
      /It flags 1 run of the grid’s 8 and 0 models of the replication budget \(listed below\)\. Each is drawn as a cross/,
    );
    expect(failedRunsSentence([], 75)).toMatch(/flags none of the grid’s 75 runs/);
  });
});
