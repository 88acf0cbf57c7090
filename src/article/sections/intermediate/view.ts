/**
 * What the intermediate-regime section draws and states: the shown sweep's model at one middle
 * level, with the facts src/model/analysis/intermediate.ts reads off it.
 */
import { type IntermediateFacts, intermediateFacts } from '../../../model/analysis';
import type { StackPlotData } from '../../../viz/core/types';
import { memo, plotOf } from '../../figures/view-parts';
import type { ShippedFile } from '../../shipped/shipped-models';
import type { ShownSweep } from '../../shipped/shown-sweep';

/** The level the intermediate-regime section reads its facts from, and draws. */
export const INTERMEDIATE_DENSITY = 0.1;

export interface IntermediateView {
  readonly facts: IntermediateFacts;
  /** The model at INTERMEDIATE_DENSITY, drawn at full size so that its halves can be read. */
  readonly plot: StackPlotData;
  /** Which model it is: "the shipped converged model (seed 0)". */
  readonly source: string;
  /** Its budget and seed, stated on the plot (data-budget, data-seed; core/neuron-select.ts). */
  readonly budget: string;
  readonly seed: number;
}

const intermediateOf = memo((sweep: ShippedFile): Omit<IntermediateView, 'source' | 'budget' | 'seed'> | null => {
  const mid = sweep.models.find((model) => model.density === INTERMEDIATE_DENSITY);
  return mid ? { facts: intermediateFacts(mid.analysis, mid.density), plot: plotOf(mid.analysis) } : null;
});

/** Facts about the intermediate regime and its figure, from the shown sweep's model at INTERMEDIATE_DENSITY. */
export function intermediateView(shown: ShownSweep | null): IntermediateView | null {
  const view = shown ? intermediateOf(shown.drawn) : null;
  if (!view || !shown) return null;
  const source = shown.budget === 'converged' ? `the shipped converged model (seed ${shown.seed})` : 'the shipped replication-budget model';
  return { ...view, source, budget: shown.budget, seed: shown.budget === 'converged' ? shown.seed : Number.NaN };
}
