/** Counting the kernels a training step dispatches, for the benchmark and the engine tests. */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../src/model/config';
import { createTrainingEngine } from '../src/training/engine';
import type { Formulation } from '../src/training/training-engine';

/**
 * Kernels one training step dispatches in `formulation` on the active backend, counted with
 * tf.profile after a first step: what a GPU backend pays for per step, whatever the hardware.
 */
export async function kernelsPerStep(config: ModelConfig, formulation: Formulation): Promise<number> {
  const engine = createTrainingEngine(config, { formulation });
  try {
    engine.trainStep(false);
    const profile = await tf.profile(() => void engine.trainStep(false));
    return profile.kernels.length;
  } finally {
    engine.dispose();
  }
}
