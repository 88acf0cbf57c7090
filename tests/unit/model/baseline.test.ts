import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, equivalentPairs, noSuperpositionLoss, pairsBaselineLoss } from '../../../src/model/baseline';
import { importances, PAPER_DENSITIES } from '../../../src/model/config';
import { parseWeightsFile } from '../../../src/model/weights-file';

const importance = importances({ n: 100, importanceDecay: 0.8 });

describe('the no-superposition baseline', () => {
  it('is the clean 20×2 solution for 40 neurons, at SPEC §6’s reference values', () => {
    const spec = [4.8e-3, 4.5e-3, 1.8e-3, 5.6e-4, 1.9e-4, 5.8e-5, 1.9e-5];
    PAPER_DENSITIES.forEach((d, k) => {
      expect(noSuperpositionLoss(d, importance, 40) / spec[k]!).toBeCloseTo(1, 1);
    });
  });

  it('falls with every feature given its own pair, from the best-constant model to 0 with all of them', () => {
    const losses = Array.from({ length: 101 }, (_, k) => pairsBaselineLoss(0.01, importance, k));
    for (let k = 1; k < losses.length; k++) expect(losses[k]!).toBeLessThan(losses[k - 1]!);
    expect(losses[100]).toBe(0);
    expect(losses[0]).toBeCloseTo((0.01 / 3 - 0.01 ** 2 / 4) * 5, 2);
  });

  it('inverts: the pairs a model of a given loss would need, fractional between whole counts', () => {
    const d = 0.03;
    expect(equivalentPairs(pairsBaselineLoss(d, importance, 20), d, importance)).toBeCloseTo(20, 10);
    const between = (pairsBaselineLoss(d, importance, 24) + pairsBaselineLoss(d, importance, 25)) / 2;
    expect(equivalentPairs(between, d, importance)).toBeCloseTo(24.5, 10);
    expect(equivalentPairs(1, d, importance)).toBe(0);
  });

  it('rejects a bad density or k', () => {
    expect(() => pairsBaselineLoss(0, importance, 3)).toThrow(/density/);
    expect(() => pairsBaselineLoss(0.1, importance, -1)).toThrow(/k must/);
  });

  it('on the converged sweep: every seed beats it at 0.01, 0.003 and 0.001, none at 1 and 0.3', () => {
    const files = [0, 1, 2].map((s) =>
      parseWeightsFile(JSON.parse(readFileSync(`public/weights/sweep-converged-seed${s}.json`, 'utf8')) as unknown),
    );
    const at = (d: number) =>
      compareWithBaseline(
        d,
        files.map((f) => f.instances.find((i) => i.density === d)!.evaluation!.loss),
        importance,
        40,
      );
    for (const d of [0.01, 0.003, 0.001]) expect(at(d).beating).toBe(3);
    for (const d of [1, 0.3]) expect(at(d).beating).toBe(0);
    // 0.001: 24–27 features’ worth of own pairs from 40 neurons, where only 20 fit without sharing.
    for (const k of at(0.001).pairs) expect(k).toBeGreaterThan(22);
  });
});
