/**
 * Turns analysis results into the shapes the figures draw. No numbers are made up here: every
 * value comes from a ModelAnalysis or a forward pass of the weights.
 */
import type { ModelAnalysis, MotifInstance, NeuronAnalysis } from '../model/analysis';
import { singleFeatureResponse } from '../model/analysis/response';
import type { NetworkWeights } from '../model/network';
import type { MotifCloseupData, NeuronFeatureWeight, StackPlotData, StackPlotNeuron } from '../viz/types';
import { formatNumber } from '../viz/format';

/**
 * Weights below 1% of their neuron's largest are not drawn: under a pixel at the plots' sizes, and
 * skipping them cuts the rectangles to redraw per training report by 2–5× at middle densities.
 */
const DRAWN_WEIGHT = 0.01;

function neuronDescription(neuron: NeuronAnalysis): string {
  if (neuron.kind === 'dead') return `neuron ${neuron.neuron}: dead (writes nothing)`;
  const primary = `primary feature ${neuron.primary.feature} (${formatNumber(neuron.primary.weight)})`;
  if (neuron.kind === 'monosemantic') return `neuron ${neuron.neuron}: monosemantic; ${primary}`;
  const shown = neuron.secondary.slice(0, 5).map((s) => `${s.feature} (${formatNumber(s.weight)})`);
  const more = neuron.secondary.length > 5 ? ` and ${neuron.secondary.length - 5} more` : '';
  return `neuron ${neuron.neuron}: polysemantic (score ${formatNumber(neuron.polysemanticity)}); ${primary}; secondary ${shown.join(', ')}${more}`;
}

/** Motif roles by neuron, for outlining in the stack plot. */
export function motifHighlights(motifs: readonly MotifInstance[]): Map<number, string> {
  const highlights = new Map<number, string>();
  motifs.forEach((motif, k) => {
    highlights.set(motif.asymmetricNeuron, `motif ${k + 1}: asymmetric`);
    highlights.set(motif.inhibitionNeuron, `motif ${k + 1}: inhibition`);
  });
  return highlights;
}

export function stackPlotData(analysis: ModelAnalysis, highlights: ReadonlyMap<number, string> = new Map()): StackPlotData {
  const { W1, W2 } = analysis.normalised;
  const neurons: StackPlotNeuron[] = analysis.order.map((j) => {
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
      ...(highlight ? { highlight } : {}),
    };
  });
  return { neurons, superposition: analysis.features.map((f) => f.superposition) };
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
    response: singleFeatureResponse(normalised, a, b, motif.inhibitionNeuron),
  };
}
