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

/** How to read a lone array whose shape does not say what it is (ReadOptions.loneArray). */
export type LoneArrayReading = 'tied' | 'W1';

/**
 * A question the page can put to the reader when a file can be read in more than one way (a lone
 * [40, 100] array: W1, or the tied W?). The page offers the choices; reading the same files again
 * with `{ loneArray: choice.answer }` gives the answer's model or refusal.
 */
export interface ReadQuestion {
  /** The question, one plain-text sentence. */
  readonly text: string;
  readonly choices: readonly { readonly answer: LoneArrayReading; readonly label: string }[];
}

/** What the reader has told the page about the file (the answer to a ReadQuestion). */
export interface ReadOptions {
  readonly loneArray?: LoneArrayReading;
}

/** The result of reading a file: never an exception, so a bad file can only produce a message. */
export type ReadOutcome =
  | { readonly ok: true; readonly model: ImportedModel }
  | {
      readonly ok: false;
      /** One or two plain-text sentences naming what is wrong, or why the page will not guess. */
      readonly error: string;
      /** Present when the reader's answer would settle it: the page may ask instead of refusing. */
      readonly question?: ReadQuestion;
    };
