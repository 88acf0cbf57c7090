/**
 * What a neuron responds to (activation-statistics.ts), recomputed from the shipped converged
 * sweeps and held against SPEC §7's independent numpy study (10^6 inputs per level).
 *
 * Sample size: 2·10^5 inputs per level and seed (9 runs: 21 s measured on the shared 2-core machine
 * at load 16, i.e. a few seconds of CPU). The medians
 * move by about ±0.03 between input seeds at this size (at 10^6 the same code gives, over the three
 * weight seeds: top share 1.00 at 0.03 and 0.01, 0.96–0.98 at 0.003; rest share 0.31–0.60 and
 * 0.13–0.15; effective features 1.9–3.9 and 7.9–8.8; 47–49% without the floor at 0.003), so the
 * bounds below are SPEC's ranges widened by that much.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureActivationStatistics, type ActivationStatistics } from '../../../../src/model/analysis/activation-statistics';
import type { NetworkWeights } from '../../../../src/model/network';
import { parseWeightsFile } from '../../../../src/model/weights-file';

const SAMPLES = 200_000;
const LEVELS = [0.03, 0.01, 0.003] as const;
const SEEDS = [0, 1, 2] as const;

const measured = new Map<string, ActivationStatistics>();
function stats(seed: number, density: number): ActivationStatistics {
  const key = `${seed} ${density}`;
  let s = measured.get(key);
  if (!s) {
    const file = parseWeightsFile(JSON.parse(readFileSync(`public/weights/sweep-converged-seed${seed}.json`, 'utf8')) as unknown);
    const instance = file.instances.find((i) => i.density === density);
    if (!instance) throw new Error(`no instance at ${density} in seed ${seed}`);
    s = measureActivationStatistics(instance, density, { samples: SAMPLES, seed: 1 });
    measured.set(key, s);
  }
  return s;
}

describe('the paper’s activation claim on the shipped converged sweeps (floor 0.1 × the largest weight)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the top 1% of a polysemantic neuron’s activations belong to its primary feature`, () => {
      for (const density of LEVELS) {
        const { withFloor } = stats(seed, density).summary;
        expect(withFloor.topPrimaryShare, `1 − S = ${density}`).toBeGreaterThanOrEqual(density === 0.003 ? 0.9 : 0.97);
      }
    });

    it(`seed ${seed}: below the top the activations are shared (primary share, effective features)`, () => {
      for (const density of [0.03, 0.01]) {
        const { withFloor } = stats(seed, density).summary;
        expect(withFloor.restPrimaryShare, `1 − S = ${density}`).toBeGreaterThan(0.28);
        expect(withFloor.restPrimaryShare, `1 − S = ${density}`).toBeLessThan(0.65);
        expect(withFloor.restEffectiveFeatures, `1 − S = ${density}`).toBeGreaterThan(1.7);
        expect(withFloor.restEffectiveFeatures, `1 − S = ${density}`).toBeLessThan(4.5);
      }
      const sparse = stats(seed, 0.003).summary.withFloor;
      expect(sparse.restPrimaryShare).toBeGreaterThan(0.1);
      expect(sparse.restPrimaryShare).toBeLessThan(0.18);
      expect(sparse.restEffectiveFeatures).toBeGreaterThan(7);
      expect(sparse.restEffectiveFeatures).toBeLessThan(11);
    });

    it(`seed ${seed}: without the floor, stray small weights take half the top 1% at 1 − S = 0.003`, () => {
      const share = stats(seed, 0.003).summary.withoutFloor.topPrimaryShare;
      expect(share).toBeGreaterThan(0.4);
      expect(share).toBeLessThan(0.55);
    });
  }

  it('seed 0: the primary share rises with the activation, as SPEC §7 measured it bin by bin', () => {
    const spec: Record<number, readonly number[]> = { 0.01: [0.08, 0.24, 0.59, 0.95, 0.95], 0.003: [0.04, 0.1, 0.21, 0.59, 0.62] };
    for (const density of [0.01, 0.003]) {
      const bins = stats(0, density)
        .summary.binShares.slice(1)
        .map((b) => b.primaryShare);
      bins.forEach((share, k) => {
        expect(Math.abs(share - spec[density]![k]!), `1 − S = ${density}, bin ${k}`).toBeLessThan(0.05);
      });
    }
  });
});

describe('measureActivationStatistics', () => {
  // Neuron 0 reads feature 0 strongly and feature 1 at a quarter; neuron 1 reads feature 1 only.
  const weights: NetworkWeights = {
    W1: [
      [1, 0.25, 0],
      [0, 1, 0],
    ],
    W2: [
      [1, 0],
      [0, 1],
      [0, 0],
    ],
    b: [0, 0, 0],
  };

  it('is a function of its seed', () => {
    const a = measureActivationStatistics(weights, 0.3, { samples: 5000, seed: 3 });
    expect(measureActivationStatistics(weights, 0.3, { samples: 5000, seed: 3 })).toEqual(a);
    expect(measureActivationStatistics(weights, 0.3, { samples: 5000, seed: 4 }).neurons[0]!.fired).not.toBe(a.neurons[0]!.fired);
  });

  it('attributes each activation to the feature with the largest term, and keeps the largest inputs', () => {
    const s = measureActivationStatistics(weights, 0.5, { samples: 20_000, topInputs: 4 });
    const neuron = s.neurons[0]!;
    // Every activation ≥ 0.25 + ε needs x_0 > 0 with the largest term, so the top is all feature 0.
    expect(neuron.withFloor.topPrimaryShare).toBe(1);
    expect(neuron.topInputs).toHaveLength(4);
    for (const top of neuron.topInputs) {
      const sum = top.input.reduce((z, e) => z + (weights.W1[0]![e.feature] ?? 0) * e.value, 0);
      expect(top.activation).toBeCloseTo(sum, 12);
      expect(top.dominant).toBe(0);
    }
    expect(neuron.topInputs.map((t) => t.activation)).toEqual([...neuron.topInputs.map((t) => t.activation)].sort((p, q) => q - p));
    // The histogram holds every positive activation once.
    expect(neuron.histogram.reduce((sum, b) => sum + b.total, 0)).toBe(neuron.fired);
    expect(neuron.largest).toBeLessThanOrEqual(1.25);
    // Neuron 1 reads one feature: monosemantic, its rest is all feature 1 (one effective feature).
    expect(s.neurons[1]!.kind).toBe('monosemantic');
    expect(s.neurons[1]!.withFloor.restEffectiveFeatures).toBe(1);
  });

  it('rejects a density outside (0, 1] and a non-positive sample count', () => {
    expect(() => measureActivationStatistics(weights, 0)).toThrow(/density 0 is not in \(0, 1\]/);
    expect(() => measureActivationStatistics(weights, 0.5, { samples: 0 })).toThrow(/samples 0/);
  });
});
