import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importances } from '../../../src/model/config';
import { curveLevels, failureReasons } from '../../../src/model/curve';
import { referenceLosses } from '../../../src/model/evaluation';
import { DEAD_OUTPUT_EXCESS, deadOutputExcess, deadOutputs, lossOutliers, runFailure } from '../../../src/model/failed-runs';
import type { NetworkWeights } from '../../../src/model/network';
import { curveSampleOf as sample } from './curve-sample';

describe('dead outputs: 0 with no feature and with any one feature active on either side', () => {
  // 2 neurons, 3 features. Output 0 is lifted by feature 0 (+ side); output 1 has b ≤ 0 and only
  // negative output weights; output 2 has a positive output weight but its neuron reads feature 0
  // too weakly to overcome b = −1; output 3... is not there: 3 outputs.
  const model: NetworkWeights = {
    W1: [
      [1, 0, 0],
      [0, -1, 0.5],
    ],
    W2: [
      [1, 0],
      [-1, -1],
      [0.5, 0.4],
    ],
    b: [0, -0.1, -1],
  };

  it('finds the outputs no input lifts above 0, and not those one side of one feature lifts', () => {
    expect(deadOutputs(model)).toEqual([1, 2]);
    expect(deadOutputs({ ...model, b: [0, -0.1, -0.3] })).toEqual([1]); // b + 0.5·1 > 0 on feature 0
  });

  it('never calls an output with a positive bias dead', () => {
    expect(deadOutputs({ ...model, b: [0.01, 0.01, 0.01] })).toEqual([]);
  });

  it('costs a dead important output its whole E[x²] and an unimportant one only what the clean solution does not pay', () => {
    const importance = importances({ n: 100, importanceDecay: 0.8 });
    const d = 0.01316;
    const { clean } = referenceLosses(d, importance, 40);
    expect(deadOutputExcess([7], d, importance, 40, clean)).toBeCloseTo((0.8 ** 7 * d) / 3 / clean, 12);
    expect(deadOutputExcess([7], d, importance, 40, clean)).toBeGreaterThan(DEAD_OUTPUT_EXCESS);
    expect(deadOutputExcess([60], d, importance, 40, clean)).toBeCloseTo((0.8 ** 60 * d ** 2) / 4 / clean, 12);
    expect(deadOutputExcess([], d, importance, 40, clean)).toBe(0);
  });
});

describe('loss outliers: more than 2× the median of the runs at and beside the density', () => {
  it('flags the one run far above its neighbours and no other', () => {
    const runs = [
      { density: 0.0173, seed: 0, lossOverClean: 1.1 },
      { density: 0.0173, seed: 1, lossOverClean: 1.2 },
      { density: 0.0132, seed: 0, lossOverClean: 4.2 },
      { density: 0.0132, seed: 1, lossOverClean: 0.9 },
      { density: 0.0132, seed: 2, lossOverClean: 0.95 },
      { density: 0.01, seed: 0, lossOverClean: 0.56 },
      { density: 0.01, seed: 1, lossOverClean: 0.52 },
    ];
    expect(lossOutliers(runs)).toEqual([2]);
    expect(lossOutliers([{ density: 1, seed: 0, lossOverClean: 9 }])).toEqual([]);
    expect(lossOutliers([...runs.slice(0, 2), { density: 0.0173, seed: 2, lossOverClean: null }])).toEqual([]);
  });
});

describe('the curve leaves failed runs out of its bands and lists them as outliers', () => {
  const samples = [
    sample(0.0173, 0, { lossOverClean: 1.1 }),
    sample(0.0173, 1, { lossOverClean: 1.2 }),
    sample(0.0173, 2, { lossOverClean: 1.0 }),
    sample(0.0132, 0, { lossOverClean: 4.2, monosemantic: 30, deadOutputs: [7], deadOutputExcess: 3.7 }),
    sample(0.0132, 1, { lossOverClean: 0.9, monosemantic: 8 }),
    sample(0.0132, 2, { lossOverClean: 0.95, monosemantic: 12 }),
    sample(0.01, 0, { lossOverClean: 0.56 }),
    sample(0.01, 1, { lossOverClean: 0.52 }),
  ];

  it('names both reasons for the broken run', () => {
    expect(failureReasons(samples)[3]).toEqual(['dead-output', 'loss-outlier']);
    expect(failureReasons(samples).filter((r) => r.length > 0)).toHaveLength(1);
  });

  it('takes medians over the other seeds only', () => {
    const level = curveLevels(samples).find((l) => l.density === 0.0132)!;
    expect(level.seeds).toEqual([1, 2]);
    expect(level.monosemantic).toEqual({ min: 8, median: 10, max: 12 });
    expect(level.lossOverClean!.max).toBe(0.95);
    expect(level.outliers).toEqual([
      {
        seed: 0,
        reasons: ['dead-output', 'loss-outlier'],
        deadOutputs: [7],
        deadOutputExcess: 3.7,
        monosemantic: 30,
        featuresComputed: 20,
        meanPolysemanticity: 0.3,
        lossOverClean: 4.2,
      },
    ]);
    expect(level.medianSeed).not.toBe(0);
  });

  it('keeps a level whose every run failed, listing them all', () => {
    const level = curveLevels([sample(0.5, 0, { deadOutputExcess: 1 }), sample(0.5, 1, { deadOutputExcess: 1 })])[0]!;
    expect(level.seeds).toEqual([0, 1]);
    expect(level.outliers.map((o) => o.seed)).toEqual([0, 1]);
  });
});

describe('on the shipped replication sweep', () => {
  it('finds the dead important outputs that sink its sparse levels', () => {
    const file = JSON.parse(readFileSync('public/weights/sweep.json', 'utf8')) as { instances: (NetworkWeights & { density: number })[] };
    const at = (d: number) => deadOutputs(file.instances.find((i) => i.density === d)!).filter((i) => i < 20);
    expect(at(0.001)).toContain(0);
    expect(at(1)).toEqual([]);
  });
});

describe('runFailure on the shipped converged sweep', () => {
  it('flags no paper-level model of the converged sweep for a dead output', () => {
    const importance = importances({ n: 100, importanceDecay: 0.8 });
    for (const seed of [0, 1, 2]) {
      const file = JSON.parse(readFileSync(`public/weights/sweep-converged-seed${seed}.json`, 'utf8')) as {
        instances: (NetworkWeights & { density: number })[];
      };
      for (const instance of file.instances) {
        expect(runFailure(instance, instance.density, importance).deadOutputExcess).toBeLessThan(DEAD_OUTPUT_EXCESS);
      }
    }
  });
});
