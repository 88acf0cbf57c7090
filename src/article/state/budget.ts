/**
 * The sweep figure's training budgets: the two shipped sweeps a reader can switch between, and
 * the seeds of the converged one. Declared once for the URL state, the control and the loader.
 */
import { SHIPPED_CONVERGED_SEEDS } from '../../model/weights-file';

/**
 * - 'converged': the converged recipe per level (src/model/recipe.ts), three seeds, the default.
 * - 'replication': the public replications' budget, one seed (10,000 steps of batch 1,024).
 */
export type SweepBudget = 'converged' | 'replication';
export const SWEEP_BUDGETS: readonly SweepBudget[] = ['converged', 'replication'];

/** The control's wording for each budget. */
export const BUDGET_LABELS: Readonly<Record<SweepBudget, string>> = Object.freeze({
  converged: 'trained to convergence',
  replication: 'as in the public replications (10,000 steps, batch 1,024)',
});

/** The seeds a link may ask the converged sweep figure to show: those shipped. */
export const SWEEP_SEED_LIMITS = { min: Math.min(...SHIPPED_CONVERGED_SEEDS), max: Math.max(...SHIPPED_CONVERGED_SEEDS) } as const;
