import type { Formulation } from '../src/training/training-engine';

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (v: number): number => Number(v.toPrecision(3));

export const otherFormulation = (formulation: Formulation): Formulation => (formulation === 'stacked' ? 'per-instance' : 'stacked');

/**
 * One backend's sweep figures: the engine in the formulation that backend gets, the other
 * formulation where it was measured (what choosing it would have cost), and the straightforward
 * baseline; medians, ratios between medians of the same run, and the samples.
 */
export function engineReport(
  formulation: Formulation,
  engine: readonly number[],
  alternative: readonly number[],
  baseline: readonly number[],
) {
  const other = alternative.length > 0;
  return {
    formulation,
    engineStepsPerSecond: round(median(engine)),
    ...(other && { otherFormulationStepsPerSecond: round(median(alternative)) }),
    baselineStepsPerSecond: round(median(baseline)),
    engineOverBaseline: round(median(engine) / median(baseline)),
    ...(other && { engineOverOtherFormulation: round(median(engine) / median(alternative)) }),
    samples: { engine: engine.map(round), ...(other && { otherFormulation: alternative.map(round) }), baseline: baseline.map(round) },
  };
}
