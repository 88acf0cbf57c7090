import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { importances, makeConfig, type ModelConfig } from '../../src/model/config';
import { createInstanceData } from '../../src/model/data';
import { batchLoss, type NetworkWeights } from '../../src/model/network';
import { STREAM } from '../../src/model/random';
import { selectBackend, type BackendName } from '../../src/training/backend';
import { initialWeights, SweepEngine } from '../../src/training/engine';
import { train } from '../../src/training/train';

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
    w.W1.forEach((row, j) => row.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - other.W1[j]![i]!)))));
    w.W2.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - other.W2[i]![j]!)))));
    w.b.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - other.b[i]!))));
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
      const engine = new SweepEngine(makeConfig({ ...small, steps: 5 }));
      for (let s = 0; s < 4; s++) engine.trainStep(false);
      const losses = engine.trainStep(true)!;
      await losses.data();
      losses.dispose();
      await engine.readWeights();
      engine.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports the same batch loss as the float64 reference', async () => {
    await selectBackend({ forced: 'cpu' });
    const config = makeConfig({ ...small, densities: [0.1] });
    const engine = new SweepEngine(config);
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
