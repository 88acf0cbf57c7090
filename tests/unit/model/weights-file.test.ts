import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/model/config';
import type { NetworkWeights } from '../../../src/model/network';
import { CONVERGED_RECIPE, levelRecipe, recipeConfig } from '../../../src/model/recipe';
import { instanceConfig, parseWeightsFile, shippedWeightsPath, toWeightsFile, type WeightsFile } from '../../../src/model/weights-file';

const config = makeConfig({ n: 4, m: 2, densities: [0.01, 0.001] });
const weights: NetworkWeights[] = config.densities.map((_, k) => ({
  W1: [
    [0.1 * k, -0.2, 0.3, 0.123456789],
    [0, 1, 0, 0],
  ],
  W2: [
    [1, 0],
    [0, 1],
    [0.5, 0.5],
    [0, 0],
  ],
  b: [0.02, 0, 0, 0.1],
}));
const extras = {
  recipe: 'converged' as const,
  instances: config.densities.map((density) => ({
    recipe: levelRecipe(CONVERGED_RECIPE, density),
    evaluation: { loss: 1.23456789e-4, standardError: 1.23456e-6, examples: 1_000_000 },
    trainingSeconds: 12.345,
  })),
};
const roundTrip = (file: WeightsFile): WeightsFile => parseWeightsFile(JSON.parse(JSON.stringify(file)) as unknown);

describe('the weights file', () => {
  it('round-trips the per-instance recipe, evaluation and training time, rounded', () => {
    const file = roundTrip(toWeightsFile(config, weights, [1e-4, 2e-5], undefined, extras));
    expect(file.recipe).toBe('converged');
    expect(file.instances[0]!.W1[0]![3]).toBe(0.123457);
    expect(file.instances[1]!.recipe).toEqual(levelRecipe(CONVERGED_RECIPE, 0.001));
    expect(file.instances[1]!.evaluation).toEqual({ loss: 1.23457e-4, standardError: 1.23e-6, examples: 1_000_000 });
    expect(file.instances[1]!.trainingSeconds).toBe(12.3);
  });

  it('round-trips the other recipes tried at a density, with their evaluation, and rejects one for another density', () => {
    const alternative = {
      recipe: { ...levelRecipe(CONVERGED_RECIPE, 0.003), density: 0.001 },
      evaluation: { loss: 2.3456789e-4, standardError: 1e-6, examples: 1_000_000 },
      trainingSeconds: 7.77,
    };
    const withAlternative = {
      ...extras,
      instances: extras.instances.map((instance, k) => (k === 1 ? { ...instance, alternatives: [alternative] } : instance)),
    };
    const file = roundTrip(toWeightsFile(config, weights, [1, 1], undefined, withAlternative));
    expect(file.instances[0]!.alternatives).toBeUndefined();
    expect(file.instances[1]!.alternatives).toEqual([
      { ...alternative, evaluation: { ...alternative.evaluation, loss: 2.34568e-4 }, trainingSeconds: 7.8 },
    ]);
    const json = JSON.parse(JSON.stringify(file)) as { instances: { alternatives?: unknown[] }[] };
    json.instances[1]!.alternatives = [{ ...alternative, recipe: levelRecipe(CONVERGED_RECIPE, 0.003) }];
    expect(() => parseWeightsFile(json)).toThrow('instance 1 alternative 0: recipe is for another density');
    json.instances[1]!.alternatives = [{ recipe: alternative.recipe }];
    expect(() => parseWeightsFile(json)).toThrow('instance 1 alternative 0: evaluation must be an object');
    json.instances[1]!.alternatives = 'none' as unknown as unknown[];
    expect(() => parseWeightsFile(json)).toThrow('alternatives must be an array');
  });

  it('leaves the new fields out when a run has none (the shape of files from before recipes)', () => {
    const file = toWeightsFile(config, weights, [1e-4, 2e-5]);
    expect(Object.keys(file)).toEqual(['config', 'instances']);
    expect(Object.keys(file.instances[0]!)).toEqual(['density', 'W1', 'W2', 'b', 'loss']);
  });

  it('rejects a bad recipe name, recipe, evaluation or training time, naming it', () => {
    const good = JSON.parse(JSON.stringify(toWeightsFile(config, weights, [1, 1], undefined, extras))) as Record<string, unknown> & {
      instances: Record<string, unknown>[];
    };
    const broken = (change: (file: typeof good) => void): unknown => {
      const copy = structuredClone(good);
      change(copy);
      return copy;
    };
    expect(() => parseWeightsFile(broken((f) => (f.recipe = 'fast')))).toThrow('unknown recipe name');
    expect(() => parseWeightsFile(broken((f) => (f.instances[0]!.recipe = { ...extras.instances[0]!.recipe, batch: -1 })))).toThrow(
      'instance 0 recipe batch must be a positive integer',
    );
    expect(() => parseWeightsFile(broken((f) => (f.instances[0]!.recipe = extras.instances[1]!.recipe)))).toThrow('another density');
    expect(() => parseWeightsFile(broken((f) => (f.instances[1]!.evaluation = { loss: 'low', standardError: 0, examples: 1 })))).toThrow(
      'instance 1 evaluation loss',
    );
    expect(() => parseWeightsFile(broken((f) => (f.instances[1]!.trainingSeconds = -3)))).toThrow('trainingSeconds');
  });

  it('gives the configuration that trains one instance alone', () => {
    const file = toWeightsFile(config, weights, [1, 1], undefined, extras);
    expect(instanceConfig(file, 1)).toEqual(recipeConfig(levelRecipe(CONVERGED_RECIPE, 0.001), config));
    const plain = toWeightsFile(config, weights, [1, 1]);
    expect(instanceConfig(plain, 1)).toEqual(makeConfig({ ...config, densities: [0.001] }));
  });

  it('names the shipped files', () => {
    expect(shippedWeightsPath('replication', 0)).toBe('weights/sweep.json');
    expect(shippedWeightsPath('converged', 2)).toBe('weights/sweep-converged-seed2.json');
  });

  it('still reads the shipped replication sweep', () => {
    const shipped = parseWeightsFile(JSON.parse(readFileSync('public/weights/sweep.json', 'utf8')) as unknown);
    expect(shipped.instances).toHaveLength(7);
    expect(instanceConfig(shipped, 0)).toEqual(makeConfig({ ...shipped.config, densities: [1] }));
  });
});
