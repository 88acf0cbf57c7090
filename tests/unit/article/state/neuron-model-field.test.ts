import { describe, expect, it } from 'vitest';
import { CLAIM_LEVELS } from '../../../../src/article/sections/neuron-response/claim';
import {
  DEFAULT_NEURON_MODEL,
  formatNeuronModel,
  NEURON_MODEL_LEVELS,
  neuronChoice,
  offeredNeuronModel,
  parseNeuronModel,
} from '../../../../src/article/state/neuron-model-field';
import { DEFAULT_STATE, formatState, parseState } from '../../../../src/article/state/url-state';
import { SHIPPED_CONVERGED_SEEDS } from '../../../../src/model/weights-file';

describe('the neuron-model field', () => {
  it('offers the levels the claim is quoted at, and every shipped converged seed', () => {
    expect(NEURON_MODEL_LEVELS).toEqual(CLAIM_LEVELS);
    expect(SHIPPED_CONVERGED_SEEDS).toEqual([0, 1, 2]);
  });

  it('round-trips every model the section measures through the link, and leaves the default out', () => {
    for (const density of NEURON_MODEL_LEVELS) {
      for (const seed of SHIPPED_CONVERGED_SEEDS) {
        const model = { density, seed };
        const isDefault = density === DEFAULT_NEURON_MODEL.density && seed === DEFAULT_NEURON_MODEL.seed;
        const query = formatState({
          ...DEFAULT_STATE,
          section: 'neuron-response',
          neuron: 7,
          ...(isDefault ? {} : { neuronModel: model }),
        });
        expect(new URLSearchParams(query).get('neuron-model')).toBe(isDefault ? null : `converged:${density}:${seed}`);
        const back = parseState(query);
        expect(back.notices).toEqual([]);
        expect(back.state.neuronModel).toEqual(isDefault ? undefined : model);
        expect(back.state.neuron).toBe(7);
      }
    }
  });

  it('writes the canonical spelling, and reads the default spelled out as no value, silently', () => {
    expect(formatNeuronModel({ density: 0.003, seed: 1 })).toBe('converged:0.003:1');
    expect(parseNeuronModel('converged:0.01:0')).toEqual({ value: undefined });
    expect(parseNeuronModel('converged:3e-3:2')).toEqual({ value: { density: 0.003, seed: 2 } });
  });

  it('takes the nearest level for a density it does not measure, and seed 0 for an unshipped seed, naming each', () => {
    const near = parseNeuronModel('converged:0.004:1');
    expect(near.value).toEqual({ density: 0.003, seed: 1 });
    expect(near.notice).toMatch(/^Neuron model "converged:0\.004:1": using 1 − S = 0\.003, the nearest level/);
    expect(parseNeuronModel('converged:1:2').value).toEqual({ density: 0.03, seed: 2 });
    const seed = parseNeuronModel('converged:0.03:9');
    expect(seed.value).toEqual({ density: 0.03, seed: 0 });
    expect(seed.notice).toMatch(/seed 0 \(it has seeds 0, 1, 2\)/);
    // Clamped onto the default: no value, still a notice.
    expect(parseNeuronModel('converged:0.011:7')).toMatchObject({
      value: undefined,
      notice: expect.stringMatching(/nearest level.*seed 0/),
    });
  });

  it('gives the default and a notice for hostile values, never throwing, never echoing markup or control characters', () => {
    for (const raw of [
      '',
      'motif',
      'live',
      'converged',
      'converged:0:0',
      'converged:-0.01:0',
      'converged:2:0',
      'converged:NaN:0',
      'converged:0.01:0x1',
      'converged:0.01:1:2',
      'converged:Infinity:0',
      'converged:0.01:',
      '<b>x</b>',
      '\u0000converged:0.01:1',
      'x'.repeat(5000),
    ]) {
      const parsed = parseNeuronModel(raw);
      expect(parsed.value).toBeUndefined();
      expect(parsed.notice).toMatch(
        /^Neuron model ".*" is not converged:<1 − S>:<seed>; showing the converged model at 1 − S = 0\.01, seed 0\.$/s,
      );
      expect(parsed.notice!.length).toBeLessThan(200);
      expect([...parsed.notice!].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
    }
    const linked = parseState('?section=neuron-response&neuron-model=%3Cscript%3E');
    expect(linked.state.neuronModel).toBeUndefined();
    expect(linked.notices).toHaveLength(1);
  });
});

describe('choosing a neuron in a figure', () => {
  const current = { density: 0.03, seed: 2 };

  it('shows the clicked neuron in the clicked model when the section measures it', () => {
    expect(offeredNeuronModel({ budget: 'converged', seed: 1, density: 0.003 })).toEqual({ density: 0.003, seed: 1 });
    expect(neuronChoice(12, { budget: 'converged', seed: 1, density: 0.003 }, current)).toEqual({
      neuron: 12,
      neuronModel: { density: 0.003, seed: 1 },
      neuronSource: { budget: 'converged', seed: 1, density: 0.003 },
    });
    // The default model is stored as no value, so that the link leaves it out.
    expect(neuronChoice(3, { budget: 'converged', seed: 0, density: 0.01 }, current).neuronModel).toBeUndefined();
  });

  it('keeps the section’s model for a model it does not measure, recording where the neuron was clicked', () => {
    for (const source of [
      { budget: 'live' },
      { budget: 'motif', seed: 3, density: 0.25 },
      { budget: 'grid', seed: 4, density: 0.01 },
      { budget: 'converged', seed: 0, density: 0.1 },
      { budget: 'converged', seed: 5, density: 0.01 },
      { budget: 'replication', seed: 0, density: 0.01 },
      { budget: 'converged' },
    ]) {
      expect(offeredNeuronModel(source)).toBeNull();
      expect(neuronChoice(9, source, current)).toEqual({ neuron: 9, neuronModel: current, neuronSource: source });
      expect(neuronChoice(9, source, undefined).neuronModel).toBeUndefined();
    }
    expect(neuronChoice(9, undefined, current)).toEqual({ neuron: 9, neuronModel: current, neuronSource: undefined });
  });

  it('never writes where the neuron was clicked into the link', () => {
    const state = { ...DEFAULT_STATE, ...neuronChoice(9, { budget: 'motif', seed: 3, density: 0.25 }, current) };
    expect(formatState(state)).toBe(formatState({ ...DEFAULT_STATE, neuron: 9, neuronModel: current }));
    expect(formatState(state)).not.toMatch(/motif/);
  });
});
