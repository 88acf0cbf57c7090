/**
 * The density curve's failed runs (src/model/failed-runs.ts), drawn as outliers: each run left out
 * of its level's bands is a cross at its own value on every panel, and its reasons are said in
 * words in the column's name, its tooltip and the list under the figure. Pure functions.
 */
import type { CurveLevel, CurveMetric, CurveOutlier } from '../../model/curve';
import { formatDensity, formatNumber, plural } from '../core/format';

/** One outlier mark of a panel: where it goes and what it says. */
export interface OutlierPoint {
  readonly density: number;
  readonly seed: number;
  readonly value: number;
  /** Why the run was left out, in words (describeOutlier). */
  readonly text: string;
}

/** The run's value of `metric`, or null (a loss the file did not evaluate). */
export function outlierValue(outlier: CurveOutlier, metric: CurveMetric): number | null {
  return outlier[metric];
}

/**
 * Why a run was left out, e.g. "seed 0 at 1 − S = 0.0132: output 7 is dead (constantly 0; it adds
 * 3.70× the clean solution's loss); eval loss 4.20× the clean solution's, over 2× its neighbours'
 * median".
 */
export function describeOutlier(outlier: CurveOutlier, density: number): string {
  const why = outlier.reasons.map((reason) => {
    if (reason === 'dead-output') {
      const outputs = outlier.deadOutputs;
      const listed = outputs.length > 5 ? `${outputs.slice(0, 5).join(', ')}, …` : outputs.join(', ');
      const which = outputs.length === 1 ? `output ${outputs[0]} is dead` : `${plural(outputs.length, 'output')} are dead (${listed})`;
      return `${which}: constantly 0, adding ${formatNumber(outlier.deadOutputExcess)}× the clean solution’s loss`;
    }
    // 2: failed-runs.ts LOSS_OUTLIER_FACTOR (a test holds the two together; viz imports no model values).
    const loss = outlier.lossOverClean === null ? '' : ` ${formatNumber(outlier.lossOverClean)}× the clean solution’s,`;
    return `eval loss${loss} over 2× the median of its neighbours’`;
  });
  return `seed ${outlier.seed} at 1 − S = ${formatDensity(density)}: ${why.join('; ')}`;
}

/** Every outlier of `levels` with a value for `metric`, densest first. */
export function outlierPoints(levels: readonly CurveLevel[], metric: CurveMetric): OutlierPoint[] {
  return levels.flatMap((level) =>
    level.outliers.flatMap((o) => {
      const value = outlierValue(o, metric);
      return value === null ? [] : [{ density: level.density, seed: o.seed, value, text: describeOutlier(o, level.density) }];
    }),
  );
}

/** The failed runs of a level in one sentence for its column ("Left out of the bands: …."), or '' when none. */
export function levelOutlierText(level: CurveLevel): string {
  if (level.outliers.length === 0) return '';
  return ` Left out of the bands as failed: ${level.outliers.map((o) => describeOutlier(o, level.density)).join('; ')}.`;
}
