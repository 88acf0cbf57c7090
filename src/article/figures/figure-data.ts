/**
 * Turns analysis results into the shapes the figures draw. No numbers are made up here: every
 * value comes from a ModelAnalysis or a forward pass of the weights.
 */
import type { ModelAnalysis, MotifInstance, NeuronAnalysis } from '../../model/analysis';
import { inhibitionOwnFeature } from '../../model/analysis/motif';
import { singleFeatureResponse } from '../../model/analysis/response';
import type { NetworkWeights } from '../../model/network';
import type { MotifCloseupData, NeuronFeatureWeight, StackPlotData, StackPlotNeuron } from '../../viz/core/types';
import { formatNumber } from '../../viz/core/format';

/**
 * Weights below 1% of their neuron's largest are not drawn: under a pixel at the plots' sizes, and
 * skipping them cuts the rectangles to redraw per training report by 2–5× at middle densities.
 */
const DRAWN_WEIGHT = 0.01;

/**
 * The tallest stack the plot of these input weights draws (W1: m rows of n), in weight units after
 * the plot's rescaling, at least 1: the sum of a neuron's drawn |weights| on one side of the axis.
 * Equals stackDomain(stackPlotData(analysis)) without analysing the model, so a timeline can keep
 * it per frame.
 */
export function tallestStack(W1: readonly (ArrayLike<number> & Iterable<number>)[]): number {
  let tallest = 1;
  for (const row of W1) {
    let largest = 0;
    for (const v of row) largest = Math.max(largest, Math.abs(v));
    if (!(largest > 0)) continue;
    let up = 0;
    let down = 0;
    for (const v of row) {
      const w = v / largest;
      if (Math.abs(w) < DRAWN_WEIGHT || !Number.isFinite(w)) continue;
      if (w >= 0) up += w;
      else down -= w;
    }
    tallest = Math.max(tallest, up, down);
  }
  return tallest;
}

function neuronDescription(neuron: NeuronAnalysis): string {
  if (neuron.kind === 'dead') return `neuron ${neuron.neuron}: dead (writes nothing)`;
  const primary = `primary feature ${neuron.primary.feature} (${formatNumber(neuron.primary.weight)})`;
  if (neuron.kind === 'monosemantic') return `neuron ${neuron.neuron}: monosemantic; ${primary}`;
  const shown = neuron.secondary.slice(0, 5).map((s) => `${s.feature} (${formatNumber(s.weight)})`);
  const more = neuron.secondary.length > 5 ? ` and ${neuron.secondary.length - 5} more` : '';
  return `neuron ${neuron.neuron}: polysemantic (score ${formatNumber(neuron.polysemanticity)}); ${primary}; secondary ${shown.join(', ')}${more}`;
}

/** A highlighted neuron's labels: the long one, and a short one for narrow plots ("8 · A1"). */
export interface Highlight {
  readonly text: string;
  readonly short: string;
}

/**
 * Motif roles by neuron, for outlining in the stack plot: "neuron 8: motif 1, asymmetric" (short
 * "8 · A1") and "neuron 4: motif 1, inhibition" ("4 · I1"), with the model's neuron numbers, as the
 * motif text quotes them.
 */
export function motifHighlights(motifs: readonly MotifInstance[]): Map<number, Highlight> {
  const highlights = new Map<number, Highlight>();
  motifs.forEach((motif, k) => {
    const [a, i] = [motif.asymmetricNeuron, motif.inhibitionNeuron];
    highlights.set(a, { text: `neuron ${a}: motif ${k + 1}, asymmetric`, short: `${a} · A${k + 1}` });
    highlights.set(i, { text: `neuron ${i}: motif ${k + 1}, inhibition`, short: `${i} · I${k + 1}` });
  });
  return highlights;
}

/** How a plot's columns are ordered and how tall its y range is, when the caller keeps them steady. */
export interface PlotFrame {
  /**
   * 'importance': the analysis's order (the stack plot's). 'neuron': model order, 0 … m − 1, held
   * while a model trains. 'final': the order of `finalOrder`, the trained model's, for an earlier
   * snapshot of the same run.
   */
  readonly order?: 'importance' | 'neuron' | 'final';
  readonly finalOrder?: readonly number[];
  /** Half-range of the y axis, weight units (stack-scale.ts); by default the nice range of the tallest stack. */
  readonly yMax?: number;
}

/** The stack plot of one analysed model: its columns in the frame's order, highlights outlined. */
export function stackPlotData(
  analysis: ModelAnalysis,
  highlights: ReadonlyMap<number, Highlight> = new Map(),
  frame: PlotFrame = {},
): StackPlotData {
  const { W1, W2 } = analysis.normalised;
  const kind = frame.order ?? 'importance';
  const order =
    kind === 'neuron' ? analysis.neurons.map((_, j) => j) : kind === 'final' && frame.finalOrder ? frame.finalOrder : analysis.order;
  const neurons: StackPlotNeuron[] = order.map((j) => {
    const neuron = analysis.neurons[j]!;
    const weights: NeuronFeatureWeight[] = [];
    W1[j]!.forEach((inWeight, feature) => {
      if (Math.abs(inWeight) >= DRAWN_WEIGHT) weights.push({ feature, inWeight, outWeight: W2[feature]![j]! });
    });
    const highlight = highlights.get(j);
    return {
      neuron: j,
      polysemanticity: neuron.polysemanticity,
      kind: neuron.kind,
      description: neuronDescription(neuron),
      weights,
      ...(highlight ? { highlight: highlight.text, highlightShort: highlight.short } : {}),
    };
  });
  return {
    neurons,
    // A feature the model does not embed has no score (null): NaN draws it in the neutral colour and keeps it out of the counts.
    superposition: analysis.features.map((f) => f.superposition ?? Number.NaN),
    order: kind === 'final' && !frame.finalOrder ? 'importance' : kind,
    ...(frame.yMax !== undefined ? { yMax: frame.yMax } : {}),
  };
}

/** `normalised` is the plot's rescaled model (same function), so the bars match the stack plot. */
export function motifCloseupData(normalised: NetworkWeights, motif: MotifInstance, index: number): MotifCloseupData {
  const { featureA: a, featureB: b } = motif;
  const neuronWeights = (neuron: number) => ({
    neuron,
    inA: normalised.W1[neuron]![a]!,
    inB: normalised.W1[neuron]![b]!,
    outA: normalised.W2[a]![neuron]!,
    outB: normalised.W2[b]![neuron]!,
  });
  return {
    title: `Motif ${index + 1}: features a = ${a} and b = ${b}`,
    featureA: a,
    featureB: b,
    asymmetric: neuronWeights(motif.asymmetricNeuron),
    inhibition: neuronWeights(motif.inhibitionNeuron),
    inhibitionOwn: inhibitionOwnFeature(normalised, motif),
    otherInhibitors: motif.inhibitors.map((p) => p.neuron).filter((k) => k !== motif.inhibitionNeuron),
    response: singleFeatureResponse(normalised, a, b, motif.inhibitionNeuron),
  };
}
