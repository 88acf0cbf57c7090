/** Pure wording of <sweep-figure>'s panels. */
import { formatDensity } from '../core/format';
import { stackHeights } from '../stack-plot/stack-layout';
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
