/**
 * Trains K independent instances of the model side by side (one per feature density) with Adam.
 * Owns its tensors: `dispose()` frees every one of them, so the tensor count is flat across
 * repeated trainings. Steps never read back; `readLosses` and `readWeights` are the only readbacks.
 */
import * as tf from '@tensorflow/tfjs-core';
import { importances, type ModelConfig } from '../model/config';
import { createInstanceData, type BatchGenerator } from '../model/data';
import type { NetworkWeights } from '../model/network';
import { createRng, STREAM } from '../model/random';
import { instanceGradients, type InstanceGradients, type InstanceParams } from './gradients';

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;

type ParamName = keyof InstanceParams;

interface AdamSlot {
  readonly param: tf.Variable;
  readonly m: tf.Variable;
  readonly v: tf.Variable;
}

interface Instance {
  readonly params: InstanceParams<tf.Variable>;
  readonly slots: readonly (readonly [ParamName, AdamSlot])[];
  readonly data: BatchGenerator;
}

function normalArray(length: number, std: number, seed: number, stream: number): Float32Array {
  const rng = createRng(seed, stream);
  const values = new Float32Array(length);
  for (let k = 0; k < length; k++) values[k] = rng.normal() * std;
  return values;
}

/** Initial weights of instance `index`: normal(0, initStd) W1 and W2, zero biases; depends only on seed and density. */
export function initialWeights(config: ModelConfig, index: number): NetworkWeights {
  const { n, m } = config;
  const values = normalArray(2 * n * m, config.initStd, config.seed, STREAM.init(config.densities[index]!));
  const W1 = Array.from({ length: m }, (_, j) => Array.from(values.subarray(j * n, (j + 1) * n)));
  const W2 = Array.from({ length: n }, (_, i) => Array.from(values.subarray(n * m + i * m, n * m + (i + 1) * m)));
  return { W1, W2, b: new Array<number>(n).fill(0), ...(config.hiddenBias ? { b1: new Array<number>(m).fill(0) } : {}) };
}

/** Tensors in the engine's storage layout (W1 and W2 transposed). */
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

export class SweepEngine {
  readonly config: ModelConfig;
  private readonly instances: Instance[];
  private readonly importance: tf.Tensor2D;
  private stepCount: number;
  /** Adam's own step count: it restarts with fresh moments when training resumes from weights. */
  private adamStep = 0;
  private disposed = false;

  /**
   * Starts from `initial` weights (one per density) if given, else from the seeded initialisation.
   * `startStep` continues a run elsewhere (another backend) at that step, with fresh Adam moments.
   */
  constructor(config: ModelConfig, initial?: readonly NetworkWeights[], startStep = 0) {
    this.config = config;
    this.stepCount = startStep;
    this.importance = tf.tensor2d(Array.from(importances(config)), [1, config.n]);
    this.instances = config.densities.map((density, index) => {
      const tensors = weightsToTensors(initial?.[index] ?? initialWeights(config, index));
      const params = Object.fromEntries(
        Object.entries(tensors).map(([name, t]) => {
          const variable = tf.variable(t, true);
          t.dispose();
          return [name, variable];
        }),
      ) as unknown as InstanceParams<tf.Variable>;
      const zerosLike = (name: ParamName): tf.Variable => {
        const zeros = tf.zerosLike(params[name]!);
        const variable = tf.variable(zeros, false);
        zeros.dispose();
        return variable;
      };
      const slots = (Object.keys(params) as ParamName[]).map(
        (name) => [name, { param: params[name]!, m: zerosLike(name), v: zerosLike(name) }] as const,
      );
      return {
        params,
        slots,
        data: createInstanceData(density, config.n, config.batch, config.seed, STREAM.data(density)),
      };
    });
  }

  get step(): number {
    return this.stepCount;
  }

  /**
   * One Adam step on every instance. With `withLoss`, returns the per-instance losses of this
   * step's batch as a [K] tensor the caller must dispose; nothing is read back here.
   */
  trainStep(withLoss = false): tf.Tensor1D | null {
    if (this.disposed) throw new Error('SweepEngine used after dispose');
    this.stepCount++;
    const t = ++this.adamStep;
    const { learningRate, adamEpsilon, batch } = this.config;
    // Bias corrections folded into the step size and epsilon, as in PyTorch's Adam.
    const correction1 = 1 - ADAM_BETA1 ** t;
    const correction2Sqrt = Math.sqrt(1 - ADAM_BETA2 ** t);
    const stepSize = learningRate / correction1;
    return tf.tidy((): tf.Tensor1D | undefined => {
      const losses: tf.Scalar[] = [];
      for (const instance of this.instances) {
        const sample = instance.data.next();
        const rowScale = new Float32Array(sample.rows);
        for (let r = 0; r < sample.rows; r++) rowScale[r] = sample.rowWeights[r]! / batch;
        const grads = instanceGradients(
          instance.params,
          {
            x: tf.tensor2d(sample.x, [sample.rows, sample.n]),
            xT: tf.tensor2d(sample.xT, [sample.n, sample.rows]),
            rowScale: tf.tensor2d(rowScale, [sample.rows, 1]),
          },
          this.importance,
          withLoss,
        );
        for (const [name, slot] of instance.slots) {
          const g = grads[name as keyof InstanceGradients] as tf.Tensor;
          slot.m.assign(tf.add(tf.mul(slot.m, ADAM_BETA1), tf.mul(g, 1 - ADAM_BETA1)));
          slot.v.assign(tf.add(tf.mul(slot.v, ADAM_BETA2), tf.mul(tf.square(g), 1 - ADAM_BETA2)));
          const denom = tf.add(tf.div(tf.sqrt(slot.v), correction2Sqrt), adamEpsilon);
          slot.param.assign(tf.sub(slot.param, tf.mul(tf.div(slot.m, denom), stepSize)));
        }
        if (grads.loss) losses.push(grads.loss);
      }
      return withLoss ? (tf.stack(losses) as tf.Tensor1D) : undefined;
    }) ?? null;
  }

  /** The current weights of every instance, read back asynchronously. */
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
        const W1 = Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => W1T[i * m + j]!));
        const W2 = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => W2T[j * n + i]!));
        return { W1, W2, b: Array.from(b), ...(b1 ? { b1: Array.from(b1) } : {}) };
      }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.importance.dispose();
    for (const instance of this.instances) {
      for (const [, slot] of instance.slots) {
        slot.param.dispose();
        slot.m.dispose();
        slot.v.dispose();
      }
    }
  }
}
