/** The motif's sentences, shared by the motif section and a loaded model's findings. */
import type { MotifInstance } from '../../../model/analysis';
import { formatNumber } from '../../../viz/core/format';

/**
 * One motif instance in words, every number read off `motif`: "In motif 1, neuron 8 is the
 * asymmetric neuron: it reads feature 5 (a) at full strength (weight −1.00) and feature 4 (b) at
 * weight 0.31, …", the weights signed as the figure's bars show them (W1 normalised by |W1[j,a]|).
 * Where j reads a's negative side, "feature a alone" is said at xₐ = −1, the input the pushes are
 * measured on. `name` is what the text calls it ("motif 1").
 */
export function motifSentence(motif: MotifInstance, name: string): string {
  const m = motif;
  const w = m.asymmetricWeights;
  const alone = m.signA < 0 ? ` at xₐ = −1 (the side neuron ${m.asymmetricNeuron} reads)` : '';
  return `In ${name}, neuron ${m.asymmetricNeuron} is the asymmetric neuron: it reads feature ${m.featureA} (a) at full strength (weight ${formatNumber(w.inA)}) and feature ${m.featureB} (b) at weight ${formatNumber(w.inB)}, and writes onto b’s output ${formatNumber(m.outputRatio, 1)} times as strongly as onto a’s. So feature ${m.featureA} alone${alone} pushes ${formatNumber(m.interference)} onto output ${m.featureB}, and the inhibition neuron, neuron ${m.inhibitionNeuron}, takes back ${formatNumber(m.cancellation)} of it.`;
}
