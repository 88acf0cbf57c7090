/** The motif's sentences, shared by the motif section and a loaded model's findings. */
import type { MotifInstance } from '../../../model/analysis';
import { formatNumber } from '../../../viz/core/format';

/**
 * One motif instance in words, every number read off `motif`: "In motif 1, neuron 8 is the
 * asymmetric neuron: it reads feature 5 (a) at full weight and feature 4 (b) at 0.31, …". `name` is
 * what the text calls it ("motif 1").
 */
export function motifSentence(motif: MotifInstance, name: string): string {
  const m = motif;
  return `In ${name}, neuron ${m.asymmetricNeuron} is the asymmetric neuron: it reads feature ${m.featureA} (a) at full weight and feature ${m.featureB} (b) at ${formatNumber(m.inputRatio)}, and writes onto b’s output ${formatNumber(m.outputRatio, 1)} times as strongly as onto a’s. So feature ${m.featureA} alone pushes ${formatNumber(m.interference)} onto output ${m.featureB}, and the inhibition neuron, neuron ${m.inhibitionNeuron}, takes back ${formatNumber(m.cancellation)} of it.`;
}
