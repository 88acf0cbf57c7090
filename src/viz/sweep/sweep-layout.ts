/** Pure wording of <sweep-figure>'s panels. */
import { formatDensity } from '../core/format';
import { carriedFeatures, stackHeights } from '../stack-plot/stack-layout';
import { formatRangeTick, plotRange } from '../stack-plot/stack-scale';
import type { StackPlotData } from '../core/types';

/** "1 − S = 0.03": the density as the paper writes it, with a true minus sign and no float noise. */
export function densityTitle(density: number): string {
  return `1 − S = ${formatDensity(density)}`;
}

/** Accessible name of one panel's stack plot. */
export function panelLabel(density: number, caption: string): string {
  const title = `Neuron weights at feature density ${densityTitle(density)}`;
  return caption ? `${title}: ${caption}` : title;
}

/**
 * What a panel says about its scale where its y range clips stacks (plotRange, stack-scale.ts), '' where
 * every stack fits, e.g. "y range ±1.5 holds 9 in 10 neurons; 1 taller stack cut, its height printed".
 */
export function clipNote(data: StackPlotData): string {
  const heights = data.neurons.map(stackHeights);
  const { range, clipped } = plotRange(data, heights);
  if (!clipped) return '';
  const cut = heights.filter((h) => Math.max(h.up, h.down) > range * (1 + 1e-9)).length;
  const stacks = cut === 1 ? '1 taller stack cut, its height printed' : `${cut} taller stacks cut, heights printed`;
  return `y range ±${formatRangeTick(range)} holds 9 in 10 neurons; ${stacks}`;
}

/**
 * How many features each neuron of a panel carries (≥ 10 % of its largest weight, carriedFeatures):
 * "1 feature per neuron", or the median and range, "features ≥ 10 % per neuron: median 11, 5–25";
 * '' for no neurons. It tells apart sparse panels whose stacks look alike.
 */
export function carriedNote(data: StackPlotData): string {
  const counts = data.neurons.map(carriedFeatures).sort((a, b) => a - b);
  if (counts.length === 0) return '';
  const [low, high] = [counts[0]!, counts.at(-1)!];
  if (high <= 1) return `${low === high ? '1 feature' : 'at most 1 feature'} ≥ 10 % per neuron`;
  const median = counts[Math.floor((counts.length - 1) / 2)]!;
  return `features ≥ 10 % per neuron: median ${median}, ${low}–${high}`;
}

/** The lines a panel writes under its caption: the count of features per neuron, and the clipped range where there is one. */
export function panelNotes(data: StackPlotData): string[] {
  return [carriedNote(data), clipNote(data)].filter(Boolean);
}
