/**
 * The density curve's layout and words, as pure functions: which panels it has, their y ranges,
 * how many columns fit, and the text alternative. <density-curve> draws what these return.
 */
import type { Band, CurveLevel, CurveMetric } from '../../model/curve';
import { formatDensity, formatNumber } from '../core/format';

/** One small multiple: a quantity against density. */
export interface CurvePanelSpec {
  readonly metric: CurveMetric;
  readonly title: string;
  /** Log y for losses, linear for counts and scores. */
  readonly log: boolean;
  /** Digits after the point in labels (0 for counts). */
  readonly digits: number;
}

export const CURVE_PANELS: readonly CurvePanelSpec[] = [
  { metric: 'monosemantic', title: 'monosemantic neurons (of 40)', log: false, digits: 0 },
  { metric: 'featuresComputed', title: 'features computed (both signs of |x_i|)', log: false, digits: 0 },
  { metric: 'meanPolysemanticity', title: 'mean polysemanticity (0: one feature per neuron)', log: false, digits: 2 },
  { metric: 'lossOverClean', title: 'eval loss ÷ clean 20×2 loss (log)', log: true, digits: 2 },
];

/** The zero model's loss over the clean solution's at each level, [lowest, highest]; null without evaluations. */
export function zeroOverCleanRange(levels: readonly CurveLevel[]): [number, number] | null {
  const ratios = levels.flatMap((l) => (l.lossOverClean && l.lossOverZero ? [l.lossOverClean.median / l.lossOverZero.median] : []));
  return ratios.length ? [Math.min(...ratios), Math.max(...ratios)] : null;
}

/** Two panels side by side where each gets at least 260 px, else one column. */
export function curveColumns(width: number): number {
  return width >= 2 * 260 + 40 ? 2 : 1;
}

export const bandOf = (level: CurveLevel, metric: CurveMetric): Band | null => level[metric];

/**
 * The y domain of a panel over every level drawn, [low, high]: counts from 0 to at least 40 (the
 * neurons) or 30 (features; high enough for the line of features with one sign or both too); the score from 0 to 1; the loss ratio, log, padded around the data (more above, for
 * the reference's label) and always holding 1 (the clean solution) so that the reference line shows.
 */
export function curveYDomain(spec: CurvePanelSpec, series: readonly (readonly CurveLevel[])[]): [number, number] {
  const bands = series.flatMap((levels) => levels.map((l) => bandOf(l, spec.metric)).filter((b): b is Band => b !== null));
  const high = Math.max(...bands.map((b) => b.max));
  switch (spec.metric) {
    case 'monosemantic':
      return [0, 40];
    case 'featuresComputed': {
      const oneSide = Math.max(...series.flatMap((levels) => levels.map((l) => l.featuresOneSide.max)));
      return [0, Math.max(30, Math.ceil(Math.max(high, oneSide) / 5) * 5)];
    }
    case 'meanPolysemanticity':
      return [0, 1];
    case 'lossOverClean': {
      const low = Math.min(1, ...bands.map((b) => b.min));
      // Room above the data for the reference line's label.
      return [low / 1.3, Math.max(1, high) * 2.2];
    }
  }
}

const range = (b: Band, digits: number): string =>
  b.min === b.max
    ? formatNumber(b.median, digits)
    : `${formatNumber(b.median, digits)} (${formatNumber(b.min, digits)}–${formatNumber(b.max, digits)})`;

/** One level in words: every panel's median and range over its seeds. */
export function describeLevel(level: CurveLevel): string {
  const parts = CURVE_PANELS.flatMap((spec) => {
    const b = bandOf(level, spec.metric);
    return b ? [`${spec.title.replace(/ \(.*\)$/, '')} ${range(b, spec.digits)}`] : [];
  });
  return `1 − S = ${formatDensity(level.density)}, ${level.seeds.length} seeds: ${parts.join('; ')}`;
}

/** The text alternative: what the axes are, then each panel from the densest level to the sparsest. */
export function describeCurve(levels: readonly CurveLevel[], replication: readonly CurveLevel[]): string {
  if (levels.length === 0) return 'The density curve has not loaded.';
  const first = levels[0]!;
  const last = levels.at(-1)!;
  const panels = CURVE_PANELS.flatMap((spec) => {
    const a = bandOf(first, spec.metric);
    const b = bandOf(last, spec.metric);
    return a && b
      ? [
          `${spec.title}: ${range(a, spec.digits)} at 1 − S = ${formatDensity(first.density)}, ${range(b, spec.digits)} at ${formatDensity(last.density)}`,
        ]
      : [];
  });
  const seeds = Math.max(...levels.map((l) => l.seeds.length));
  return (
    `Four panels against feature density 1 − S on a log axis from ${formatDensity(first.density)} to ${formatDensity(last.density)}, ` +
    `${levels.length} densities, median and min–max over ${seeds} seeds trained to convergence` +
    `${replication.length ? `, beside ${replication.length} models of the replication budget` : ''}. ${panels.join('. ')}. ` +
    'Each density is a focusable column; its numbers are read out on focus.'
  );
}
