/**
 * The straightforward TF.js training loop (docs/performance.md), kept only as the benchmark's yardstick:
 * one batched 3-D matMul per layer, data from tf.randomUniform, autodiff and tf.train.adam.
 * Autodiff needs the gradient registry, which the engine does without: the caller registers it
 * (in Node by importing '@tensorflow/tfjs', whose bundle registers every gradient).
 */
import * as tf from '@tensorflow/tfjs-core';
import { importances, type ModelConfig } from '../src/model/config';

export class BaselineTrainer {
  private readonly W1: tf.Variable;
  private readonly W2: tf.Variable;
  private readonly b: tf.Variable;
  private readonly importance: tf.Tensor3D;
  private readonly density: tf.Tensor3D;
  private readonly optimizer: tf.AdamOptimizer;

  constructor(private readonly config: ModelConfig) {
    const { n, m, initStd } = config;
    const k = config.densities.length;
    this.W1 = tf.variable(tf.randomNormal([k, m, n], 0, initStd, 'float32', config.seed));
    this.W2 = tf.variable(tf.randomNormal([k, n, m], 0, initStd, 'float32', config.seed + 1));
    this.b = tf.variable(tf.zeros([k, 1, n]));
    this.importance = tf.tensor3d(Array.from(importances(config)), [1, 1, n]);
    this.density = tf.tensor3d([...config.densities], [k, 1, 1]);
    this.optimizer = tf.train.adam(config.learningRate, 0.9, 0.999, config.adamEpsilon);
  }

  trainStep(): void {
    const { n, batch } = this.config;
    const k = this.config.densities.length;
    tf.tidy(() => {
      this.optimizer.minimize(() => {
        const active = tf.less(tf.randomUniform([k, batch, n]), this.density);
        const x = tf.where(active, tf.randomUniform([k, batch, n], -1, 1), tf.zeros([k, batch, n]));
        const hidden = tf.relu(tf.matMul(x, this.W1, false, true));
        const output = tf.relu(tf.add(tf.matMul(hidden, this.W2, false, true), this.b));
        return tf.div(tf.sum(tf.mul(this.importance, tf.square(tf.sub(output, tf.abs(x))))), batch) as tf.Scalar;
      });
    });
  }

  async sync(): Promise<void> {
    await this.W1.data();
  }

  dispose(): void {
    this.optimizer.dispose();
    for (const t of [this.W1, this.W2, this.b, this.importance, this.density]) t.dispose();
  }
}
