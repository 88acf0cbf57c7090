import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseModel } from '../../../src/model/analysis';
import { importances } from '../../../src/model/config';
import { parseWeightsFile } from '../../../src/model/weights-file';
import { unpackInstance } from '../../../src/training/run-frame';
import { snapshotOf } from '../../../src/training/snapshot';

const sweep = parseWeightsFile(JSON.parse(readFileSync(new URL('../../../public/weights/sweep.json', import.meta.url), 'utf8')));
const weights = sweep.instances.slice(0, 3);
const config = { ...sweep.config, densities: weights.map((w) => w.density) };

describe('a weight snapshot made in the worker', () => {
  it('carries the run frame (step, losses, per instance the density and packed weights) and the analyses as the page would compute them', () => {
    const snapshot = snapshotOf(config, 100, weights, [0.1, 0.2, 0.3]);
    expect(snapshot.frame.step).toBe(100);
    expect(snapshot.frame.losses).toEqual([0.1, 0.2, 0.3]);
    expect(snapshot.frame.instances.map((i) => i.density)).toEqual(config.densities);
    expect(snapshot.frame.instances.every((i) => i.W1 instanceof Float32Array)).toBe(true);
    // The engine trains in float32: the packed weights are the given ones rounded to float32.
    const float32 = (rows: readonly (readonly number[])[]) => rows.map((row) => row.map(Math.fround));
    snapshot.frame.instances.map(unpackInstance).forEach((unpacked, k) => {
      expect(unpacked.W1).toEqual(float32(weights[k]!.W1));
      expect(unpacked.W2).toEqual(float32(weights[k]!.W2));
      expect(unpacked.b).toEqual(weights[k]!.b.map(Math.fround));
    });
    expect(snapshot.analyses).toEqual(weights.map((w) => analyseModel(w, importances(config))));
  });

  it('has no losses for weights read without a loss (the initialisation): NaN', () => {
    expect(snapshotOf(config, 0, weights).frame.losses.every(Number.isNaN)).toBe(true);
  });

  it('survives the structured clone that carries it to the page', () => {
    const snapshot = snapshotOf(config, 1, weights);
    expect(structuredClone(snapshot)).toEqual(snapshot);
  });

  it('refuses weights for a different number of instances', () => {
    expect(() => snapshotOf(config, 1, weights.slice(0, 2))).toThrow(/needs 3 instances' weights, got 2/);
  });
});
