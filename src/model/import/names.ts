/**
 * The array names the import reads and what each stands for (see layouts.ts for the layouts):
 * this page's and ARENA's W1/W2, TransformerLens-style W_in/W_out, Anthropic's tied W, and the
 * state_dict names of a model built from nn.Linear layers (fc1.weight [m, n], fc2.weight [n, m],
 * fc2.bias the output bias, fc1.bias the hidden bias).
 */

export type Role = 'input' | 'output' | 'tied' | 'outputBias' | 'hiddenBias' | 'density' | 'importance' | 'importanceDecay' | 'loss';

/**
 * Every array name the page reads, with its role: a Map, so that names such as `constructor` or
 * `__proto__` are unknown names rather than an Object's inherited members. `fc1.weight` and so on
 * are the state_dict names of a model built from nn.Linear(n, m) and nn.Linear(m, n).
 */
export const ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['W1', 'input'],
  ['W_in', 'input'],
  ['fc1.weight', 'input'],
  ['W2', 'output'],
  ['W_out', 'output'],
  ['fc2.weight', 'output'],
  ['W', 'tied'],
  ['b', 'outputBias'],
  ['b2', 'outputBias'],
  ['b_out', 'outputBias'],
  ['b_final', 'outputBias'],
  ['fc2.bias', 'outputBias'],
  ['b1', 'hiddenBias'],
  ['b_in', 'hiddenBias'],
  ['b_hidden', 'hiddenBias'],
  ['fc1.bias', 'hiddenBias'],
  ['density', 'density'],
  ['feature_probability', 'density'],
  ['importance', 'importance'],
  ['importance_decay', 'importanceDecay'],
  ['loss', 'loss'],
]);

/** The role of an array name, or undefined for a name the page does not read. */
export const roleOf = (name: string): Role | undefined => ROLES.get(name);

/** Whether a matrix's rows are neurons ([m, n]) or features ([n, m]). */
export type Rows = 'neurons' | 'features';

/** The orientation each name has in the code that uses it, for the one case shapes cannot decide (n = m). nn.Linear(n, m).weight is [m, n]. */
export const CONVENTION: ReadonlyMap<string, Rows> = new Map<string, Rows>([
  ['W1', 'neurons'],
  ['W_in', 'features'],
  ['fc1.weight', 'neurons'],
  ['W2', 'features'],
  ['W_out', 'neurons'],
  ['fc2.weight', 'features'],
  ['W', 'features'],
]);

/** The matrix that completes `name`'s pair: W1 ↔ W2, W_in ↔ W_out, fc1.weight ↔ fc2.weight. */
export const PARTNER: ReadonlyMap<string, string> = new Map([
  ['W1', 'W2'],
  ['W2', 'W1'],
  ['W_in', 'W_out'],
  ['W_out', 'W_in'],
  ['fc1.weight', 'fc2.weight'],
  ['fc2.weight', 'fc1.weight'],
]);

export const KNOWN_NAMES_SENTENCE =
  'It reads W1 and W2 (or W_in and W_out, fc1.weight and fc2.weight, or the tied W of Anthropic’s notebook), an output bias b (or b2, b_out, b_final, fc2.bias), optionally a hidden bias b1 (or b_in, b_hidden, fc1.bias), and the metadata density (or feature_probability), importance, importance_decay and loss.';
