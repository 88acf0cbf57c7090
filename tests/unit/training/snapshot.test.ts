import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseModel } from '../../../src/model/analysis';
import { importances } from '../../../src/model/config';
import { parseWeightsFile } from '../../../src/model/weights-file';
import { snapshotOf } from '../../../src/training/snapshot';

const sweep = parseWeightsFile(JSON.parse(readFileSync(new URL('../../../public/weights/sweep.json', import.meta.url), 'utf8')));
const weights = sweep.instances.slice(0, 3);
const config = { ...sweep.config, densities: weights.map((w) => w.density) };

describe('a weight snapshot made in the worker', () => {
  it('carries, per instance, the density, the weights and their analysis as the page would compute it', () => {
    const snapshot = snapshotOf(config, 100, weights);
    expect(snapshot.step).toBe(100);
    expect(snapshot.instances.map((i) => i.density)).toEqual(config.densities);
    expect(snapshot.instances.map((i) => i.weights)).toEqual(weights);
    expect(snapshot.instances.map((i) => i.analysis)).toEqual(weights.map((w) => analyseModel(w, importances(config))));
  });

  it('survives the structured clone that carries it to the page', () => {
    const snapshot = snapshotOf(config, 1, weights);
    expect(structuredClone(snapshot)).toEqual(snapshot);
  });

  it('refuses weights for a different number of instances', () => {
    expect(() => snapshotOf(config, 1, weights.slice(0, 2))).toThrow(/needs 3 instances' weights, got 2/);
  });
});
