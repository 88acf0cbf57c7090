/** The computation section's model and input: what the reader chose, resolved against the shipped files. */
import { describe, expect, it } from 'vitest';
import { computationView, hiddenScale, steadyHiddenMax } from '../../../../../src/article/sections/computation/view';
import type { ShippedModels } from '../../../../../src/article/shipped/shipped-models';
import { computeForward } from '../../../../../src/model/analysis/computation';
import { motif, seeds } from '../../fixtures';

const models: ShippedModels = { converged: seeds.map((sweep, seed) => ({ seed, sweep })), motif };

describe('the computation section’s model', () => {
  it('defaults to the converged model at 1 − S = 0.01, seed 0, where every neuron is polysemantic', () => {
    const view = computationView(models, null, undefined, undefined)!;
    expect(view).toMatchObject({ key: 'converged:0.01:0', budget: 'converged', seed: 0, density: 0.01, notes: [] });
    const shown = seeds[0]!.models.find((m) => m.density === 0.01)!;
    expect(shown.analysis.counts.polysemantic).toBeGreaterThan(20);
    expect(view.weights).toBe(shown.weights);
    expect(view.input.length).toBeGreaterThan(0);
  });

  it('offers every shipped level and seed, and the motif model; the live model only when there is one', () => {
    const keys = computationView(models, null, undefined, undefined)!.choices.map((c) => c.key);
    expect(keys).toHaveLength(3 * 7 + 1);
    expect(keys).toContain('converged:0.003:2');
    expect(keys).toContain('motif');
    expect(keys).not.toContain('live');
  });

  it('on the motif model, opens with feature a set and offers to remove the inhibition neuron', () => {
    const view = computationView(models, null, { kind: 'motif' }, undefined)!;
    const first = motif.models[0]!.analysis.motifs[0]!;
    expect(view.budget).toBe('motif');
    expect(view.inhibition).toEqual({ neuron: first.inhibitionNeuron, featureA: first.featureA, featureB: first.featureB });
    expect(view.input).toEqual([{ feature: first.featureA, value: 0.9 * first.signA }]);
  });

  it('says what it could not use: a level not shipped, the live model before one exists, features past n', () => {
    const near = computationView(models, null, { kind: 'converged', density: 0.02, seed: 1 }, undefined)!;
    expect(near.key).toBe('converged:0.03:1');
    expect(near.notes[0]).toMatch(/No shipped converged model at 1 − S = 0.02/);
    expect(computationView(models, null, { kind: 'live' }, undefined)!.notes[0]).toMatch(/no live model yet/);
    const dropped = computationView(models, null, { kind: 'motif' }, [
      { feature: 3, value: 0.5 },
      { feature: 42, value: 0.5 },
    ])!;
    expect(dropped.input).toEqual([{ feature: 3, value: 0.5 }]);
    expect(dropped.notes[0]).toMatch(/10 features .*42 dropped/);
  });

  it('is null until a model has loaded', () => {
    expect(computationView(undefined, null, undefined, undefined)).toBeNull();
  });
});

describe('the hidden band’s steady scale', () => {
  it('holds three features at full magnitude on any neuron, and widens only for an input beyond it', () => {
    const weights = seeds[0]!.models.find((m) => m.density === 0.01)!.weights;
    const scale = hiddenScale(weights);
    for (const row of weights.W1) {
      const top = row.map(Math.abs).sort((a, b) => b - a);
      expect(top[0]! + top[1]! + top[2]!).toBeLessThanOrEqual(scale);
    }
    const small = computeForward(weights, [{ feature: 0, value: 1 }]);
    expect(steadyHiddenMax(scale, small)).toBe(scale);
    const dense = computeForward(
      weights,
      weights.W2.map((_, i) => ({ feature: i, value: 1 })),
    );
    expect(steadyHiddenMax(scale, dense)).toBeGreaterThanOrEqual(scale);
  });
});
