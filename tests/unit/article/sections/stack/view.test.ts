/**
 * The stack-plot embed's view (`?embed=stack`): the shipped sweep the link's budget and sweep-seed
 * pick, at the level nearest its density on a log scale, saying when it is not the one asked for.
 */
import { describe, expect, it } from 'vitest';
import { plotOf } from '../../../../../src/article/figures/view-parts';
import { nearestOnLogScale, stackView } from '../../../../../src/article/sections/stack/view';
import { convergedShown, replicationShown, seeds, sweep } from '../../fixtures';

describe('nearestOnLogScale', () => {
  const levels = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001];
  it.each([
    [0.03, 3],
    [0.05, 3],
    [0.06, 2],
    [1, 0],
    [0.0005, 6],
  ])('%f → level %i', (target, k) => expect(nearestOnLogScale(levels, target)).toBe(k));

  it('no values: -1', () => expect(nearestOnLogScale([], 0.1)).toBe(-1));
});

describe('the stack view', () => {
  it('draws the chosen seed’s model at the density asked for, as the sweep figure plots it', () => {
    const view = stackView(convergedShown, 0.01, 1)!;
    const model = seeds[1]!.models.find((m) => m.density === 0.01)!;
    expect(view).toMatchObject({ budget: 'converged', seed: 1, density: 0.01, notes: [], source: 'the shipped converged models (seed 1)' });
    expect(view.plot).toBe(plotOf(model.analysis));
    expect(view.counts).toBe(`${model.analysis.counts.monosemantic} of 40 neurons monosemantic`);
  });

  it('between levels: the nearest level, and a note naming both', () => {
    const view = stackView(replicationShown, 0.05, 0)!;
    expect(view).toMatchObject({ budget: 'replication', density: 0.03 });
    expect(view.plot).toBe(plotOf(sweep.models.find((m) => m.density === 0.03)!.analysis));
    expect(view.notes).toEqual(['No shipped level at 1 − S = 0.05; this is the nearest, 1 − S = 0.03.']);
  });

  it('a converged seed that did not load: the one drawn, said', () => {
    expect(stackView(convergedShown, 1, 2)!.notes).toEqual(['Seed 2 did not load; this is seed 1.']);
  });

  it('nothing loaded: null', () => expect(stackView(null, 0.1, 0)).toBeNull());
});
