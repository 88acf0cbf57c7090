/**
 * Failed training runs, named (issue 25): a run whose model is broken in a way a median over seeds
 * would hide. Two signs, each a pure function of the files:
 *
 * - **A dead output that matters.** Output i is dead when its pre-activation is ≤ 0 with no feature
 *   active (b_i ≤ 0) and with any single feature active at full strength on either side
 *   (b_i + Σ_j W2[i,j]·ReLU(±W1[j,k]) ≤ 0 for every k): output i is constantly 0 on the inputs that
 *   make up most of sparse data, and the output ReLU passes it no gradient, so training never
 *   revives it. A dead output costs the feature's whole E[x_i²] = (1 − S)/3 of loss, weighted by
 *   I_i, where the clean 20×2 solution pays 0 (one of its ⌊m/2⌋ most important features) or
 *   (1 − S)/3 − (1 − S)²/4 (the others). The run is flagged when the dead outputs' excess over
 *   the clean solution is at least DEAD_OUTPUT_EXCESS (½) of the clean solution's whole loss: at
 *   1 − S = 0.0132 the older grid's seed 0 lost output 7 (excess 3.7× the clean loss, eval loss
 *   4.2×), while the converged models' dead outputs on unimportant features cost under 0.3×.
 * - **A loss far above its neighbours'.** Eval loss ÷ clean more than LOSS_OUTLIER_FACTOR (2×)
 *   the median of the other runs at its density and at the grid densities next to it.
 *
 * W1: [m, n] neuron-major; W2: [n, m] feature-major; b: [n]. Plain TypeScript.
 */
import { referenceLosses } from './evaluation';
import type { NetworkWeights } from './network';

/** Flag a run whose dead outputs add at least this fraction of the clean solution's loss. */
export const DEAD_OUTPUT_EXCESS = 0.5;
/** Flag a run whose eval loss ÷ clean exceeds this multiple of its neighbours' median. */
export const LOSS_OUTLIER_FACTOR = 2;

export type FailureReason = 'dead-output' | 'loss-outlier';

/**
 * The outputs that are 0 with no feature active and with any single feature active at ±1 (module
 * comment), ascending. By linearity of the pre-activation in each |x_k|, ±1 is the strongest
 * single-feature input on each side.
 */
export function deadOutputs(weights: NetworkWeights): number[] {
  const { W1, W2, b } = weights;
  const dead: number[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i]! > 0) continue;
    const out = W2[i]!;
    let lifted = false;
    for (let k = 0; k < b.length && !lifted; k++) {
      let up = b[i]!;
      let down = b[i]!;
      W1.forEach((row, j) => {
        const w = row[k]!;
        if (w > 0) up += out[j]! * w;
        else down -= out[j]! * w;
      });
      lifted = up > 0 || down > 0;
    }
    if (!lifted) dead.push(i);
  }
  return dead;
}

/**
 * The loss the dead outputs add over the clean 20×2 solution, in units of the clean solution's
 * loss at `density`: Σ_{i dead} I_i·[(1 − S)/3 − c_i] / clean, with c_i = 0 for the ⌊m/2⌋ most
 * important features and (1 − S)/3 − (1 − S)²/4 for the others. `importance` sorted as the model's
 * features (descending for the paper's I_i = 0.8^i).
 */
export function deadOutputExcess(
  dead: readonly number[],
  density: number,
  importance: ArrayLike<number>,
  m: number,
  cleanLoss: number,
): number {
  const pairs = Math.floor(m / 2);
  const byImportance = Array.from({ length: importance.length }, (_, i) => i).sort((a, c) => importance[c]! - importance[a]!);
  const computed = new Set(byImportance.slice(0, pairs));
  const full = density / 3;
  const constant = density / 3 - density ** 2 / 4;
  const excess = dead.reduce((sum, i) => sum + importance[i]! * (full - (computed.has(i) ? 0 : constant)), 0);
  return excess / cleanLoss;
}

/** What the failure check reads off one run. */
export interface RunLossSample {
  readonly density: number;
  readonly seed: number;
  /** Eval loss ÷ the clean solution's; null without an evaluation (never an outlier then). */
  readonly lossOverClean: number | null;
}

/**
 * The runs whose eval loss ÷ clean exceeds LOSS_OUTLIER_FACTOR × the median of their neighbours:
 * the other seeds at their density and every seed at the next denser and next sparser density of
 * the samples' grid. Returned as the indices of `samples`. A run with fewer than two neighbours
 * with an evaluation is never flagged.
 */
export function lossOutliers(samples: readonly RunLossSample[], factor = LOSS_OUTLIER_FACTOR): number[] {
  const grid = [...new Set(samples.map((s) => s.density))].sort((a, c) => c - a);
  const flagged: number[] = [];
  samples.forEach((s, index) => {
    if (s.lossOverClean === null) return;
    const k = grid.indexOf(s.density);
    const near = new Set([grid[k - 1], s.density, grid[k + 1]]);
    const neighbours = samples
      .filter((o, j) => j !== index && near.has(o.density) && o.lossOverClean !== null)
      .map((o) => o.lossOverClean!)
      .sort((a, c) => a - c);
    if (neighbours.length < 2) return;
    const mid = neighbours.length >> 1;
    const median = neighbours.length % 2 ? neighbours[mid]! : (neighbours[mid - 1]! + neighbours[mid]!) / 2;
    if (s.lossOverClean > factor * median) flagged.push(index);
  });
  return flagged;
}

/**
 * What the curve needs to flag a model with a dead output (curve.ts curveSample's `failure`): its
 * dead outputs and their excess loss over the clean solution of an m-neuron model, ÷ that loss.
 */
export function runFailure(
  weights: NetworkWeights,
  density: number,
  importance: ArrayLike<number>,
): { readonly deadOutputs: number[]; readonly deadOutputExcess: number } {
  const m = weights.W1.length;
  const dead = deadOutputs(weights);
  const { clean } = referenceLosses(density, importance, m);
  return { deadOutputs: dead, deadOutputExcess: deadOutputExcess(dead, density, importance, m, clean) };
}
