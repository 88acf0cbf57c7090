/** Pure wording of <sweep-figure>'s panels. */
import { formatDensity, formatNumber } from '../core/format';
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

/**
 * The stacks a panel cuts at its robust y range (plotRange): the range, ± weight units, and each cut
 * stack's true height (its taller side), tallest first; null where every stack fits.
 */
export function clippedStacks(data: StackPlotData): { range: number; heights: number[]; neurons: number } | null {
  const heights = data.neurons.map(stackHeights);
  const { range, clipped } = plotRange(data, heights);
  if (!clipped) return null;
  const cut = heights
    .map((h) => Math.max(h.up, h.down))
    .filter((h) => h > range * (1 + 1e-9))
    .sort((a, b) => b - a);
  return { range, heights: cut, neurons: heights.length };
}

/**
 * For the figure's caption: what each clipped panel leaves out, with the cut stacks' heights as
 * the plots print them, e.g. "The 1 − S = 0.03 panel is drawn at ±2, which holds 39 of its 40
 * neurons; the one taller stack, 4.3 high, is cut at the edge with its height printed, so that one
 * neuron does not squeeze the others into the middle of the panel." '' where no panel clips.
 */
export function clipCaption(panels: readonly { readonly density: number; readonly data: StackPlotData }[]): string {
  return panels
    .flatMap((p) => {
      const clip = clippedStacks(p.data);
      if (!clip) return [];
      const n = clip.heights.length;
      const heights = clip.heights.map((h) => formatNumber(h, 1));
      const list = n === 1 ? heights[0] : `${heights.slice(0, -1).join(', ')} and ${heights.at(-1)}`;
      const which =
        n === 1
          ? `the one taller stack, ${list} high, is cut at the edge with its height printed, so that one neuron does not squeeze the others`
          : `the ${n} taller stacks, ${list} high, are cut at the edge with their heights printed, so that a few neurons do not squeeze the others`;
      return [
        `The ${densityTitle(p.density)} panel is drawn at ±${formatRangeTick(clip.range)}, which holds ${clip.neurons - n} of its ${clip.neurons} neurons; ${which} into the middle of the panel.`,
      ];
    })
    .join(' ');
}
