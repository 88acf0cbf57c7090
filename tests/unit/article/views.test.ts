/**
 * The pure view functions on the shipped files: what each section draws for a given URL state,
 * training status and shipped models.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statusLine } from '../../../src/article/sections/live';
import { analyseFile } from '../../../src/article/shipped-models';
import type { RunStatus, TrainingStatus } from '../../../src/article/training-controller';
import { DEFAULT_STATE } from '../../../src/article/url-state';
import { countsSentence, liveLossSeries, liveView, motifView, sweepView } from '../../../src/article/views';
import { liveConfig } from '../../../src/article/live-settings';
import { parseWeightsFile } from '../../../src/model/weights-file';
import { snapshotOf } from '../../../src/training/snapshot';

const read = (name: string) =>
  analyseFile(parseWeightsFile(JSON.parse(readFileSync(new URL(`../../../public/weights/${name}`, import.meta.url), 'utf8'))));
const sweep = read('sweep.json');
const motif = read('motif.json');
const idle: TrainingStatus = { phase: 'idle', target: null };

function liveRun(patch: Partial<RunStatus>, density = 0.1): RunStatus {
  const config = liveConfig({ ...DEFAULT_STATE, density });
  return {
    phase: 'training',
    target: 'live',
    config,
    step: 0,
    losses: [],
    lossHistory: [[]],
    snapshot: null,
    backend: 'wasm',
    stepsPerSecond: 0,
    message: null,
    ...patch,
  };
}

describe('the sweep view', () => {
  it('shows the shipped models, one panel per level, captions and table from their analysis', () => {
    const view = sweepView(idle, sweep)!;
    expect(view.source).toBe('the shipped weights');
    expect(view.panels.map((p) => p.density)).toEqual(sweep.file.config.densities);
    view.panels.forEach((panel, k) => {
      expect(panel.caption).toBe(`${sweep.models[k]!.analysis.counts.monosemantic} of 40 neurons monosemantic`);
    });
    expect(view.levels.map((l) => l.loss)).toEqual(sweep.file.instances.map((i) => i.loss));
  });

  it('is the same object for the same shipped file, so nothing redraws', () => {
    expect(sweepView(idle, sweep)).toBe(sweepView(idle, sweep));
  });

  it('shows a sweep retraining here once it has weights, with the step they are from', () => {
    const config = sweep.file.config;
    const snapshot = snapshotOf(config, 300, sweep.file.instances);
    const status: RunStatus = { ...liveRun({ snapshot, losses: config.densities.map(() => 0.1) }), target: 'sweep', config };
    const view = sweepView(status, sweep)!;
    expect(view.source).toBe('the sweep you are retraining (step 300)');
    expect(sweepView({ ...status, step: 325 }, sweep)).toBe(view);
    expect(sweepView({ ...status, snapshot: null }, sweep)!.source).toBe('the shipped weights');
  });
});

describe('the live view', () => {
  it('before the live model reports, shows the nearest shipped model and says so', () => {
    const view = liveView({ ...DEFAULT_STATE, density: 0.02 }, idle, null, sweep)!;
    expect(view.source).toBe('shipped');
    expect(view.caption).toMatch(/shipped model at 1 − S = 0.03, the nearest precomputed level/);
    expect(view.counts).toBe(countsSentence(sweep.models[3]!.analysis));
  });

  it('shows the live weights drawn, with their step, and at a paper level the shipped count beside them', () => {
    const status = liveRun({ step: 400 });
    const instance = snapshotOf(status.config, 300, [sweep.file.instances[2]!]).instances[0]!;
    const view = liveView({ ...DEFAULT_STATE, density: 0.1 }, status, { config: status.config, instance, step: 300 }, sweep)!;
    expect(view).toMatchObject({ source: 'live', step: 300 });
    expect(view.caption).toBe('The live model at 1 − S = 0.1 (training here, step 300).');
    expect(view.counts).toMatch(/The shipped model at this level \(10,000 steps, seed 0\) has \d+\./);
  });

  it('labels the loss curve with the run’s density, not the slider’s', () => {
    const status = liveRun({ lossHistory: [[[25, 0.2]]] }, 0.1);
    expect(liveLossSeries(status)[0]!.label).toBe('1 − S = 0.1, live');
  });
});

describe('the motif view', () => {
  it('shows the shipped motif model with its motifs outlined and one close-up per instance', () => {
    const view = motifView(idle, motif)!;
    expect(view.source).toBe('as shipped');
    expect(view.closeups).toHaveLength(view.analysis.motifs.length);
    expect(view.plot.neurons.filter((n) => n.highlight).length).toBe(2 * view.analysis.motifs.length);
  });
});

describe('the live status line', () => {
  it('reads step of total, loss, backend, speed, time left and phase', () => {
    const status = liveRun({ step: 1200, losses: [0.0021], stepsPerSecond: 410.4 });
    expect(statusLine(status)).toBe('Step 1,200 of 3,500 · loss 2.10e-3 · backend wasm · 410 steps/s · a few seconds left · training');
    expect(statusLine({ ...status, phase: 'starting', backend: null, losses: [] })).toBe(
      'Step 1,200 of 3,500 · starting the training worker…',
    );
  });
});
