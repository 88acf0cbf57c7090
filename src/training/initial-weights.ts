/** The seeded starting point of every instance, shared by both engine formulations. */
import type { ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import { createRng, STREAM } from '../model/random';

function normalArray(length: number, std: number, seed: number, stream: number): Float32Array {
  const rng = createRng(seed, stream);
  const values = new Float32Array(length);
  for (let k = 0; k < length; k++) values[k] = rng.normal() * std;
  return values;
}

/**
 * Initial weights of instance `index`: normal(0, initStd) W1 and W2, output bias `outputBiasInit`
 * (0 unless set), zero hidden bias; depends only on seed and density.
 */
export function initialWeights(config: ModelConfig, index: number): NetworkWeights {
  const { n, m } = config;
  const values = normalArray(2 * n * m, config.initStd, config.seed, STREAM.init(config.densities[index]!));
  const W1 = Array.from({ length: m }, (_, j) => Array.from(values.subarray(j * n, (j + 1) * n)));
  const W2 = Array.from({ length: n }, (_, i) => Array.from(values.subarray(n * m + i * m, n * m + (i + 1) * m)));
  return {
    W1,
    W2,
    b: new Array<number>(n).fill(config.outputBiasInit ?? 0),
    ...(config.hiddenBias ? { b1: new Array<number>(m).fill(0) } : {}),
  };
}
