import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activationByName, DEFAULT_ACTIVATION, isActivationName, RELU } from '../../../src/model/activation';
import { makeConfig, validateConfig } from '../../../src/model/config';
import { forward, type NetworkWeights } from '../../../src/model/network';

describe('ReLU as a value', () => {
  it('is max(z, 0): the identity above zero, zero at and below it', () => {
    expect(RELU.output(2.5)).toBe(2.5);
    expect(RELU.output(1e-30)).toBe(1e-30);
    expect(RELU.output(0)).toBe(0);
    expect(RELU.output(-1e-30)).toBe(0);
    expect(RELU.output(-3)).toBe(0);
  });

  it('has derivative 1 above zero and 0 below, and 0 at z = 0 (the convention of the gradients’ step mask)', () => {
    expect(RELU.derivative(2.5)).toBe(1);
    expect(RELU.derivative(1e-30)).toBe(1);
    expect(RELU.derivative(-1e-30)).toBe(0);
    expect(RELU.derivative(-3)).toBe(0);
    expect(RELU.derivative(0)).toBe(0);
    expect(RELU.derivative(-0)).toBe(0);
  });

  it('has a derivative that matches a one-sided difference quotient away from the kink', () => {
    const h = 1e-6;
    for (const z of [-2, -0.1, 0.1, 2]) {
      expect(RELU.derivative(z)).toBeCloseTo((RELU.output(z + h) - RELU.output(z)) / h, 6);
    }
  });

  it('never produces −0 or drops a NaN (as Math.max(z, 0) always has in the float64 passes)', () => {
    expect(Object.is(RELU.output(-0), 0)).toBe(true);
    expect(RELU.output(Number.NaN)).toBeNaN();
  });

  it('is the default and the only activation offered', () => {
    expect(DEFAULT_ACTIVATION).toBe(RELU);
    expect(Object.keys(ACTIVATIONS)).toEqual(['relu']);
    expect(RELU.label).toBe('ReLU');
  });
});

describe('activation lookup by name', () => {
  it('finds ReLU by its name, and gives it when no name is given', () => {
    expect(activationByName('relu')).toBe(RELU);
    expect(activationByName(undefined)).toBe(RELU);
  });

  it('rejects any other name with a message naming the offered ones', () => {
    expect(() => activationByName('tanh')).toThrow(/unknown activation "tanh": the model offers relu/);
    expect(() => activationByName('toString')).toThrow(RangeError);
    expect(isActivationName('relu')).toBe(true);
    for (const bad of ['ReLU', 'gelu', '', 'constructor', 1, null, undefined]) expect(isActivationName(bad)).toBe(false);
  });
});

describe('ModelConfig.activation', () => {
  it('is absent by default, so no default configuration, link or weights file changes', () => {
    expect('activation' in makeConfig()).toBe(false);
  });

  it('accepts relu and reports any other name on the activation field', () => {
    expect(validateConfig(makeConfig({ activation: 'relu' }))).toEqual([]);
    const errors = validateConfig({ ...makeConfig(), activation: 'sigmoid' as never });
    expect(errors).toEqual([{ field: 'activation', message: 'activation must be relu, got the string "sigmoid"' }]);
  });
});

describe('the float64 forward pass applies its activation', () => {
  const weights: NetworkWeights = { W1: [[1], [-1]], W2: [[2, 3]], b: [-0.5] };

  it('defaults to ReLU on both layers', () => {
    const { hidden, output } = forward(weights, [0.75]);
    expect(Array.from(hidden)).toEqual([0.75, 0]);
    expect(Array.from(output)).toEqual([1]);
    expect(Array.from(forward(weights, [0.1]).output)).toEqual([0]);
  });

  it('uses the activation it is given', () => {
    const identity = { ...RELU, output: (z: number) => z };
    const { hidden, output } = forward(weights, [0.75], identity);
    expect(Array.from(hidden)).toEqual([0.75, -0.75]);
    expect(Array.from(output)).toEqual([2 * 0.75 - 3 * 0.75 - 0.5]);
  });
});
