/**
 * Which shipped sweep the figures show for the reader's budget and seed, and its levels summarised
 * over the budget's seeds: what the sweep figure, its table, the intro, the live caption, the
 * intermediate regime and the method all read.
 */
import type { SweepBudget } from '../state/budget';
import type { SweepSettings } from '../state/link-formats';
import { memo } from '../figures/view-parts';
import type { ShippedFile, ShippedModels } from './shipped-models';
import { type LevelSummary, summariseLevels } from './sweep-summary';

/** The shipped sweep the figure shows: its budget, the seed drawn, and every seed's file of that budget. */
export interface ShownSweep {
  readonly budget: SweepBudget;
  /** The file the panels draw (for the converged budget, the chosen seed's). */
  readonly drawn: ShippedFile;
  readonly seed: number;
  /** Every seed's file of the budget, in seed order (one for the replication budget). */
  readonly seeds: readonly ShippedFile[];
}

const convergedFiles = memo((models: ShippedModels): readonly ShippedFile[] => models.converged.map((s) => s.sweep));
const replicationFiles = memo((replication: ShippedFile): readonly ShippedFile[] => [replication]);

/**
 * The shipped sweep of `settings.budget`: the converged seed asked for (the first loaded if that
 * one did not load), or the replication sweep; null while it has not loaded.
 */
export function shownSweep(models: ShippedModels | undefined, replication: ShippedFile | null, settings: SweepSettings): ShownSweep | null {
  if (settings.budget === 'replication') {
    return replication
      ? { budget: 'replication', drawn: replication, seed: replication.file.config.seed, seeds: replicationFiles(replication) }
      : null;
  }
  const chosen = models?.converged.find((s) => s.seed === settings.sweepSeed) ?? models?.converged[0];
  if (!models || !chosen) return null;
  return { budget: 'converged', drawn: chosen.sweep, seed: chosen.seed, seeds: convergedFiles(models) };
}

/** Every level of a shipped budget, summarised over its seeds. */
export const shippedSummary = memo((seeds: readonly ShippedFile[]): LevelSummary[] =>
  summariseLevels(
    seeds.map((s) => s.models),
    seeds[0]!.file.config,
  ),
);

/** "the shipped converged models (seed 1)" or "the shipped replication-budget models". */
export function shippedSource(shown: Pick<ShownSweep, 'budget' | 'seed'>): string {
  return shown.budget === 'converged' ? `the shipped converged models (seed ${shown.seed})` : 'the shipped replication-budget models';
}
