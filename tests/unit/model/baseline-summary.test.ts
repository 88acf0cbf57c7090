/**
 * The trained models against the no-superposition baseline, recomputed from the shipped files:
 * the converged sweep per paper level and the curve grid's stretches below it (the curve section's
 * statement, issue 25). Pinned as measured.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baselineLevels, beatingStretches } from '../../../src/model/baseline-summary';
import { importances } from '../../../src/model/config';
import type { CurveLevel } from '../../../src/model/curve';
import { parseWeightsFile } from '../../../src/model/weights-file';

const read = (path: string) => parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown);
const importance = importances({ n: 100, importanceDecay: 0.8 });

describe('the trained models against the no-superposition baseline', () => {
  const runsOf = (name: string) =>
    [0, 1, 2].flatMap((seed) =>
      read(`public/weights/${name}-seed${seed}.json`).instances.map((i) => ({ density: i.density, seed, evalLoss: i.evaluation!.loss })),
    );

  it('converged sweep: every seed beats it at 0.1, 0.01, 0.003 and 0.001, none at 1, 0.3 and 0.03', () => {
    const levels = baselineLevels(runsOf('sweep-converged'), importance, 40);
    expect(levels.map((l) => l.density)).toEqual([1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001]);
    expect(levels.filter((l) => l.beating === 3).map((l) => l.density)).toEqual([0.1, 0.01, 0.003, 0.001]);
    expect(levels.filter((l) => l.beating === 0).map((l) => l.density)).toEqual([1, 0.3, 0.03]);
    const sparsest = levels[6]!;
    expect(sparsest.ratio.min).toBeCloseTo(0.305, 2);
    expect(sparsest.ratio.max).toBeCloseTo(0.396, 2);
    // 24–25 features' worth of own pairs from 40 neurons, where 20 fit without sharing
    expect(sparsest.pairs.min).toBeGreaterThan(24);
    expect(sparsest.pairs.max).toBeLessThan(25.5);
  });

  it('curve grid: every seed is below it from 0.1 to 0.074 and from 0.00405 to 0.001', () => {
    const levels = baselineLevels(runsOf('curve-converged'), importance, 40);
    const asCurve = levels.map((l) => ({ density: l.density, lossOverClean: l.ratio }) as unknown as CurveLevel);
    expect(beatingStretches(asCurve)).toEqual([
      { from: 0.1, to: 0.07401, levels: 2 },
      { from: 0.004054, to: 0.001, levels: 6 },
    ]);
  });

  it('ends a stretch at a level above it or without an eval loss', () => {
    const level = (density: number, max: number | null) =>
      ({ density, lossOverClean: max === null ? null : { min: 0, median: 0, max } }) as unknown as CurveLevel;
    expect(beatingStretches([level(1, 0.9), level(0.5, null), level(0.3, 0.8), level(0.2, 0.7), level(0.1, 1)])).toEqual([
      { from: 1, to: 1, levels: 1 },
      { from: 0.3, to: 0.2, levels: 2 },
    ]);
  });
});
