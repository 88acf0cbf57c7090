/**
 * The live slider's hook into the density curve, on a curve made of the shipped converged sweeps
 * (seven densities, three seeds): between paper levels the live figure shows the nearest grid
 * model's median seed at once; at a paper level, or once the live model reports, it is left alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withGridModel } from '../../../../../src/article/sections/live/view';
import { curveData, gridModelAt } from '../../../../../src/article/shipped/curve-models';
import { analyseFile } from '../../../../../src/article/shipped/shipped-models';
import type { LiveView } from '../../../../../src/article/views';
import { parseWeightsFile } from '../../../../../src/model/weights-file';

const curve = curveData(
  [0, 1, 2].map((seed) => ({
    seed,
    file: analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/weights/sweep-converged-seed${seed}.json`, 'utf8')) as unknown)),
  })),
);
const shippedView = { source: 'shipped', caption: 'paper level' } as LiveView;

describe('the live slider on the density curve', () => {
  it('bands every density over the three seeds and picks the median-loss seed', () => {
    expect(curve.seeds).toEqual([0, 1, 2]);
    expect(curve.levels).toHaveLength(7);
    for (const level of curve.levels) expect(level.seeds).toEqual([0, 1, 2]);
  });

  it('between paper levels shows the nearest grid model, its median seed, before the live model reports', () => {
    const view = withGridModel(shippedView, curve, 0.02)!;
    const grid = gridModelAt(curve, 0.02)!;
    expect(grid.level.density).toBe(0.03);
    expect(view.caption).toContain(`1 − S = 0.03, the density curve’s nearest grid level (seed ${grid.level.medianSeed}`);
    expect(view.monosemantic).toBe(grid.analysis.counts.monosemantic);
    expect(view.exportSource.config.seed).toBe(grid.level.medianSeed);
    // Also when the replication sweep has not loaded (no view yet).
    expect(withGridModel(null, curve, 0.005)?.caption).toContain('1 − S = 0.003');
  });

  it('leaves the view alone at a paper level, for a live model, and without the curve', () => {
    expect(withGridModel(shippedView, curve, 0.03)).toBe(shippedView);
    const live = { ...shippedView, source: 'live' } as LiveView;
    expect(withGridModel(live, curve, 0.02)).toBe(live);
    expect(withGridModel(shippedView, null, 0.02)).toBe(shippedView);
  });
});
