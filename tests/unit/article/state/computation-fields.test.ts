import { describe, expect, it } from 'vitest';
import {
  formatComputationModel,
  formatInput,
  MAX_INPUT_PAIRS,
  parseComputationModel,
  parseInput,
} from '../../../../src/article/state/computation-fields';
import { formatState, parseState } from '../../../../src/article/state/url-state';

describe('the computation figure’s input in a link', () => {
  it('reads feature:value pairs', () => {
    expect(parseInput('0:0.83,7:-0.41')).toEqual({
      value: [
        { feature: 0, value: 0.83 },
        { feature: 7, value: -0.41 },
      ],
    });
    expect(parseInput('')).toEqual({ value: [] });
  });

  it('clamps values into [−1, 1], keeps a repeated feature’s last value, drops bad pairs, in one notice', () => {
    const { value, notice } = parseInput('3:2,5:-7,3:0.5,x:1,400:0.1,1.5:0.2,2:NaN,4:0x1');
    expect(value).toEqual([
      { feature: 5, value: -1 },
      { feature: 3, value: 0.5 },
    ]);
    expect(notice).toMatch(/5 not of the form/);
    expect(notice).toMatch(/2 clamped/);
    expect(notice).toMatch(/1 repeated/);
  });

  it('reads at most MAX_INPUT_PAIRS pairs', () => {
    const raw = Array.from({ length: MAX_INPUT_PAIRS + 5 }, (_, i) => `${i}:0.1`).join(',');
    const { value, notice } = parseInput(raw);
    expect(value).toHaveLength(MAX_INPUT_PAIRS);
    expect(notice).toMatch(/only the first/);
  });

  it('round-trips through the URL, with the model', () => {
    const input = [
      { feature: 2, value: 0.125 },
      { feature: 9, value: -1 },
    ];
    expect(parseInput(formatInput(input)).value).toEqual(input);
    const { state, notices } = parseState('?section=computation&computation-model=converged:0.003:1&input=2:0.125,9:-1');
    expect(notices).toEqual([]);
    expect(state.section).toBe('computation');
    expect(state.computationModel).toEqual({ kind: 'converged', density: 0.003, seed: 1 });
    expect(parseState(formatState(state)).state).toEqual(state);
  });
});

describe('the computation figure’s model in a link', () => {
  it('reads converged:<1 − S>:<seed>, motif and live, and refuses the rest with a notice', () => {
    expect(parseComputationModel('motif').value).toEqual({ kind: 'motif' });
    expect(parseComputationModel('live').value).toEqual({ kind: 'live' });
    expect(parseComputationModel('converged:0.01:2').value).toEqual({ kind: 'converged', density: 0.01, seed: 2 });
    for (const bad of ['converged:0.01:7', 'converged:0:0', 'converged:2:0', 'converged:0.01', 'replication', '']) {
      const parsed = parseComputationModel(bad);
      expect(parsed.value).toBeUndefined();
      expect(parsed.notice).toBeTruthy();
    }
    expect(formatComputationModel({ kind: 'converged', density: 0.03, seed: 1 })).toBe('converged:0.03:1');
  });
});
