/**
 * The numbers the neuron-response section quotes (public/weights/activation-statistics.json) are
 * recomputed here from the shipped converged sweeps, with the file's own sample count and input
 * seed, so they must match exactly (measureActivationStatistics is deterministic). Seed 0 at every
 * level and the sparsest level (the caveat) at every seed: 5 of the 9 models, about 30 s on the
 * shared machine; the other 4 are the same code on other weights.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimAt, claimRecord, parseClaimFile } from '../../../../../src/article/sections/neuron-response/claim';
import { measureActivationStatistics } from '../../../../../src/model/analysis/activation-statistics';
import { parseWeightsFile, SHIPPED_CONVERGED_SEEDS } from '../../../../../src/model/weights-file';

const file = parseClaimFile(JSON.parse(readFileSync('public/weights/activation-statistics.json', 'utf8')) as unknown);
const { samples, inputSeed, floorFraction, topFraction } = file.provenance;

describe('activation-statistics.json', () => {
  it('records 10^6 inputs per model, the 0.1 floor and the top 1%, and holds every level and seed', () => {
    expect(samples).toBeGreaterThanOrEqual(1_000_000);
    expect(floorFraction).toBe(0.1);
    expect(topFraction).toBe(0.01);
    for (const seed of SHIPPED_CONVERGED_SEEDS)
      for (const d of [0.03, 0.01, 0.003]) expect(claimAt(file, seed, d), `${seed} ${d}`).toBeDefined();
  });

  it('was made from the shipped weights files (their SHA-256)', () => {
    for (const source of file.provenance.sources) {
      expect(createHash('sha256').update(readFileSync(source.file)).digest('hex'), source.file).toBe(source.sha256);
    }
  });

  const cases: [number, number][] = [[0, 0.03], [0, 0.01], ...SHIPPED_CONVERGED_SEEDS.map((seed): [number, number] => [seed, 0.003])];
  for (const [seed, density] of cases) {
    it(`is recomputed exactly from the shipped weights: seed ${seed}, 1 − S = ${density}`, { timeout: 60_000 }, () => {
      const weights = parseWeightsFile(JSON.parse(readFileSync(`public/weights/sweep-converged-seed${seed}.json`, 'utf8')) as unknown);
      const instance = weights.instances.find((i) => i.density === density);
      if (!instance) throw new Error(`no instance at ${density}`);
      const stats = measureActivationStatistics(instance, density, { samples, seed: inputSeed, floorFraction, topFraction });
      expect(claimAt(file, seed, density)).toEqual(claimRecord(seed, stats));
    });
  }
});
