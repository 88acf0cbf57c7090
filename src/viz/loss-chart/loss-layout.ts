/** Pure data handling of <loss-chart>: what a log axis can show, the domains, the line colours. */
import { rgb, schemeTableau10 } from 'd3';
import { formatLoss } from '../core/format';
import type { LossSeries } from '../core/types';

/** One point of a loss curve: training step and loss (unitless, > 0 to be drawn on the log axis). */
export type LossPoint = readonly [step: number, loss: number];

/** Points a log-scale y axis can draw: finite steps and finite, strictly positive losses. */
export function drawablePoints(series: LossSeries): LossPoint[] {
  return series.points.filter(([step, loss]) => Number.isFinite(step) && Number.isFinite(loss) && loss > 0);
}

/** The chart's axis domains: x in training steps, y in loss, both [low, high]. */
export interface LossDomains {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/**
 * x from step 0 (or the first step, if earlier) to the last step, or to `lastStep` when the run is
 * known to go that far (the line then grows across a fixed axis); y spanning the drawable losses,
 * widened to whole decades so log ticks land on round numbers. Empty input gets a placeholder
 * domain so the axes still draw.
 */
export function lossDomains(series: readonly LossSeries[], lastStep = 0): LossDomains {
  let xMin = 0;
  let xMax = Number.isFinite(lastStep) ? Math.max(0, lastStep) : 0;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
    for (const [step, loss] of drawablePoints(s)) {
      xMin = Math.min(xMin, step);
      xMax = Math.max(xMax, step);
      yMin = Math.min(yMin, loss);
      yMax = Math.max(yMax, loss);
    }
  }
  if (xMax <= xMin) xMax = xMin + 1;
  if (!Number.isFinite(yMin)) return { x: [xMin, xMax], y: [1e-3, 1] };
  const lo = 10 ** Math.floor(Math.log10(yMin));
  let hi = 10 ** Math.ceil(Math.log10(yMax));
  if (hi <= lo) hi = lo * 10;
  return { x: [xMin, xMax], y: [lo, hi] };
}

/**
 * The loss chart's text alternative: the last drawable loss of each series, e.g.
 * "1 − S = 0.1: loss 2.13e-3 at step 100; empty: no losses yet."
 */
export function describeLossChart(series: readonly LossSeries[]): string {
  if (series.length === 0) return 'No losses recorded yet.';
  return series
    .map((s) => {
      const points = drawablePoints(s);
      const last = points[points.length - 1];
      return last ? `${s.label}: loss ${formatLoss(last[1])} at step ${last[0]}` : `${s.label}: no losses yet`;
    })
    .join('; ')
    .concat('.');
}

/** WCAG contrast ratio of a colour against white. */
export function contrastOnWhite(colour: string): number {
  const { r, g, b } = rgb(colour);
  const linear = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return 1.05 / (luminance + 0.05);
}

/**
 * Colour of the i-th series: Tableau 10, darkened just enough to reach the 3:1 contrast that
 * WCAG asks of graphics (its yellow and light teal fall short on white).
 */
export function seriesColour(i: number): string {
  let c = rgb(schemeTableau10[i % schemeTableau10.length] ?? '#333333');
  while (contrastOnWhite(c.formatHex()) < 3) c = c.darker(0.1);
  return c.formatHex();
}
