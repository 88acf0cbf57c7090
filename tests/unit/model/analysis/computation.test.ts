/**
 * The computation figure's numbers (computation.ts) are the model's forward pass: on the shipped
 * converged sweeps and the motif model, every activation and output equals network.ts's float64
 * forward pass to 1e-12, with and without a silenced neuron; a random input is never empty.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeForward, type InputEntry, randomInput } from '../../../../src/model/analysis/computation';
import { findMotifs } from '../../../../src/model/analysis/motif';
import { silenceNeuron } from '../../../../src/model/analysis/response';
import { forward, type NetworkWeights } from '../../../../src/model/network';
import { createRng } from '../../../../src/model/random';
import { parseWeightsFile, type WeightsFile } from '../../../../src/model/weights-file';

const load = (name: string): WeightsFile => parseWeightsFile(JSON.parse(readFileSync(`public/weights/${name}.json`, 'utf8')) as unknown);

/** `count` random inputs with 1–6 active features, values uniform on [−1, 1]. */
function randomInputs(n: number, count: number, seed: number): InputEntry[][] {
  const rng = createRng(seed, 7);
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(rng.next() * 6) }, () => ({ feature: Math.floor(rng.next() * n), value: 2 * rng.next() - 1 })),
  );
}

function dense(input: readonly InputEntry[], n: number): Float64Array {
  const x = new Float64Array(n);
  for (const { feature, value } of input) x[feature] = value;
  return x;
}

function expectMatchesForward(weights: NetworkWeights, input: readonly InputEntry[], silenced?: number): void {
  const n = weights.W2.length;
  const reference = forward(silenced === undefined ? weights : silenceNeuron(weights, silenced), dense(input, n));
  const computed = computeForward(weights, input, silenced);
  computed.neurons.forEach((neuron, j) => {
    expect(Math.abs(neuron.activation - reference.hidden[j]!)).toBeLessThanOrEqual(1e-12);
    const sum = neuron.contributions.reduce((s, c) => s + c.value, neuron.bias);
    expect(Math.abs(sum - neuron.preActivation)).toBeLessThanOrEqual(1e-12);
  });
  computed.outputs.forEach((out, i) => {
    expect(Math.abs(out.output - reference.output[i]!)).toBeLessThanOrEqual(1e-12);
    expect(out.target).toBe(Math.abs(dense(input, n)[i]!));
  });
}

describe('computeForward on the shipped models', () => {
  for (const seed of [0, 1, 2]) {
    const file = load(`sweep-converged-seed${seed}`);
    for (const instance of file.instances) {
      it(`equals the float64 forward pass: converged seed ${seed}, 1 − S = ${instance.density}`, () => {
        for (const input of randomInputs(instance.W2.length, 8, seed * 31 + instance.density * 1000)) expectMatchesForward(instance, input);
        expectMatchesForward(instance, []);
      });
    }
  }

  it('equals the forward pass of the motif model with and without its inhibition neuron', () => {
    const motif = load('motif').instances[0]!;
    const [found] = findMotifs(motif);
    expect(found).toBeDefined();
    const k = found!.inhibitionNeuron;
    for (const input of randomInputs(motif.W2.length, 12, 5)) {
      expectMatchesForward(motif, input);
      expectMatchesForward(motif, input, k);
    }
  });

  it('shows the motif: feature a alone interferes with b only once the inhibition neuron is removed', () => {
    const motif = load('motif').instances[0]!;
    const m = findMotifs(motif)[0]!;
    const input = [{ feature: m.featureA, value: m.signA }];
    const withIt = computeForward(motif, input).outputs[m.featureB]!;
    const without = computeForward(motif, input, m.inhibitionNeuron).outputs[m.featureB]!;
    expect(withIt.output).toBeCloseTo(m.outputB, 12);
    expect(without.output).toBeCloseTo(m.outputBWithoutInhibition, 12);
    expect(without.miss).toBe('spurious');
    expect(without.error).toBeGreaterThan(withIt.error + 0.5);
  });
});

describe('computeForward bookkeeping', () => {
  const weights: NetworkWeights = {
    W1: [
      [1, -2],
      [0.5, 1],
    ],
    W2: [
      [1, 0],
      [0, 1],
    ],
    b: [0, 0.1],
  };

  it('merges a repeated feature (the last value wins) and sorts the input', () => {
    const c = computeForward(weights, [
      { feature: 1, value: 0.3 },
      { feature: 0, value: 0.5 },
      { feature: 1, value: -0.5 },
    ]);
    expect(c.input).toEqual([
      { feature: 0, value: 0.5 },
      { feature: 1, value: -0.5 },
    ]);
    expect(c.neurons[0]!.contributions).toEqual([
      { feature: 0, value: 0.5 },
      { feature: 1, value: 1 },
    ]);
    expect(c.neurons[0]!.activation).toBe(1.5);
    expect(c.neurons[1]!.preActivation).toBe(-0.25);
    expect(c.neurons[1]!.activation).toBe(0);
  });

  it('classifies how each output misses its target', () => {
    const c = computeForward(weights, [{ feature: 0, value: 0.5 }]);
    // Neuron 0: 0.5, neuron 1: 0.25 → output 0 = 0.5 (exact), output 1 = 0.25 + 0.1 (spurious).
    expect(c.outputs.map((o) => o.miss)).toEqual(['exact', 'spurious']);
    expect(c.outputs[1]!.error).toBeCloseTo(0.35, 12);
    expect(c.outputs[1]!.atRest).toBeCloseTo(0.1, 12);
    const short = computeForward(weights, [
      { feature: 0, value: 0.5 },
      { feature: 1, value: 0.5 },
    ]);
    expect(short.outputs[0]!.miss).toBe('short');
  });

  it('rejects a feature outside [0, n), a non-finite value and a silenced neuron outside [0, m)', () => {
    expect(() => computeForward(weights, [{ feature: 2, value: 1 }])).toThrow(/feature 2 is not an integer in \[0, 2\)/);
    expect(() => computeForward(weights, [{ feature: 0, value: Number.NaN }])).toThrow(/not a finite number/);
    expect(() => computeForward(weights, [], 5)).toThrow(/silenced neuron 5/);
  });
});

describe('a random input at the model’s density', () => {
  it('is never empty, and otherwise draws as the training data does', () => {
    const rng = createRng(7, 1);
    let features = 0;
    for (let k = 0; k < 2000; k++) {
      const input = randomInput(rng, 100, 0.01);
      expect(input.length).toBeGreaterThan(0);
      for (const { feature, value } of input) {
        expect(feature).toBeGreaterThanOrEqual(0);
        expect(feature).toBeLessThan(100);
        expect(Math.abs(value)).toBeLessThanOrEqual(1);
      }
      features += input.length;
    }
    // Poisson(1) conditioned on ≥ 1 has mean 1 / (1 − e^−1) ≈ 1.58.
    expect(features / 2000).toBeGreaterThan(1.45);
    expect(features / 2000).toBeLessThan(1.72);
  });

  it('sets one feature when the density gives only empty draws', () => {
    const input = randomInput(createRng(1, 1), 10, 0);
    expect(input).toHaveLength(1);
    expect(input[0]!.feature).toBeLessThan(10);
  });
});
