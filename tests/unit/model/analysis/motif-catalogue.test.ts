import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CatalogueModel, motifCatalogue, summariseCatalogue } from '../../../../src/model/analysis';
import { parseWeightsFile } from '../../../../src/model/weights-file';

const models = (source: string, path: string): CatalogueModel[] => {
  const file = parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  return file.instances.map((weights) => ({ source, seed: file.config.seed, density: weights.density, weights }));
};
const converged = [0, 1, 2].flatMap((seed) => models('converged sweep', `public/weights/sweep-converged-seed${seed}.json`));
const replication = models('replication sweep', 'public/weights/sweep.json');

/** "seed@density: count" for every model with at least one instance. */
const where = (entries: ReturnType<typeof motifCatalogue>): string[] =>
  entries.filter((e) => e.instances.length > 0).map((e) => `${e.seed}@${e.density}: ${e.instances.length}`);

describe('the motif catalogue of the shipped 100-feature, 40-neuron models', () => {
  it('finds the 16 instances of the converged sweep (SPEC §7): mostly at 1 − S = 0.01', () => {
    const catalogue = motifCatalogue(converged);
    expect(where(catalogue)).toEqual(['0@0.1: 1', '0@0.01: 3', '1@0.01: 4', '2@0.03: 1', '2@0.01: 7']);
    expect(summariseCatalogue(catalogue)).toEqual([{ source: 'converged sweep', models: 21, modelsWithMotif: 5, instances: 16 }]);
  });

  it('finds one instance in the replication sweep', () => {
    expect(summariseCatalogue(motifCatalogue(replication))[0]!.instances).toBe(1);
  });

  it('lists, per instance, what the close-up draws: the two neurons and features and the response with and without inhibition', () => {
    const instance = motifCatalogue(converged).find((e) => e.instances.length > 0)!.instances[0]!;
    expect(instance.asymmetricNeuron).not.toBe(instance.inhibitionNeuron);
    expect(instance.featureA).not.toBe(instance.featureB);
    expect(instance.outputBWithoutInhibition).toBeGreaterThan(instance.outputB);
  });

  it('keeps sources apart in the summary, in the order given', () => {
    const summary = summariseCatalogue(motifCatalogue([...replication, ...converged]));
    expect(summary.map((s) => s.source)).toEqual(['replication sweep', 'converged sweep']);
  });
});
