/**
 * The pure view functions on the shipped files: what each section draws for a given URL state,
 * training status and shipped models.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idleLine, statusLine } from '../../../src/article/sections/live';
import { analyseFile } from '../../../src/article/shipped-models';
import type { RunStatus, TrainingStatus } from '../../../src/article/training-controller';
import { DEFAULT_STATE } from '../../../src/article/url-state';
import { countsSentence, liveLossSeries, liveView, motifView, runFrame, type ShownSweep, sweepView } from '../../../src/article/views';
import { stackPlotData } from '../../../src/article/figure-data';
import { replayRange } from '../../../src/viz/stack-scale';
import { liveConfig } from '../../../src/article/live-settings';
import { parseWeightsFile } from '../../../src/model/weights-file';
import { snapshotOf } from '../../../src/training/snapshot';
import { addFrame, emptyTimeline, frameOf, MAX_FRAMES } from '../../../src/article/timeline';

const read = (name: string) =>
  analyseFile(parseWeightsFile(JSON.parse(readFileSync(new URL(`../../../public/weights/${name}`, import.meta.url), 'utf8'))));
const sweep = read('sweep.json');
const motif = read('motif.json');
const seeds = [0, 1, 2].map((seed) => read(`sweep-converged-seed${seed}.json`));
const replicationShown: ShownSweep = { budget: 'replication', drawn: sweep, seed: 0, seeds: [sweep] };
const convergedShown: ShownSweep = { budget: 'converged', drawn: seeds[1]!, seed: 1, seeds };
const idle: TrainingStatus = { phase: 'idle', target: null };

function liveRun(patch: Partial<RunStatus>, density = 0.1): RunStatus {
  const config = liveConfig({ ...DEFAULT_STATE, density, steps: 3_500 });
  return {
    phase: 'training',
    target: 'live',
    config,
    step: 0,
    losses: [],
    lossHistory: [[]],
    snapshot: null,
    timeline: emptyTimeline(MAX_FRAMES),
    backend: 'wasm',
    stepsPerSecond: 0,
    message: null,
    ...patch,
  };
}

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
    const timeline = addFrame(emptyTimeline(100), frameOf(300, snapshot.instances));
    const status: RunStatus = { ...liveRun({ snapshot, timeline, losses: config.densities.map(() => 0.1) }), target: 'sweep', config };
    const view = sweepView(status, replicationShown)!;
    expect(view.source).toBe('the sweep you are retraining (step 300)');
    expect(view.levels[0]!.lossKind).toBe('batch');
    expect(sweepView({ ...status, step: 325 }, replicationShown)).toBe(view);
    expect(sweepView({ ...status, snapshot: null }, replicationShown)!.source).toBe('the shipped replication-budget models');
    expect(sweepView(status, convergedShown)!.source).toBe('the shipped converged models (seed 1)');
  });
});

describe('the live view', () => {
  it('before the live model reports, shows the converged model at the nearest level and says so', () => {
    const view = liveView({ ...DEFAULT_STATE, density: 0.02 }, idle, null, convergedShown, sweep)!;
    expect(view.source).toBe('shipped');
    expect(view.caption).toMatch(/shipped converged model at 1 − S = 0.03 \(seed 1\), the nearest precomputed level/);
    expect(view.counts).toBe(countsSentence(seeds[1]!.models[3]!.analysis));
    expect(view.step).toBe(40_000);
  });

  it('shows the replication model when a link of the constant recipe trains exactly it', () => {
    const state = { ...DEFAULT_STATE, density: 0.1, recipe: 'constant', steps: 10_000, learningRate: 0.001 } as const;
    const view = liveView(state, idle, null, convergedShown, sweep)!;
    expect(view.caption).toMatch(/the model this configuration trains/);
  });

  it('shows the live weights drawn, with their step, and at a paper level the converged seeds’ range beside them', () => {
    const snapshot = snapshotOf(liveRun({}).config, 300, [sweep.file.instances[2]!]);
    const instance = snapshot.instances[0]!;
    const status = liveRun({ step: 400, snapshot, timeline: addFrame(emptyTimeline(100), frameOf(300, snapshot.instances)) });
    const state = { ...DEFAULT_STATE, density: 0.1, steps: 3_500 };
    const view = liveView(state, status, { config: status.config, instance, step: 300 }, convergedShown, sweep)!;
    expect(view).toMatchObject({ source: 'live', step: 300 });
    expect(view.caption).toBe('The live model at 1 − S = 0.1 (training here, step 300).');
    expect(view.counts).toMatch(
      /The shipped converged models at this level have a median of 34 monosemantic neurons \(31–36 over seeds 0, 1, 2\)\./,
    );
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
  it('says why the live model waits, not that it is not training', () => {
    const sweepRun: RunStatus = { ...liveRun({}), target: 'sweep' };
    expect(idleLine(sweepRun, 'waiting')).toBe(
      'Waiting: the live model trains once the sweep retrain is over (pressing Train stops the sweep retrain and trains it now).',
    );
    expect(idleLine(sweepRun, 'done')).toBe(
      'Not training: the sweep retrain is running. Pressing Train stops it and trains the live model.',
    );
    expect(idleLine(idle, 'waiting')).toMatch(/trains when this section is on screen/);
    expect(idleLine({ ...sweepRun, phase: 'cancelled' }, 'waiting')).toMatch(/on screen/);
    expect(idleLine(idle, 'idle')).toBe('Not training. Move the slider or press Train.');
  });

  it('reads step of total, loss, backend, speed, time left and phase', () => {
    const status = liveRun({ step: 1200, losses: [0.0021], stepsPerSecond: 410.4 });
    expect(statusLine(status)).toBe('Step 1,200 of 3,500 · loss 2.10e-3 · backend wasm · 410 steps/s · a few seconds left · training');
    expect(statusLine({ ...status, phase: 'starting', backend: null, losses: [] })).toBe(
      'Step 1,200 of 3,500 · starting the training worker…',
    );
  });
});

describe('a run’s frames on its timeline', () => {
  // A live run at 1 − S = 0.1 that reported the shipped 0.1, 0.03 and 0.01 models' weights at steps 100, 200 and 300.
  const config = liveConfig({ ...DEFAULT_STATE, density: 0.1 });
  const snapshots = [2, 3, 4].map((k, i) => snapshotOf(config, 100 * (i + 1), [sweep.file.instances[k]!]));
  let timeline = emptyTimeline(MAX_FRAMES);
  for (const s of snapshots) timeline = addFrame(timeline, frameOf(s.step, s.instances));
  const lossHistory = [snapshots.map((s, i) => [s.step, 0.1 / (i + 1)] as const)];
  const running = liveRun({ step: 300, snapshot: snapshots[2]!, timeline, lossHistory }, 0.1);
  const finished: RunStatus = { ...running, phase: 'completed' };

  it('keeps the columns in model order while the run is in flight, at every frame', () => {
    for (const step of [100, 200, 300, null]) {
      const frame = runFrame(running, step)!;
      expect(frame.instances[0]!.plot.neurons.map((n) => n.neuron)).toEqual(Array.from({ length: 40 }, (_, j) => j));
      expect(frame.instances[0]!.plot.order).toBe('neuron');
    }
  });

  it('once the run has ended, draws every frame in the trained model’s order', () => {
    const finalOrder = snapshots[2]!.instances[0]!.analysis.order;
    expect(runFrame(finished, null)!.instances[0]!.plot.neurons.map((n) => n.neuron)).toEqual(finalOrder);
    const early = runFrame(finished, 100)!.instances[0]!.plot;
    expect(early.neurons.map((n) => n.neuron)).toEqual(finalOrder);
    expect(early.order).toBe('final');
  });

  it('scrubs to any kept frame, and the plot draws exactly that snapshot’s weights, with the loss reported there', () => {
    snapshots.forEach((snapshot, k) => {
      const frame = runFrame(finished, snapshot.step)!;
      expect(frame).toMatchObject({ step: snapshot.step, index: k, steps: [100, 200, 300], newest: k === 2 });
      expect(frame.instances[0]!.loss).toBe(lossHistory[0]![k]![1]);
      // The same columns, weights and colours as the plot of the snapshot's own analysis, in the frame's order.
      const expected = stackPlotData(snapshot.instances[0]!.analysis);
      const byNeuron = new Map(expected.neurons.map((n) => [n.neuron, n]));
      const drawn = frame.instances[0]!.plot;
      // A feature with no score (not embedded) is NaN in both; toEqual counts NaN equal to NaN.
      expect(drawn.superposition).toEqual(expected.superposition.map((v) => (Number.isNaN(v) ? v : expect.closeTo(v, 5))));
      for (const column of drawn.neurons) {
        const want = byNeuron.get(column.neuron)!;
        expect(column.weights.map((w) => w.feature)).toEqual(want.weights.map((w) => w.feature));
        column.weights.forEach((w, i) => {
          expect(w.inWeight).toBeCloseTo(want.weights[i]!.inWeight, 6);
          expect(w.outWeight).toBeCloseTo(want.weights[i]!.outWeight, 5);
        });
        expect(column.kind).toBe(want.kind);
      }
    });
  });

  it('a step between kept frames shows the last frame before it; the y range is the one replayed up to that frame', () => {
    expect(runFrame(finished, 250)!.step).toBe(200);
    const ranges = [100, 200, 300].map((step) => runFrame(finished, step)!.instances[0]!.plot.yMax!);
    const needs = timeline.frames.map((f) => f.instances[0]!.need);
    ranges.forEach((range, k) => {
      expect(range).toBe(replayRange(needs.slice(0, k + 1)));
      expect(range).toBeGreaterThanOrEqual(needs[k]!);
    });
  });

  it('hands the figure the same plot object while nothing changed, so it does not redraw', () => {
    expect(runFrame(running, 200)!.instances[0]!.plot).toBe(runFrame(running, 200)!.instances[0]!.plot);
    expect(runFrame(running, null)!.instances[0]!.plot).toBe(runFrame({ ...running, step: 325 }, null)!.instances[0]!.plot);
  });
});
