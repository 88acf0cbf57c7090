/** A curve sample for tests: a 40-neuron model with 10 monosemantic neurons and the clean loss, unless `fields` say otherwise. */
import type { CurveSample } from '../../../src/model/curve';

export const curveSampleOf = (density: number, seed: number, fields: Partial<CurveSample> = {}): CurveSample => ({
  density,
  seed,
  neurons: 40,
  monosemantic: 10,
  polysemantic: 30,
  featuresComputed: 20,
  featuresOneSide: 20,
  meanPolysemanticity: 0.3,
  lossOverClean: 1,
  lossOverZero: 0.01,
  ...fields,
});
