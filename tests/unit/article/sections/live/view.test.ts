/**
 * The live figure, decided in one place, on the shipped files: the live run when it trains the
 * reader's configuration, between paper levels the density curve's nearest grid model (the curve
 * here made of the shipped converged sweeps: seven densities, three seeds), else a shipped model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countsSentence } from '../../../../../src/article/figures/view-parts';
import type { LiveShown } from '../../../../../src/article/live/live-model-controller';
import { type LiveFigureInput, liveFigure, liveLossSeries } from '../../../../../src/article/sections/live/view';
import { type CurveData, curveData, gridModelAt } from '../../../../../src/article/shipped/curve-models';
import { analyseFile } from '../../../../../src/article/shipped/shipped-models';
import { type ArticleState, DEFAULT_STATE } from '../../../../../src/article/state/url-state';
import { addFrame, emptyTimeline } from '../../../../../src/article/training/timeline';
import type { TrainingStatus } from '../../../../../src/article/training/training-controller';
import { parseWeightsFile } from '../../../../../src/model/weights-file';
import { snapshotOf } from '../../../../../src/training/snapshot';
import { convergedShown, idle, liveRun, seeds, sweep } from '../../fixtures';

const curve = curveData(
  [0, 1, 2].map((seed) => ({
    seed,
    file: analyseFile(parseWeightsFile(JSON.parse(readFileSync(`public/weights/sweep-converged-seed${seed}.json`, 'utf8')) as unknown)),
  })),
);

/** The figure's inputs with the converged seed 1 and the replication sweep loaded, no step chosen. */
const input = (state: ArticleState, status: TrainingStatus, shown: LiveShown | null, grid: CurveData | null = null): LiveFigureInput => ({
  state,
  status,
  shown,
  reference: convergedShown,
  replication: sweep,
  selectedStep: null,
  curve: grid,
});

describe('the live view', () => {
  it('before the live model reports, shows the converged model at the nearest level and says so', () => {
    const view = liveFigure(input({ ...DEFAULT_STATE, density: 0.02 }, idle, null))!;
    expect(view.source).toBe('shipped');
    expect(view.caption).toMatch(/shipped converged model at 1 − S = 0.03 \(seed 1\), the nearest precomputed level/);
    expect(view.counts).toBe(countsSentence(seeds[1]!.models[3]!.analysis));
    expect(view.step).toBe(40_000);
  });

  it('shows the replication model when a link of the constant recipe trains exactly it', () => {
    const state = { ...DEFAULT_STATE, density: 0.1, recipe: 'constant', steps: 10_000, learningRate: 0.001 } as const;
    const view = liveFigure(input(state, idle, null))!;
    expect(view.caption).toMatch(/the model this configuration trains/);
  });

  it('shows the live weights drawn, with their step, and at a paper level the converged seeds’ range beside them', () => {
    const snapshot = snapshotOf(liveRun({}).config, 300, [sweep.file.instances[2]!]);
    const { frame } = snapshot;
    const status = liveRun({ step: 400, snapshot: frame, timeline: addFrame(emptyTimeline(100), frame) });
    const state = { ...DEFAULT_STATE, density: 0.1, steps: 3_500 };
    const view = liveFigure(input(state, status, { config: status.config, frame }))!;
    expect(view).toMatchObject({ source: 'live', step: 300 });
    expect(view.caption).toBe('The live model at 1 − S = 0.1 (training here, step 300).');
    expect(view.counts).toMatch(
      /The shipped converged models at this level \(seeds 0, 1 and 2\) have 31–36 monosemantic and \d+(–\d+)? polysemantic neurons and compute \d+(–\d+)? features\./,
    );
  });

  it('labels the loss curve with the run’s density, not the slider’s', () => {
    const status = liveRun({ lossHistory: [[[25, 0.2]]] }, 0.1);
    expect(liveLossSeries(status)[0]!.label).toBe('1 − S = 0.1, live');
  });
});

describe('the live slider on the density curve', () => {
  it('bands every density over the three seeds and picks the median-loss seed', () => {
    expect(curve.seeds).toEqual([0, 1, 2]);
    expect(curve.levels).toHaveLength(7);
    for (const level of curve.levels) expect(level.seeds).toEqual([0, 1, 2]);
  });

  it('between paper levels shows the nearest grid model, its median seed, before the live model reports', () => {
    const view = liveFigure(input({ ...DEFAULT_STATE, density: 0.02 }, idle, null, curve))!;
    const grid = gridModelAt(curve, 0.02)!;
    expect(grid.level.density).toBe(0.03);
    expect(view.caption).toContain(`1 − S = 0.03, the density curve’s nearest grid level (seed ${grid.level.medianSeed}`);
    expect(view.monosemantic).toBe(grid.analysis.counts.monosemantic);
    expect(view.exportSource.config.seed).toBe(grid.level.medianSeed);
    // Also when no shipped sweep has loaded.
    const alone = liveFigure({ ...input({ ...DEFAULT_STATE, density: 0.005 }, idle, null, curve), reference: null, replication: null });
    expect(alone?.caption).toContain('1 − S = 0.003');
  });

  it('shows the shipped model at a paper level, and between levels without the curve', () => {
    expect(liveFigure(input({ ...DEFAULT_STATE, density: 0.03 }, idle, null, curve))!.caption).toMatch(
      /shipped converged model at 1 − S = 0.03/,
    );
    expect(liveFigure(input({ ...DEFAULT_STATE, density: 0.02 }, idle, null))!.caption).toMatch(/shipped converged model at 1 − S = 0.03/);
  });
});
