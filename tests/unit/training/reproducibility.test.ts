/**
 * A permalink must train the same model after any refactor: the paper sweep's weights after 300
 * wasm steps (seed 0) hash to a pinned value. A change to the data stream, the initialisation or
 * the order of the engine's float operations shows here first.
 */
import { createHash } from 'node:crypto';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, makeConfig, PAPER_DENSITIES } from '../../../src/model/config';
import type { NetworkWeights } from '../../../src/model/network';
import { CONVERGED_RECIPE, recipeConfig } from '../../../src/model/recipe';
import { train } from '../../../src/training/train';

/** sha-256 of every weight as float64, instance by instance (W1 rows, W2 rows, b), first 16 hex digits. */
function weightsHash(weights: readonly NetworkWeights[]): string {
  const hash = createHash('sha256');
  for (const w of weights) for (const row of [...w.W1, ...w.W2, w.b]) hash.update(new Uint8Array(new Float64Array(row).buffer));
  return hash.digest('hex').slice(0, 16);
}

describe('reproducibility on wasm', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('the paper sweep after 300 steps (seed 0) has the pinned weights', { timeout: 120_000 }, async () => {
    const outcome = await train(makeConfig({ densities: [...PAPER_DENSITIES], steps: 300, seed: 0 }));
    if (outcome.status !== 'completed') throw new Error(`training ended ${outcome.status}`);
    expect(weightsHash(outcome.weights)).toBe('25f9f538adba4d42');
  });

  it('the converged recipe, 520 steps a level (warmup, then decay; seed 0), has the pinned weights', { timeout: 300_000 }, async () => {
    // 520 steps: the 500 warmup steps and the start of each schedule's decay (wsd decays over its last quarter).
    const weights: NetworkWeights[] = [];
    for (const level of CONVERGED_RECIPE.levels) {
      const outcome = await train(makeConfig(recipeConfig({ ...level, steps: 520 }, { ...DEFAULT_CONFIG, seed: 0 })));
      if (outcome.status !== 'completed') throw new Error(`training ended ${outcome.status}`);
      weights.push(...outcome.weights);
    }
    expect(weightsHash(weights)).toBe('93dbd3a86845c7ed');
  });
});
