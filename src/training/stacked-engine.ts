/**
 * The engine for WebGL and WebGPU: every instance lives in one stacked tensor per parameter and
 * trains with one batched product per layer (stacked-gradients.ts) and one Adam update per
 * parameter, about 60 dispatches a step for the whole sweep. The data are the per-instance
 * engine's compacted batches, padded to a common row count with weight-0 rows (which add nothing
 * to the loss or the gradients), so both engines train the same models.
 */
import * as tf from '@tensorflow/tfjs-core';
import { importances, scheduledLearningRate, type ModelConfig } from '../model/config';
import { createInstanceData, type BatchGenerator, type SparseBatch } from '../model/data';
import type { NetworkWeights } from '../model/network';
import { STREAM } from '../model/random';
import { type ActivationOps, activationOps } from './activation-ops';
import { AdamClock, applyAdam, disposeAdamSlot, namedAdamSlots, type AdamSlot } from './adam';
import type { TrainingEngine } from './training-engine';
import { initialWeights } from './initial-weights';
import { stackedGradients, type StackedGradients, type StackedParams } from './stacked-gradients';
import { instanceWeights } from './stored-weights';

type ParamName = keyof StackedParams;

/** The engine's storage layout of every instance's weights, stacked: W1ᵀ [K, n, m], W2ᵀ [K, m, n], b [K, 1, n], b1 [K, 1, m]. */
function stackedTensors(weights: readonly NetworkWeights[], n: number, m: number): StackedParams<tf.Tensor> {
  const K = weights.length;
  const W1T = new Float32Array(K * n * m);
  const W2T = new Float32Array(K * m * n);
  const b = new Float32Array(K * n);
  const hasHiddenBias = weights[0]?.b1 !== undefined;
  const b1 = new Float32Array(K * m);
  weights.forEach((w, k) => {
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < n; i++) {
        W1T[k * n * m + i * m + j] = w.W1[j]![i]!;
        W2T[k * m * n + j * n + i] = w.W2[i]![j]!;
      }
      if (w.b1) b1[k * m + j] = w.b1[j]!;
    }
    b.set(w.b, k * n);
  });
  return {
    W1T: tf.tensor3d(W1T, [K, n, m]),
    W2T: tf.tensor3d(W2T, [K, m, n]),
    b: tf.tensor3d(b, [K, 1, n]),
    ...(hasHiddenBias ? { b1: tf.tensor3d(b1, [K, 1, m]) } : {}),
  };
}

export class StackedEngine implements TrainingEngine {
  readonly formulation = 'stacked';
  private readonly slots: readonly (readonly [ParamName, AdamSlot])[];
  private readonly params: StackedParams<tf.Variable>;
  private readonly data: readonly BatchGenerator[];
  private readonly importance: tf.Tensor3D;
  /** The nonlinearity's tensor ops, from `config.activation`. */
  private readonly activation: ActivationOps;
  /** Reused upload buffers, sized for the largest batch: [K, batch, n] and [K, batch, 1]. */
  private readonly x: Float32Array;
  private readonly rowScale: Float32Array;
  private readonly clock: AdamClock;
  private disposed = false;

  constructor(
    readonly config: ModelConfig,
    initial?: readonly NetworkWeights[],
    startStep = 0,
  ) {
    const { n, m, batch, densities } = config;
    this.clock = new AdamClock(startStep);
    this.activation = activationOps(config.activation);
    this.importance = tf.tensor3d(Array.from(importances(config)), [1, 1, n]);
    const weights = densities.map((_, k) => initial?.[k] ?? initialWeights(config, k));
    const tensors = stackedTensors(weights, n, m);
    const { slots, variables } = namedAdamSlots<ParamName>({ ...tensors });
    this.slots = slots;
    this.params = variables as StackedParams<tf.Variable>;
    this.data = densities.map((density) => createInstanceData(density, n, batch, config.seed, STREAM.data(density)));
    this.x = new Float32Array(densities.length * batch * n);
    this.rowScale = new Float32Array(densities.length * batch);
  }

  get step(): number {
    return this.clock.step;
  }

  /** This step's batches in the upload buffers, padded to the longest; returns the row count. */
  private fillBatch(): number {
    const samples: SparseBatch[] = this.data.map((generator) => generator.next());
    const rows = Math.max(...samples.map((s) => s.rows));
    const { n, batch } = this.config;
    samples.forEach((sample, k) => {
      this.x.set(sample.x, k * rows * n);
      this.x.fill(0, k * rows * n + sample.x.length, (k + 1) * rows * n);
      for (let r = 0; r < rows; r++) this.rowScale[k * rows + r] = r < sample.rows ? sample.rowWeights[r]! / batch : 0;
    });
    return rows;
  }

  trainStep(withLoss = false): tf.Tensor1D | null {
    if (this.disposed) throw new Error('engine used after dispose');
    const { adamEpsilon, n, densities } = this.config;
    const K = densities.length;
    const adam = this.clock.tick(scheduledLearningRate(this.config, this.clock.step), adamEpsilon);
    const rows = this.fillBatch();
    return (
      tf.tidy((): tf.Tensor1D | undefined => {
        const grads = stackedGradients(
          this.params,
          {
            x: tf.tensor3d(this.x.subarray(0, K * rows * n), [K, rows, n]),
            rowScale: tf.tensor3d(this.rowScale.subarray(0, K * rows), [K, rows, 1]),
          },
          this.importance,
          withLoss,
          this.activation,
        );
        for (const [name, slot] of this.slots) applyAdam(slot, grads[name as keyof StackedGradients] as tf.Tensor, adam);
        return grads.loss;
      }) ?? null
    );
  }

  async readWeights(): Promise<NetworkWeights[]> {
    const { n, m, densities } = this.config;
    const { params } = this;
    const [W1T, W2T, b, b1] = await Promise.all([
      params.W1T.data(),
      params.W2T.data(),
      params.b.data(),
      params.b1 ? params.b1.data() : Promise.resolve(null),
    ]);
    return densities.map((_, k) => instanceWeights({ W1T, W2T, b, b1 }, k, n, m));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.importance.dispose();
    for (const [, slot] of this.slots) disposeAdamSlot(slot);
  }
}
