/**
 * The shares activation-statistics.ts reports, from what a NeuronAccumulator gathered: per neuron
 * (top share, rest share, effective features below the top) and over the polysemantic neurons
 * (medians, pooled bin shares). Definitions in activation-statistics.ts's module comment.
 */
import type { ActivationTally, NeuronAccumulator } from './activation-accumulator';
import type { NeuronKind } from './neurons';

export interface NeuronShares {
  /** Activations counted (≥ the floor, or > 0 without it). */
  readonly counted: number;
  /** ceil(topFraction × counted). */
  readonly topCount: number;
  /** Share of the top activations dominated by the primary feature; NaN when none are counted. */
  readonly topPrimaryShare: number;
  /** Share of the other counted activations dominated by the primary; NaN when there are none. */
  readonly restPrimaryShare: number;
  /** 1 / Σ p_i² over the rest's dominant features; NaN when there are none. */
  readonly restEffectiveFeatures: number;
}

/** Lower edges of the bins of SPEC §7, in units of the neuron's largest weight; the last is open. */
export const SHARE_BIN_EDGES: readonly number[] = Object.freeze([0, 0.1, 0.2, 0.4, 0.7, 1]);

export interface BinShare {
  /** [from, to) in units of the neuron's largest weight; to = Infinity for the last. */
  readonly from: number;
  readonly to: number;
  readonly counted: number;
  /** Share dominated by the primary feature, pooled over the polysemantic neurons; NaN if empty. */
  readonly primaryShare: number;
}

export interface ShareMedians {
  readonly topPrimaryShare: number;
  readonly restPrimaryShare: number;
  readonly restEffectiveFeatures: number;
}

export interface ActivationSummary {
  /** The polysemantic neurons the medians are over (neurons.ts's 0.1 rule). */
  readonly polysemantic: readonly number[];
  readonly withFloor: ShareMedians;
  readonly withoutFloor: ShareMedians;
  readonly binShares: readonly BinShare[];
}

/** The shares of one tally for a neuron whose primary feature is `primary`. */
export function summariseNeuron(tally: ActivationTally, primary: number, topFraction: number): NeuronShares {
  const counted = tally.count;
  const topCount = Math.min(counted, Math.ceil(topFraction * counted));
  const top = tally.top.topFeatures(topCount);
  const rest = Float64Array.from(tally.byFeature);
  for (const f of top) rest[f]!--;
  const restCount = counted - topCount;
  let simpson = 0;
  for (const c of rest) simpson += (c / restCount) ** 2;
  return {
    counted,
    topCount,
    topPrimaryShare: topCount > 0 ? top.filter((f) => f === primary).length / topCount : Number.NaN,
    restPrimaryShare: restCount > 0 ? (rest[primary] ?? 0) / restCount : Number.NaN,
    restEffectiveFeatures: restCount > 0 ? 1 / simpson : Number.NaN,
  };
}

/** The median of the finite values (NaN when there are none). */
export function finiteMedian(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface SummarisedNeuron {
  readonly neuron: number;
  readonly kind: NeuronKind;
  readonly primary: number;
  readonly withFloor: NeuronShares;
  readonly withoutFloor: NeuronShares;
}

const medians = (shares: readonly NeuronShares[]): ShareMedians => ({
  topPrimaryShare: finiteMedian(shares.map((s) => s.topPrimaryShare)),
  restPrimaryShare: finiteMedian(shares.map((s) => s.restPrimaryShare)),
  restEffectiveFeatures: finiteMedian(shares.map((s) => s.restEffectiveFeatures)),
});

/** Medians over the polysemantic neurons, and their bin shares pooled from the accumulators' histograms. */
export function summarise(
  neurons: readonly SummarisedNeuron[],
  accumulators: readonly NeuronAccumulator[],
  binFraction: number,
): ActivationSummary {
  const poly = neurons.filter((s) => s.kind === 'polysemantic');
  const counted = new Float64Array(SHARE_BIN_EDGES.length);
  const primary = new Float64Array(SHARE_BIN_EDGES.length);
  for (const s of poly) {
    accumulators[s.neuron]!.bins.forEach((counts, k) => {
      // The bin's centre, in units of the neuron's largest weight: histogram bins nest in the share bins.
      const centre = (k + 0.5) * binFraction;
      let b = SHARE_BIN_EDGES.length - 1;
      while (b > 0 && centre < SHARE_BIN_EDGES[b]!) b--;
      for (const c of counts) counted[b]! += c;
      primary[b]! += counts[s.primary] ?? 0;
    });
  }
  return {
    polysemantic: poly.map((s) => s.neuron),
    withFloor: medians(poly.map((s) => s.withFloor)),
    withoutFloor: medians(poly.map((s) => s.withoutFloor)),
    binShares: SHARE_BIN_EDGES.map((from, b) => ({
      from,
      to: SHARE_BIN_EDGES[b + 1] ?? Number.POSITIVE_INFINITY,
      counted: counted[b]!,
      primaryShare: counted[b]! > 0 ? primary[b]! / counted[b]! : Number.NaN,
    })),
  };
}
