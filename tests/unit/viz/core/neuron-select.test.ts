import { describe, expect, it } from 'vitest';
import { type NeuronSelectDetail, NEURON_SELECT, emitNeuronSelect, statedModel } from '../../../../src/viz/core/neuron-select';

/** A stand-in for a figure's element: its data-* attributes, and the events it dispatches. */
function figure(dataset: Record<string, string>) {
  const target = new EventTarget() as EventTarget & { dataset: Record<string, string> };
  target.dataset = dataset;
  return target;
}

describe('the model a neuron is chosen in', () => {
  it('is what the figure’s element states in data-budget, data-seed and data-density', () => {
    expect(statedModel(figure({ budget: 'converged', seed: '1', density: '0.003' }))).toEqual({
      budget: 'converged',
      seed: 1,
      density: 0.003,
    });
    expect(statedModel(figure({ budget: 'live' }))).toEqual({ budget: 'live' });
    expect(statedModel(figure({ budget: 'converged', seed: 'NaN', density: '' }))).toEqual({ budget: 'converged' });
    expect(statedModel(figure({ seed: '1', density: '0.01' }))).toBeUndefined();
    expect(statedModel(new EventTarget())).toBeUndefined();
  });

  it('travels with the neuron in the event', () => {
    const from = figure({ budget: 'converged', seed: '2', density: '0.03' });
    const seen: NeuronSelectDetail[] = [];
    from.addEventListener(NEURON_SELECT, (e) => seen.push((e as CustomEvent<NeuronSelectDetail>).detail));
    emitNeuronSelect(from, 7);
    const unstated = figure({});
    unstated.addEventListener(NEURON_SELECT, (e) => seen.push((e as CustomEvent<NeuronSelectDetail>).detail));
    emitNeuronSelect(unstated, 3);
    expect(seen).toEqual([{ neuron: 7, model: { budget: 'converged', seed: 2, density: 0.03 } }, { neuron: 3 }]);
  });
});
