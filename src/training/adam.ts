/**
 * Adam, written out so that each engine updates its own variables in place with an explicit
 * epsilon (tf.train.adam's default is 1e-4 on WebGL, where TF.js misreports the float precision;
 * docs/performance.md, "Half-precision GPUs").
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostStorage } from './host-memory';

const BETA1 = 0.9;
const BETA2 = 0.999;

/** A trainable tensor with its two moment estimates. */
export interface AdamSlot {
  readonly param: tf.Variable;
  readonly m: tf.Variable;
  readonly v: tf.Variable;
}

/** Takes ownership of `initial` (disposes it) and returns it as a variable with zero moments. */
function createAdamSlot(initial: tf.Tensor): AdamSlot {
  const param = tf.variable(initial, true);
  initial.dispose();
  const zeros = (): tf.Variable => {
    const value = tf.zerosLike(param);
    const variable = tf.variable(value, false);
    value.dispose();
    return variable;
  };
  return { param, m: zeros(), v: zeros() };
}

/** One slot per named tensor (taking ownership of each), and the variables by the same names. */
export function namedAdamSlots<Name extends string>(
  tensors: Partial<Record<Name, tf.Tensor>>,
): { slots: (readonly [Name, AdamSlot])[]; variables: Partial<Record<Name, tf.Variable>> } {
  const slots = (Object.keys(tensors) as Name[]).map((name) => [name, createAdamSlot(tensors[name]!)] as const);
  return { slots, variables: Object.fromEntries(slots.map(([name, slot]) => [name, slot.param])) as Partial<Record<Name, tf.Variable>> };
}

export function disposeAdamSlot(slot: AdamSlot): void {
  slot.param.dispose();
  slot.m.dispose();
  slot.v.dispose();
}

/** The step size and epsilon of one Adam step. */
export interface AdamStep {
  readonly stepSize: number;
  readonly correction2Sqrt: number;
  readonly epsilon: number;
}

/**
 * Counts a run's steps and Adam's own. A run resumed from weights (on another backend, say)
 * continues its step count but starts with fresh moments, so Adam's count restarts at 1.
 */
export class AdamClock {
  private adamSteps = 0;

  constructor(private runSteps: number) {}

  get step(): number {
    return this.runSteps;
  }

  /** Advances both counts; returns the step's size and epsilon, bias corrections folded in as in PyTorch. */
  tick(learningRate: number, epsilon: number): AdamStep {
    this.runSteps++;
    const t = ++this.adamSteps;
    return { stepSize: learningRate / (1 - BETA1 ** t), correction2Sqrt: Math.sqrt(1 - BETA2 ** t), epsilon };
  }
}

/** Updates the slot's moments and parameter with `gradient`. Call inside tf.tidy. */
export function applyAdam(slot: AdamSlot, gradient: tf.Tensor, step: AdamStep): void {
  slot.m.assign(tf.add(tf.mul(slot.m, BETA1), tf.mul(gradient, 1 - BETA1)));
  slot.v.assign(tf.add(tf.mul(slot.v, BETA2), tf.mul(tf.square(gradient), 1 - BETA2)));
  const denom = tf.add(tf.div(tf.sqrt(slot.v), step.correction2Sqrt), step.epsilon);
  slot.param.assign(tf.sub(slot.param, tf.mul(tf.div(slot.m, denom), step.stepSize)));
}

const f32 = Math.fround;
const BETA1_F32 = f32(BETA1);
const ONE_MINUS_BETA1_F32 = f32(1 - BETA1);
const BETA2_F32 = f32(BETA2);
const ONE_MINUS_BETA2_F32 = f32(1 - BETA2);

/**
 * applyAdam as one pass over host memory on the CPU backends: the same float32 operations in the
 * same order, each rounded with Math.fround as its kernel rounds, so the weights are bit for bit
 * those of applyAdam (the pinned hashes in tests/unit/training/reproducibility.test.ts), without
 * its 13 kernel dispatches per tensor (docs/engine-speed.md). The moments are written in place
 * (they own their storage: created from disposed tensors, never assigned, never a matMul operand).
 * The parameter gets a new tensor: wasm keys its packed matMul weights by tensor, so a weight
 * changed in place would be multiplied in its stale packed form. Call inside tf.tidy. Returns
 * false, having done nothing, on a backend whose tensors are not in host memory.
 */
export function applyAdamInPlace(slot: AdamSlot, gradient: tf.Tensor, step: AdamStep): boolean {
  const g = hostStorage(gradient);
  const param = hostStorage(slot.param);
  const m = hostStorage(slot.m);
  const v = hostStorage(slot.v);
  if (!g || !param || !m || !v) return false;
  const correction2Sqrt = f32(step.correction2Sqrt);
  const epsilon = f32(step.epsilon);
  const stepSize = f32(step.stepSize);
  const updated = new Float32Array(g.length);
  for (let k = 0; k < g.length; k++) {
    const gk = g[k]!;
    const mk = f32(f32(m[k]! * BETA1_F32) + f32(gk * ONE_MINUS_BETA1_F32));
    const vk = f32(f32(v[k]! * BETA2_F32) + f32(f32(gk * gk) * ONE_MINUS_BETA2_F32));
    m[k] = mk;
    v[k] = vk;
    const denom = f32(f32(f32(Math.sqrt(vk)) / correction2Sqrt) + epsilon);
    updated[k] = f32(param[k]! - f32(f32(mk / denom) * stepSize));
  }
  slot.param.assign(tf.tensor(updated, slot.param.shape, 'float32'));
  return true;
}
