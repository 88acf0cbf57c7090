/**
 * What a training engine is, apart from which one: the interface both formulations implement
 * (per-instance-engine.ts, stacked-engine.ts) and the options that create one (engine.ts). Its own
 * module so that the engines and the factory that chooses between them import it without
 * importing each other.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';

/** The two formulations of the same arithmetic (engine.ts says which backend gets which). */
export type Formulation = 'per-instance' | 'stacked';

/** K instances of the model, one per density of `config`, trained side by side with Adam. */
export interface TrainingEngine {
  readonly config: ModelConfig;
  readonly formulation: Formulation;
  /** Steps taken, counting from the start step of a resumed run. */
  readonly step: number;
  /**
   * One Adam step on every instance. With `withLoss`, returns the per-instance losses of this
   * step's batch as a [K] tensor the caller must dispose.
   */
  trainStep(withLoss?: boolean): tf.Tensor1D | null;
  /** The current weights of every instance, read back asynchronously. */
  readWeights(): Promise<NetworkWeights[]>;
  dispose(): void;
}

export interface EngineOptions {
  /** Start from these weights (one per density) instead of the seeded initialisation. */
  readonly initial?: readonly NetworkWeights[];
  /** Continue a run from elsewhere (another backend) at this step, with fresh Adam moments. */
  readonly startStep?: number;
  /** Defaults to the one that suits the active backend and renderer. */
  readonly formulation?: Formulation;
}
