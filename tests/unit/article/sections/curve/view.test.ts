/** The curve section's stack plot: the grid model chosen on the curve, else the one nearest the live slider (a curve of the shipped converged sweeps). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chosenGridModel } from '../../../../../src/article/sections/curve/view';
import { curveData } from '../../../../../src/article/shipped/curve-models';
import { analyseFile } from '../../../../../src/article/shipped/shipped-models';
import { parseWeightsFile } from '../../../../../src/model/weights-file';

const curve = curveData(
  [0, 1, 2].map((seed) => ({
    seed,
    file: analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/weights/sweep-converged-seed${seed}.json`, 'utf8')) as unknown)),
  })),
);

describe('the curve section’s stack plot', () => {
  it('follows the live slider to the nearest grid density while nothing is chosen, its median seed drawn', () => {
    const chosen = chosenGridModel(curve, null, 0.02)!;
    expect(chosen.level.density).toBe(0.03);
    expect(chosen.seed).toBe(chosen.level.medianSeed);
    expect(chosen.why).toBe('the grid density nearest the live slider (1 − S = 0.02)');
  });

  it('draws the density chosen on the curve, whatever the slider says', () => {
    const chosen = chosenGridModel(curve, 0.001, 0.02)!;
    expect(chosen.level.density).toBe(0.001);
    expect(chosen.why).toBe('the density chosen on the curve');
    expect(chosenGridModel(curve, 0.001, 0.5)!.plot).toBe(chosen.plot);
  });
});
