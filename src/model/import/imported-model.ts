/**
 * What a model file becomes once read: this page's layout (W1 [m, n] neuron-major, W2 [n, m],
 * b [n]) for every instance, what the file says about how it was trained, and how it was read.
 */
import type { NetworkWeights } from '../network';

export interface ImportedModel {
  /** Input features of every instance. */
  readonly n: number;
  /** Hidden neurons of every instance. */
  readonly m: number;
  /** One per instance: W1 [m][n], W2 [n][m], b [n], and b1 [m] when the file has a hidden bias. */
  readonly instances: readonly NetworkWeights[];
  /** The feature density 1 − S of each instance, where the file records it (else null). */
  readonly densities: readonly (number | null)[];
  /** The importance decay (I_i = decay^i), where the file records it or its importances are geometric. */
  readonly importanceDecay: number | null;
  /** The final training loss of each instance, where the file records it (else null). */
  readonly recordedLosses: readonly (number | null)[];
  /**
   * How the file was read, one plain-text sentence each: the format, which array was taken for
   * what, the orientation chosen and why, and anything assumed (a missing bias, a guessed axis).
   */
  readonly reading: readonly string[];
}

/** The result of reading a file: never an exception, so a bad file can only produce a message. */
export type ReadOutcome =
  | { readonly ok: true; readonly model: ImportedModel }
  | {
      readonly ok: false;
      /** One or two plain-text sentences naming what is wrong. */
      readonly error: string;
    };
