/** The computation section's model and input: what the reader chose, resolved against the shipped files. */
import { describe, expect, it } from 'vitest';
import {
  awaitedFile,
  type ComputationSources,
  computationView,
  hiddenScale,
  loadingSentence,
  steadyHiddenMax,
} from '../../../../../src/article/sections/computation/view';
import { analyseFile, type ShippedFile, type ShippedModels } from '../../../../../src/article/shipped/shipped-models';
import { instanceFile } from '../../../../../src/model/instance-file';
import { computeForward } from '../../../../../src/model/analysis/computation';
import { motif, seeds } from '../../fixtures';

const shippedModels: ShippedModels = { converged: seeds.map((sweep, seed) => ({ seed, sweep })), motif };
/** Every file loaded. */
const models: ComputationSources = { models: shippedModels, firstView: null, firstViewSettled: true, motif, motifSettled: true };
/** The first view's file: seed 0's 1 − S = 0.01 instance alone. */
const firstView: ShippedFile = analyseFile(instanceFile(seeds[0]!.file, 0.01, { file: 'seed0', sha256: '' }));
/** Only the first wave: the first view's file and the motif model, the converged seeds not asked for yet. */
const early: ComputationSources = { models: undefined, firstView, firstViewSettled: true, motif, motifSettled: true };
const nothingYet: ComputationSources = { models: undefined, firstView: null, firstViewSettled: false, motif: null, motifSettled: false };

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
    expect(computationView(nothingYet, null, undefined, undefined)).toBeNull();
    expect(awaitedFile(nothingYet, null)).toBe('first-view');
  });
});

describe('the computation section before the converged sweep has loaded', () => {
  it('draws the default model from the first view’s file, the same weights the converged file holds', () => {
    const view = computationView(early, null, undefined, undefined)!;
    expect(view).toMatchObject({ key: 'converged:0.01:0', budget: 'converged', seed: 0, density: 0.01, notes: [] });
    expect(view.weights).toStrictEqual(seeds[0]!.models.find((m) => m.density === 0.01)!.weights);
    expect(view.order).toEqual(computationView(models, null, undefined, undefined)!.order);
    expect(view.choices.map((c) => c.key)).toEqual(['converged:0.01:0', 'motif']);
    expect(awaitedFile(early, null)).toBeNull();
    expect(computationView(early, null, { kind: 'converged', density: 0.01, seed: 0 }, undefined)?.key).toBe('converged:0.01:0');
  });

  it('draws nothing for another converged model until the converged files are there, and asks for them', () => {
    const other = { kind: 'converged', density: 0.1, seed: 1 } as const;
    expect(computationView(early, null, other, undefined)).toBeNull();
    expect(awaitedFile(early, null, other)).toBe('converged');
    expect(loadingSentence(other, 'converged')).toBe('Loading the converged model at 1 − S = 0.1, seed 1…');
    expect(computationView(models, null, other, undefined)?.key).toBe('converged:0.1:1');
  });

  it('waits for the motif model while it loads, and draws it as soon as it is there', () => {
    const motifLoading = { ...early, motif: null, motifSettled: false };
    expect(computationView(motifLoading, null, { kind: 'motif' }, undefined)).toBeNull();
    expect(awaitedFile(motifLoading, null, { kind: 'motif' })).toBe('motif');
    expect(computationView(early, null, { kind: 'motif' }, undefined)?.budget).toBe('motif');
  });

  it('when the first view’s file failed, waits for the converged files instead', () => {
    const failed = { ...early, firstView: null };
    expect(computationView(failed, null, undefined, undefined)).toBeNull();
    expect(awaitedFile(failed, null)).toBe('converged');
  });

  it('keeps the default model from its own file when its seed’s converged file failed', () => {
    const seed0Failed: ComputationSources = { ...early, models: { converged: shippedModels.converged.slice(1), motif } };
    const view = computationView(seed0Failed, null, undefined, undefined)!;
    expect(view).toMatchObject({ key: 'converged:0.01:0', seed: 0, notes: [] });
    expect(view.weights).toBe(firstView.models[0]!.weights);
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
