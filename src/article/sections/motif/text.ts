/** The motif's sentences, shared by the motif section and a loaded model's findings. */
import type { MotifInstance } from '../../../model/analysis';
import { formatNumber } from '../../../viz/core/format';

/**
 * One motif instance in words, every number read off `motif`: "In motif 1, neuron 7 reads feature
 * a = 5 and, at 0.31 of that weight, feature b = 4; …". `name` is what the text calls it ("motif 1").
 */
export function motifSentence(motif: MotifInstance, name: string): string {
  const m = motif;
  return `In ${name}, neuron ${m.asymmetricNeuron} reads feature a = ${m.featureA} and, at ${formatNumber(m.inputRatio)} of that weight, feature b = ${m.featureB}. It writes b ${formatNumber(m.outputRatio, 1)} times as strongly as a, so a alone pushes ${formatNumber(m.interference)} onto b’s output; neuron ${m.inhibitionNeuron} takes back ${formatNumber(m.cancellation)} of it.`;
}
