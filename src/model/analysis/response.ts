/**
 * The response of outputs a and b to input a alone, x = t·e_a for t across [−1, 1], with the whole
 * model and with one neuron silenced: what the motif figure plots to show interference and its
 * cancellation.
 */
import { forward, type NetworkWeights } from '../network';

export interface ResponsePoint {
  readonly xa: number;
  readonly outAWith: number;
  readonly outBWith: number;
  readonly outAWithout: number;
  readonly outBWithout: number;
}

/** The same function with neuron `neuron` removed (its output weights zeroed). */
export function silenceNeuron(weights: NetworkWeights, neuron: number): NetworkWeights {
  return { ...weights, W2: weights.W2.map((row) => row.map((w, j) => (j === neuron ? 0 : w))) };
}

export function singleFeatureResponse(
  weights: NetworkWeights,
  featureA: number,
  featureB: number,
  silenced: number,
  points = 41,
): ResponsePoint[] {
  const without = silenceNeuron(weights, silenced);
  const n = weights.W2.length;
  return Array.from({ length: points }, (_, k) => {
    const xa = -1 + (2 * k) / (points - 1);
    const x = new Float64Array(n);
    x[featureA] = xa;
    const full = forward(weights, x).output;
    const reduced = forward(without, x).output;
    return { xa, outAWith: full[featureA]!, outBWith: full[featureB]!, outAWithout: reduced[featureA]!, outBWithout: reduced[featureB]! };
  });
}
