/** The sweep section's view on the shipped files: the shown budget and seed, or a sweep retraining here. */
import { describe, expect, it } from 'vitest';
import { sweepView } from '../../../../../src/article/sections/sweep/view';
import { addFrame, emptyTimeline } from '../../../../../src/article/training/timeline';
import type { RunStatus } from '../../../../../src/article/training/training-controller';
import { snapshotOf } from '../../../../../src/training/snapshot';
import { convergedShown, idle, liveRun, replicationShown, seeds, sweep } from '../../fixtures';

describe('the sweep view', () => {
  it('shows the chosen converged seed’s models, and a table over every seed with eval losses', () => {
    const view = sweepView(idle, convergedShown)!;
    expect(view.source).toBe('the shipped converged models (seed 1)');
    expect(view.panels.map((p) => p.density)).toEqual(seeds[1]!.file.config.densities);
    view.panels.forEach((panel, k) => {
      expect(panel.caption).toBe(`${seeds[1]!.models[k]!.analysis.counts.monosemantic} of 40 neurons monosemantic`);
    });
    view.levels.forEach((level, k) => {
      expect(level.seeds).toBe(3);
      expect(level.lossKind).toBe('eval');
      expect(level.monosemantic.values).toEqual(seeds.map((s) => s.models[k]!.analysis.counts.monosemantic));
      expect(level.loss.values).toEqual(seeds.map((s) => s.file.instances[k]!.evaluation!.loss));
    });
    expect(view.exportSource.levelRecipes).toHaveLength(7);
  });

  it('shows the replication sweep with its eval losses, one seed', () => {
    const view = sweepView(idle, replicationShown)!;
    expect(view.source).toBe('the shipped replication-budget models');
    expect(view.levels.map((l) => l.loss.median)).toEqual(sweep.file.instances.map((i) => i.evaluation!.loss));
  });

  it('keeps the same panels for the same shipped file, so nothing redraws', () => {
    expect(sweepView(idle, convergedShown)!.panels).toBe(sweepView(idle, convergedShown)!.panels);
  });

  it('shows a sweep retraining here once it has weights, under the replication budget only', () => {
    const config = sweep.file.config;
    const snapshot = snapshotOf(config, 300, sweep.file.instances);
    const timeline = addFrame(emptyTimeline(100), snapshot.frame);
    const status: RunStatus = {
      ...liveRun({ snapshot: snapshot.frame, timeline, losses: config.densities.map(() => 0.1) }),
      target: 'sweep',
      config,
    };
    const view = sweepView(status, replicationShown)!;
    expect(view.source).toBe('the sweep you are retraining (step 300)');
    expect(view.levels[0]!.lossKind).toBe('batch');
    expect(sweepView({ ...status, step: 325 }, replicationShown)).toBe(view);
    expect(sweepView({ ...status, snapshot: null }, replicationShown)!.source).toBe('the shipped replication-budget models');
    expect(sweepView(status, convergedShown)!.source).toBe('the shipped converged models (seed 1)');
  });
});
