/**
 * What the view functions share: memoisation on the analysis object, the stack-plot data a
 * model's analysis draws (plain, framed for a run, with motif highlights), and the one wording of
 * the counts.
 */
import type { ModelAnalysis, ModelCounts } from '../../model/analysis';
import { niceRange } from '../../viz/stack-plot/stack-scale';
import type { StackPlotData } from '../../viz/core/types';
import { plural } from '../../viz/core/format';
import { type Highlight, motifCloseupData, motifHighlights, type PlotFrame, stackPlotData, tallestStack } from './figure-data';

export function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

const NO_HIGHLIGHTS: ReadonlyMap<number, Highlight> = new Map();
const motifHighlightsOf = memo((analysis: ModelAnalysis) => motifHighlights(analysis.motifs));
/** Plot data per analysis and frame, so an unchanged frame hands the figure the same object and nothing redraws. */
const framedPlots = new WeakMap<ModelAnalysis, Map<string, StackPlotData>>();

/** The stack plot of `analysis` in `frame`'s order and y range; highlights the motifs where `motifs` is set. */
export function framedPlot(analysis: ModelAnalysis, frame: PlotFrame, motifs = false): StackPlotData {
  const key = `${frame.order ?? ''}|${frame.yMax ?? ''}|${frame.finalOrder?.join(',') ?? ''}|${motifs}`;
  let plots = framedPlots.get(analysis);
  if (!plots) {
    plots = new Map();
    framedPlots.set(analysis, plots);
  }
  let plot = plots.get(key);
  if (!plot) {
    plot = stackPlotData(analysis, motifs ? motifHighlightsOf(analysis) : NO_HIGHLIGHTS, frame);
    plots.set(key, plot);
  }
  return plot;
}

/** A trained model's plot: sorted by importance, its y range the nice range of its tallest stack. */
export const plotOf = memo((analysis: ModelAnalysis) => framedPlot(analysis, { yMax: niceRange(tallestStack(analysis.normalised.W1)) }));
export const motifPlotOf = memo((analysis: ModelAnalysis) =>
  framedPlot(analysis, { yMax: niceRange(tallestStack(analysis.normalised.W1)) }, true),
);
export const closeupsOf = memo((analysis: ModelAnalysis) => analysis.motifs.map((m, k) => motifCloseupData(analysis.normalised, m, k)));

/** "11 of 40 neurons monosemantic": the one wording of the count, in captions and sentences. */
export const monosemanticPhrase = (counts: ModelCounts): string =>
  `${counts.monosemantic} of ${plural(counts.neurons, 'neuron')} monosemantic`;

/** "11 of 40 neurons monosemantic; 19 features computed." */
export const countsSentence = (analysis: ModelAnalysis): string =>
  `${monosemanticPhrase(analysis.counts)}; ${plural(analysis.counts.representedFeatures, 'feature')} computed.`;
