import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { importances, makeConfig, type ModelConfig } from '../../../src/model/config';
import { createInstanceData } from '../../../src/model/data';
import { batchLoss, type NetworkWeights } from '../../../src/model/network';
import { STREAM } from '../../../src/model/random';
import { selectBackend, type BackendName } from '../../../src/training/backend';
import { kernelsPerStep } from '../../../bench/kernels';
import { createTrainingEngine, formulationFor } from '../../../src/training/engine';
import type { Formulation } from '../../../src/training/training-engine';
import { initialWeights } from '../../../src/training/initial-weights';
import { train } from '../../../src/training/train';

const small = makeConfig({ n: 20, m: 8, densities: [1, 0.2, 0.05], batch: 256, steps: 100, learningRate: 3e-3, initStd: 0.1, seed: 11 });

async function trainedOn(backend: BackendName, config: ModelConfig): Promise<NetworkWeights[]> {
  await selectBackend({ forced: backend });
  const outcome = await train(config, { reportEvery: 20 });
  if (outcome.status !== 'completed') throw new Error(outcome.status);
  return [...outcome.weights];
}

function maxAbsDifference(a: readonly NetworkWeights[], b: readonly NetworkWeights[]): number {
  let worst = 0;
  a.forEach((w, k) => {
    const other = b[k]!;
    w.W1.forEach((row, j) => {
      row.forEach((v, i) => {
        worst = Math.max(worst, Math.abs(v - other.W1[j]![i]!));
      });
    });
    w.W2.forEach((row, i) => {
      row.forEach((v, j) => {
        worst = Math.max(worst, Math.abs(v - other.W2[i]![j]!));
      });
    });
    w.b.forEach((v, i) => {
      worst = Math.max(worst, Math.abs(v - other.b[i]!));
    });
  });
  return worst;
}

/** Loss on a fixed evaluation set, computed by the float64 reference. */
function evaluationLoss(weights: NetworkWeights, config: ModelConfig, density: number): number {
  const data = createInstanceData(density, config.n, 4096, 999, 0);
  const importance = importances(config);
  return batchLoss(weights, data.next(), importance);
}

describe('the training engine', () => {
  it('gives identical weights for the same seed and backend', async () => {
    const a = await trainedOn('wasm', small);
    const b = await trainedOn('wasm', small);
    expect(maxAbsDifference(a, b)).toBe(0);
  });

  it('agrees between cpu and wasm within 1e-3 over a short run', async () => {
    const cpu = await trainedOn('cpu', small);
    const wasm = await trainedOn('wasm', small);
    expect(maxAbsDifference(cpu, wasm)).toBeLessThan(1e-3);
  });

  it('lowers the loss of every instance in a short run', async () => {
    const trained = await trainedOn('wasm', small);
    small.densities.forEach((density, k) => {
      const before = evaluationLoss(initialWeights(small, k), small, density);
      const after = evaluationLoss(trained[k]!, small, density);
      expect(after, `density ${density}`).toBeLessThan(0.9 * before);
    });
  });

  it('trains an instance the same whatever siblings it has', async () => {
    const alone = await trainedOn('wasm', makeConfig({ ...small, densities: [0.2] }));
    const withSiblings = await trainedOn('wasm', small);
    expect(maxAbsDifference(alone, withSiblings.slice(1, 2))).toBe(0);
  });

  it('leaves the tensor count where it was after 20 create/train/dispose cycles', async () => {
    await selectBackend({ forced: 'wasm' });
    const before = tf.memory().numTensors;
    for (let cycle = 0; cycle < 20; cycle++) {
      const engine = createTrainingEngine(makeConfig({ ...small, steps: 5 }));
      for (let s = 0; s < 4; s++) engine.trainStep(false);
      const losses = engine.trainStep(true)!;
      await losses.data();
      losses.dispose();
      await engine.readWeights();
      engine.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives GPU backends the stacked formulation, and CPU backends and software renderers the per-instance one', () => {
    const backends = ['webgl', 'webgpu', 'wasm', 'cpu'];
    expect(backends.map((b) => formulationFor(b))).toEqual(['stacked', 'stacked', 'per-instance', 'per-instance']);
    expect(backends.map((b) => formulationFor(b, true))).toEqual(['per-instance', 'per-instance', 'per-instance', 'per-instance']);
  });

  describe('the stacked formulation (one batched product per layer, for GPUs)', () => {
    async function stepped(
      formulation: Formulation,
      config: ModelConfig,
      steps: number,
    ): Promise<{ weights: NetworkWeights[]; losses: number[] }> {
      const engine = createTrainingEngine(config, { formulation });
      for (let s = 1; s < steps; s++) engine.trainStep(false);
      const losses = engine.trainStep(true)!;
      const result = { losses: Array.from(await losses.data()), weights: await engine.readWeights() };
      losses.dispose();
      engine.dispose();
      return result;
    }

    it('trains the same models as the per-instance formulation (cpu, 30 steps, weights within 1e-4)', async () => {
      await selectBackend({ forced: 'cpu' });
      const perInstance = await stepped('per-instance', small, 30);
      const stacked = await stepped('stacked', small, 30);
      expect(maxAbsDifference(perInstance.weights, stacked.weights)).toBeLessThan(1e-4);
      stacked.losses.forEach((loss, k) => {
        expect(loss).toBeCloseTo(perInstance.losses[k]!, 5);
      });
    });

    it('trains the same models with a hidden bias too', async () => {
      await selectBackend({ forced: 'cpu' });
      const config = makeConfig({ ...small, hiddenBias: true });
      const perInstance = await stepped('per-instance', config, 20);
      const stacked = await stepped('stacked', config, 20);
      expect(stacked.weights.every((w) => w.b1?.length === config.m)).toBe(true);
      expect(maxAbsDifference(perInstance.weights, stacked.weights)).toBeLessThan(1e-4);
      const hiddenBiasGap = Math.max(
        ...stacked.weights.flatMap((w, k) => w.b1!.map((v, j) => Math.abs(v - perInstance.weights[k]!.b1![j]!))),
      );
      expect(hiddenBiasGap).toBeLessThan(1e-4);
    });

    it('dispatches as many kernels a step for seven instances as for one, fewer than the per-instance formulation', async () => {
      await selectBackend({ forced: 'cpu' });
      const sweep = makeConfig({ ...small, densities: [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001] });
      const stacked = await kernelsPerStep(sweep, 'stacked');
      expect(stacked).toBe(await kernelsPerStep(makeConfig({ ...small, densities: [0.1] }), 'stacked'));
      // On cpu the per-instance step runs Adam and the sparse levels' input products in host memory
      // (host-memory.ts), so it dispatches fewer kernels here than it would on a GPU backend.
      expect(stacked).toBeLessThan(await kernelsPerStep(sweep, 'per-instance'));
    });

    it('leaves the tensor count where it was after 20 create/train/dispose cycles', async () => {
      await selectBackend({ forced: 'cpu' });
      const before = tf.memory().numTensors;
      for (let cycle = 0; cycle < 20; cycle++) await stepped('stacked', makeConfig({ ...small, steps: 5 }), 3);
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  describe('schedule and initial output bias', () => {
    /** Largest |Δ| of any weight over one step: Adam's first step moves every weight with a gradient by about its learning rate. */
    async function firstStepSize(formulation: Formulation, config: ModelConfig): Promise<number> {
      const engine = createTrainingEngine(config, { formulation });
      const before = await engine.readWeights();
      engine.trainStep(false);
      const after = await engine.readWeights();
      engine.dispose();
      return maxAbsDifference(before, after);
    }

    for (const formulation of ['per-instance', 'stacked'] as const) {
      it(`${formulation}: the first step takes the schedule's first rate, not the peak`, async () => {
        await selectBackend({ forced: 'cpu' });
        const warm = makeConfig({ ...small, learningRate: 1e-2, schedule: { kind: 'cosine', warmupSteps: 10 } });
        expect(await firstStepSize(formulation, warm)).toBeCloseTo(1e-3, 5);
        expect(await firstStepSize(formulation, makeConfig({ ...small, learningRate: 1e-2 }))).toBeCloseTo(1e-2, 5);
      });
    }

    it('starts every output bias at outputBiasInit, in both formulations', async () => {
      await selectBackend({ forced: 'cpu' });
      const config = makeConfig({ ...small, outputBiasInit: 0.02 });
      for (const formulation of ['per-instance', 'stacked'] as const) {
        const engine = createTrainingEngine(config, { formulation });
        const weights = await engine.readWeights();
        engine.dispose();
        expect(weights.every((w) => w.b.every((v) => Math.abs(v - 0.02) < 1e-9))).toBe(true);
      }
    });

    it('trains the same models in both formulations under a decaying schedule with a bias start', async () => {
      await selectBackend({ forced: 'cpu' });
      const config = makeConfig({
        ...small,
        steps: 30,
        outputBiasInit: 0.02,
        schedule: { kind: 'warmup-stable-decay', warmupSteps: 5, decayFraction: 0.5 },
      });
      const run = async (formulation: Formulation): Promise<NetworkWeights[]> => {
        const engine = createTrainingEngine(config, { formulation });
        for (let s = 0; s < config.steps; s++) engine.trainStep(false);
        const weights = await engine.readWeights();
        engine.dispose();
        return weights;
      };
      expect(maxAbsDifference(await run('per-instance'), await run('stacked'))).toBeLessThan(1e-4);
    });
  });

  it('reports the same batch loss as the float64 reference', async () => {
    await selectBackend({ forced: 'cpu' });
    const config = makeConfig({ ...small, densities: [0.1] });
    const engine = createTrainingEngine(config);
    const start = initialWeights(config, 0);
    const losses = engine.trainStep(true)!;
    const [engineLoss] = await losses.data();
    losses.dispose();
    engine.dispose();
    // The engine's first batch is the first batch of the instance's data stream.
    const { seed } = config;
    const sample = createInstanceData(0.1, config.n, config.batch, seed, STREAM.data(0.1)).next();
    expect(engineLoss).toBeCloseTo(batchLoss(start, sample, importances(config)), 5);
  });
});
