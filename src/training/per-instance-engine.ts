/**
 * The engine for wasm and cpu: each instance trains with its own 2-D products on its own
 * compacted batch (sparse levels send only their examples with an active feature plus one
 * weighted zero row), the backward pass written by hand so every matMul takes XNNPACK's fast
 * path (gradients.ts). Where tensors live in host memory (wasm, cpu; host-memory.ts), Adam is one
 * JavaScript pass instead of 13 kernels a tensor, and below density 0.05 the two products with x
 * visit only its non-zeros: 20–26 kernels a step instead of 65, the same floats
 * (docs/engine-speed.md).
 */
import * as tf from '@tensorflow/tfjs-core';
import { importances, scheduledLearningRate, type ModelConfig } from '../model/config';
import { createInstanceData, type BatchGenerator } from '../model/data';
import type { NetworkWeights } from '../model/network';
import { STREAM } from '../model/random';
import { type ActivationOps, activationOps } from './activation-ops';
import { AdamClock, applyAdam, applyAdamInPlace, disposeAdamSlot, namedAdamSlots, type AdamSlot } from './adam';
import type { TrainingEngine } from './training-engine';
import { instanceGradients, type InstanceGradients, type InstanceParams, type SparseInputs } from './gradients';
import { hostMemoryBackend } from './host-memory';
import { initialWeights } from './initial-weights';
import { instanceWeights } from './stored-weights';

type ParamName = keyof InstanceParams;

interface Instance {
  readonly params: InstanceParams<tf.Variable>;
  readonly slots: readonly (readonly [ParamName, AdamSlot])[];
  readonly data: BatchGenerator;
  /** The sparse products' scratch arrays (gradients.ts, SparseInputs) where the instance takes them, else null. */
  readonly sparseScratch: Pick<SparseInputs, 'hiddenScratch' | 'gradientScratch'> | null;
}

/**
 * Below this density the products with x run as loops over its non-zeros (gradients.ts). The loops
 * are scalar and XNNPACK's products are SIMD: measured against each other in Node, the loops win
 * at 0.03 (about 3 active features in 100) and lose at 0.1 (about 10), by a quarter of the step
 * (docs/engine-speed.md).
 */
export const SPARSE_PRODUCTS_BELOW_DENSITY = 0.05;

/** Tensors in this engine's storage layout (W1 and W2 transposed). */
export function weightsToTensors(weights: NetworkWeights): InstanceParams<tf.Tensor> {
  const W1T = tf.tidy(() => tf.transpose(tf.tensor2d(weights.W1 as number[][])));
  const W2T = tf.tidy(() => tf.transpose(tf.tensor2d(weights.W2 as number[][])));
  return {
    W1T,
    W2T,
    b: tf.tensor1d(weights.b as number[]),
    ...(weights.b1 ? { b1: tf.tensor1d(weights.b1 as number[]) } : {}),
  };
}

export class PerInstanceEngine implements TrainingEngine {
  readonly formulation = 'per-instance';
  private readonly instances: Instance[];
  private readonly importance: tf.Tensor2D;
  /** The nonlinearity's tensor ops, from `config.activation`. */
  private readonly activation: ActivationOps;
  private readonly clock: AdamClock;
  private disposed = false;

  constructor(
    readonly config: ModelConfig,
    initial?: readonly NetworkWeights[],
    startStep = 0,
  ) {
    this.clock = new AdamClock(startStep);
    this.activation = activationOps(config.activation);
    this.importance = tf.tensor2d(Array.from(importances(config)), [1, config.n]);
    const hostMemory = hostMemoryBackend();
    this.instances = config.densities.map((density, index) => {
      const tensors = weightsToTensors(initial?.[index] ?? initialWeights(config, index));
      const { slots, variables } = namedAdamSlots<ParamName>({ ...tensors });
      return {
        params: variables as InstanceParams<tf.Variable>,
        slots,
        data: createInstanceData(density, config.n, config.batch, config.seed, STREAM.data(density)),
        sparseScratch:
          hostMemory && density < SPARSE_PRODUCTS_BELOW_DENSITY
            ? { hiddenScratch: new Float32Array(config.batch * config.m), gradientScratch: new Float32Array(config.n * config.m) }
            : null,
      };
    });
  }

  get step(): number {
    return this.clock.step;
  }

  trainStep(withLoss = false): tf.Tensor1D | null {
    if (this.disposed) throw new Error('engine used after dispose');
    const { adamEpsilon, batch } = this.config;
    const adam = this.clock.tick(scheduledLearningRate(this.config, this.clock.step), adamEpsilon);
    return (
      tf.tidy((): tf.Tensor1D | undefined => {
        const losses: tf.Scalar[] = [];
        for (const instance of this.instances) {
          const sample = instance.data.next();
          const rowScale = new Float32Array(sample.rows);
          for (let r = 0; r < sample.rows; r++) rowScale[r] = sample.rowWeights[r]! / batch;
          const x = tf.tensor2d(sample.x, [sample.rows, sample.n]);
          const rowScaleTensor = tf.tensor2d(rowScale, [sample.rows, 1]);
          const grads = instanceGradients(
            instance.params,
            instance.sparseScratch && sample.nonZeros
              ? { x, rowScale: rowScaleTensor, sparse: { x: sample.x, nonZeros: sample.nonZeros, ...instance.sparseScratch } }
              : { x, xT: tf.tensor2d(sample.xT, [sample.n, sample.rows]), rowScale: rowScaleTensor },
            this.importance,
            withLoss,
            this.activation,
          );
          for (const [name, slot] of instance.slots) {
            const gradient = grads[name as keyof InstanceGradients] as tf.Tensor;
            if (!applyAdamInPlace(slot, gradient, adam)) applyAdam(slot, gradient, adam);
          }
          if (grads.loss) losses.push(grads.loss);
        }
        return withLoss ? (tf.stack(losses) as tf.Tensor1D) : undefined;
      }) ?? null
    );
  }

  async readWeights(): Promise<NetworkWeights[]> {
    const { n, m } = this.config;
    return Promise.all(
      this.instances.map(async ({ params }) => {
        const [W1T, W2T, b, b1] = await Promise.all([
          params.W1T.data(),
          params.W2T.data(),
          params.b.data(),
          params.b1 ? params.b1.data() : Promise.resolve(null),
        ]);
        return instanceWeights({ W1T, W2T, b, b1 }, 0, n, m);
      }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.importance.dispose();
    for (const instance of this.instances) for (const [, slot] of instance.slots) disposeAdamSlot(slot);
  }
}
