/**
 * The model's nonlinearity as a value: its function and its derivative, in the spirit of
 * TF Playground's `Activations` (github.com/tensorflow/playground, src/nn.ts). Every float64 pass
 * (network.ts, evaluation.ts, the analysis) applies an `Activation` instead of writing ReLU out;
 * the TF.js engines look the same name up in src/training/activation-ops.ts for its tensor ops.
 *
 * ReLU is the only one offered. A configuration names its activation by `ActivationName`
 * (`ModelConfig.activation`, absent meaning ReLU, so no link or weights file changes).
 */

/** The names a configuration may give; the only one offered is ReLU. */
export type ActivationName = 'relu';

/** A scalar nonlinearity σ, applied to the hidden and the output pre-activations alike. */
export interface Activation {
  readonly name: ActivationName;
  /** How the article writes it ("ReLU"). */
  readonly label: string;
  /** σ(z). */
  readonly output: (z: number) => number;
  /**
   * σ′(z) at the pre-activation z. Where σ has no derivative the value is the one the training
   * gradients use (activation-ops.ts): for ReLU, σ′(0) = 0, as TF.js's step(0) is.
   */
  readonly derivative: (z: number) => number;
}

/**
 * ReLU(z) = max(z, 0), ReLU′(z) = 1 for z > 0 and 0 otherwise (0 at z = 0). `output` is
 * `Math.max(z, 0)` exactly, so a NaN pre-activation stays NaN, as it always has in the float64 passes.
 */
export const RELU: Activation = Object.freeze({
  name: 'relu',
  label: 'ReLU',
  output: (z: number): number => Math.max(z, 0),
  derivative: (z: number): number => (z > 0 ? 1 : 0),
});

/** Every activation by name. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = Object.freeze({ relu: RELU });

/** The activation of a configuration that names none: the paper's ReLU. */
export const DEFAULT_ACTIVATION: Activation = RELU;

/** Whether `value` names an offered activation (input from a link or a file is checked with this). */
export function isActivationName(value: unknown): value is ActivationName {
  return typeof value === 'string' && Object.hasOwn(ACTIVATIONS, value);
}

/**
 * The activation called `name`; absent gives `DEFAULT_ACTIVATION`. Throws a RangeError naming the
 * offered ones for any other name (validateConfig reports the same problem without throwing).
 */
export function activationByName(name: string | undefined): Activation {
  if (name === undefined) return DEFAULT_ACTIVATION;
  if (!isActivationName(name)) {
    throw new RangeError(
      `unknown activation ${JSON.stringify(name.slice(0, 40))}: the model offers ${Object.keys(ACTIVATIONS).join(', ')}`,
    );
  }
  return ACTIVATIONS[name];
}
