/**
 * A loaded model's stack plot with a bounded number of segments. A dense model at the import caps
 * (every one of 1,000 features weighted in each of 200 neurons) would draw 200,000 segments per
 * instance, almost all under a pixel tall: about 10 MB to send from the import worker and seconds
 * of main-thread layout and painting per plot. Each column keeps its SEGMENTS_PER_SIDE largest
 * weights on each side of the axis as segments of their own and draws the rest of that side as one
 * merged segment (outermost, in the no-value grey), so a plot draws at most
 * m · 2 · (SEGMENTS_PER_SIDE + 1) segments. Stack heights are unchanged, and so is the count of
 * features ≥ 10 % under each column. Pure.
 */
import type { NeuronFeatureWeight, StackPlotData, StackPlotNeuron } from '../../../viz/core/types';
import { formatCount } from '../../../viz/core/format';
import { CARRIED_FRACTION } from '../../../viz/stack-plot/stack-layout';

/** Segments drawn on each side of a column before the rest of that side is merged into one. */
export const SEGMENTS_PER_SIDE = 32;

/** The kept weights of one side (largest |inWeight| first, ties in feature order) and the rest merged. */
function boundSide(side: NeuronFeatureWeight[], perSide: number): NeuronFeatureWeight[] {
  if (side.length <= perSide) return side;
  side.sort((a, b) => Math.abs(b.inWeight) - Math.abs(a.inWeight) || a.feature - b.feature);
  const rest = side.slice(perSide);
  let inWeight = 0;
  let outWeight = 0;
  for (const w of rest) {
    inWeight += w.inWeight;
    outWeight += w.outWeight;
  }
  return [...side.slice(0, perSide), { feature: -1, inWeight, outWeight, merged: rest.length }];
}

/** One column bounded; the neuron itself where nothing needed merging. */
function boundNeuron(neuron: StackPlotNeuron, perSide: number): StackPlotNeuron {
  const finite = neuron.weights.filter((w) => Number.isFinite(w.inWeight));
  const up = finite.filter((w) => w.inWeight >= 0);
  const down = finite.filter((w) => w.inWeight < 0);
  if (up.length <= perSide && down.length <= perSide) return neuron;
  const carried = neuron.weights.filter((w) => Math.abs(w.inWeight) >= CARRIED_FRACTION).length;
  return { ...neuron, weights: [...boundSide(up, perSide), ...boundSide(down, perSide)], carried };
}

/**
 * `plot` with at most `perSide` segments per side of each column plus one merged segment for the
 * rest of that side; `merged` counts the features drawn inside merged segments (0: `plot` as it was).
 * Non-finite weights, which draw nothing, are left out of a bounded column.
 */
export function boundedStackPlot(
  plot: StackPlotData,
  perSide: number = SEGMENTS_PER_SIDE,
): { readonly plot: StackPlotData; readonly merged: number } {
  let merged = 0;
  const neurons = plot.neurons.map((neuron) => {
    const bounded = boundNeuron(neuron, perSide);
    for (const w of bounded === neuron ? [] : bounded.weights) merged += w.merged ?? 0;
    return bounded;
  });
  return merged === 0 ? { plot, merged } : { plot: { ...plot, neurons }, merged };
}

/** The caption's note on a bounded plot with `features` merged; empty when every weight has a segment of its own. */
export const mergedNote = (features: number): string =>
  features === 0
    ? ''
    : ` Each side of a column draws its ${SEGMENTS_PER_SIDE} largest weights; the smaller ones (${formatCount(features)} in all) are drawn together as one grey segment at its outer end.`;
