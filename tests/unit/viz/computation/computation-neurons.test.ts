import { describe, expect, it } from 'vitest';
import { neuronKeyMove } from '../../../../src/viz/computation/computation-neurons';
import { isChooseKey } from '../../../../src/viz/core/neuron-select';

describe('choosing a neuron in the computation figure by keyboard', () => {
  it('moves along the columns with ←/→, to the ends with Home/End, and stops at the ends', () => {
    expect(neuronKeyMove(3, 40, 'ArrowRight')).toBe(4);
    expect(neuronKeyMove(3, 40, 'ArrowLeft')).toBe(2);
    expect(neuronKeyMove(0, 40, 'ArrowLeft')).toBe(0);
    expect(neuronKeyMove(39, 40, 'ArrowRight')).toBe(39);
    expect(neuronKeyMove(17, 40, 'Home')).toBe(0);
    expect(neuronKeyMove(17, 40, 'End')).toBe(39);
  });

  it('leaves other keys, and an empty figure, alone', () => {
    expect(neuronKeyMove(3, 40, 'ArrowUp')).toBeUndefined();
    expect(neuronKeyMove(3, 40, 'a')).toBeUndefined();
    expect(neuronKeyMove(0, 0, 'ArrowRight')).toBeUndefined();
  });

  it('chooses with Enter or Space, as a button does, and with no other key', () => {
    expect(isChooseKey('Enter')).toBe(true);
    expect(isChooseKey(' ')).toBe(true);
    expect(isChooseKey('Spacebar')).toBe(true);
    expect(isChooseKey('Escape')).toBe(false);
    expect(isChooseKey('ArrowRight')).toBe(false);
  });
});
