/**
 * The density curve's layout and words, as pure functions: which panels it has, their y ranges,
 * how many columns fit and where each panel goes, the focusable columns, the legend, and the text
 * alternative. <density-curve> draws what these return.
 */
import type { Band, CurveLevel, CurveMetric } from '../../model/curve';
import { formatDensity, formatNumber } from '../core/format';
import { LEGEND_ROW_HEIGHT, type LineLegendEntry } from '../core/line-legend';
import { levelOutlierText, outlierPoints } from './curve-outliers';

/** The colours of the converged grid, the replication-budget models and the one-sign line. */
export const CURVE_COLOURS = {
  converged: '#3b5bdb',
  replication: '#e8590c',
  oneSide: '#777',
  slider: '#c2255c',
  outlier: '#a61e4d',
} as const;

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

/** Estimated px per character of the 11 px panel titles (semibold), a little over the average. */
const TITLE_CHAR_PX = 6.8;
/** Space from one title line's baseline to the next, px. */
export const TITLE_LINE = 12;

/** `text` broken at spaces into lines of at most `maxChars` characters (a longer word keeps a line of its own). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The loss panel's words for its dashed line: "dashed: clean 20×2 = 1; zero model 87–347×". */
export function referenceText(zeroRange: readonly [number, number] | null): string {
  return `dashed: clean 20×2 = 1${zeroRange ? `; zero model ${formatNumber(zeroRange[0], 0)}–${formatNumber(zeroRange[1], 0)}×` : ''}`;
}

/**
 * The lines above panel `spec`'s plot in a panel `width` px wide (margins included; a title starts
 * at the plot's left edge, PANEL_MARGIN.left in, and may run into the right margin): its title,
 * wrapped where it does not fit, and for the loss panel the dashed line's meaning under it, so no
 * words sit on the data or the axis. E.g. at 288 px ["mean polysemanticity (0: one", "feature per neuron)"].
 */
export function panelTitleLines(spec: CurvePanelSpec, width: number, zeroRange: readonly [number, number] | null): string[] {
  const maxChars = Math.max(12, Math.floor((width - PANEL_MARGIN.left) / TITLE_CHAR_PX));
  const reference = spec.metric === 'lossOverClean' ? wrapWords(referenceText(zeroRange), maxChars) : [];
  return [...wrapWords(spec.title, maxChars), ...reference];
}

/** Two panels side by side where each gets at least 260 px, else one column. */
export function curveColumns(width: number): number {
  return width >= 2 * 260 + 40 ? 2 : 1;
}

/** Height of a panel's plot area, px. */
export const PANEL_HEIGHT = 150;
/** Room around each panel's plot area, px: axis labels left and below, the title above. */
export const PANEL_MARGIN = { left: 40, right: 20, top: 22, bottom: 30 } as const;
/** Space between two columns of panels, px. */
export const PANEL_GAP = 18;

/** Where the panels go at one width, px. */
export interface CurveGrid {
  readonly columns: number;
  /** Width of one panel, margins included. */
  readonly panelWidth: number;
  /** Width of a panel's plot area (at least 80). */
  readonly innerWidth: number;
  /** Room above each plot area for its title lines, px. */
  readonly top: number;
  /** Height of one row of panels, margins included. */
  readonly rowHeight: number;
  /** Height of all the rows of panels. */
  readonly height: number;
}

/**
 * The grid of CURVE_PANELS at `width` px: one or two columns, rows of PANEL_HEIGHT plus margins,
 * with room above each plot for `titleRows` title lines (the most any panel needs, panelTitleLines).
 */
export function curveGrid(width: number, titleRows = 1): CurveGrid {
  const columns = curveColumns(width);
  const panelWidth = (width - (columns - 1) * PANEL_GAP) / columns;
  const top = PANEL_MARGIN.top + (Math.max(1, titleRows) - 1) * TITLE_LINE;
  const rowHeight = top + PANEL_HEIGHT + PANEL_MARGIN.bottom;
  return {
    columns,
    panelWidth,
    innerWidth: Math.max(80, panelWidth - PANEL_MARGIN.left - PANEL_MARGIN.right),
    top,
    rowHeight,
    height: Math.ceil(CURVE_PANELS.length / columns) * rowHeight,
  };
}

/** The grid at `width` px with room for the longest panel title (panelTitleLines). */
export function curveGridFor(width: number, zeroRange: readonly [number, number] | null): CurveGrid {
  const { panelWidth } = curveGrid(width);
  const rows = Math.max(...CURVE_PANELS.map((spec) => panelTitleLines(spec, panelWidth, zeroRange).length));
  return curveGrid(width, rows);
}

/** Top-left corner of panel `k`'s plot area (row by row), px. */
export function panelOrigin(k: number, grid: CurveGrid): { readonly x: number; readonly y: number } {
  return {
    x: (k % grid.columns) * (grid.panelWidth + PANEL_GAP) + PANEL_MARGIN.left,
    y: Math.floor(k / grid.columns) * grid.rowHeight + grid.top,
  };
}

/** The sparsest density the x axis reaches: the lowest of the levels, the paper's and 1. */
export function sparsestDensity(levels: readonly CurveLevel[], paperDensities: readonly number[]): number {
  return Math.min(...levels.map((l) => l.density), ...paperDensities, 1);
}

/** One focusable column: a level and its left and right edges on the x axis, px. */
export interface HitColumn {
  readonly level: CurveLevel;
  readonly left: number;
  readonly right: number;
}

/**
 * The focusable columns, one per level: each reaches halfway to its neighbours, and the two at
 * the ends 6 px past their density. `x` maps a density to px.
 */
export function hitColumns(levels: readonly CurveLevel[], x: (density: number) => number): HitColumn[] {
  const at = levels.map((l) => x(l.density));
  return levels.map((level, k) => {
    const here = at[k] ?? 0;
    const before = at[k - 1];
    const after = at[k + 1];
    return {
      level,
      left: before === undefined ? here - 6 : (before + here) / 2,
      right: after === undefined ? here + 6 : (here + after) / 2,
    };
  });
}

/**
 * The column index a key moves to from `index` among `count` columns (arrows step, Home and End
 * jump; clamped to the columns), or null for any other key.
 */
export function columnAfterKey(key: string, index: number, count: number): number | null {
  const next =
    key === 'ArrowRight' || key === 'ArrowDown'
      ? index + 1
      : key === 'ArrowLeft' || key === 'ArrowUp'
        ? index - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? count - 1
            : null;
  return next === null ? null : Math.max(0, Math.min(count - 1, next));
}

/** Length of a legend swatch, px. */
export const CURVE_LEGEND_SWATCH = 18;
/** Space above the legend's first row, px. */
export const CURVE_LEGEND_TOP = 4;

/** The legend: the median, the band, the one-sign line, the replication budget and the failed runs where drawn. */
export function curveLegendEntries(hasReplication: boolean, slider: number | null = null, hasOutliers = false): LineLegendEntry[] {
  const { converged, replication, oneSide } = CURVE_COLOURS;
  return [
    { id: 'median', label: 'median of the seeds', colour: converged, width: 1.8 },
    { id: 'band', label: 'min–max over seeds', colour: converged, shape: 'band' },
    { id: 'one-side', label: 'features with one sign or both (median)', colour: oneSide, width: 1, dash: '1 2' },
    ...(hasReplication ? [{ id: 'replication', label: 'replication budget', colour: replication, width: 1.4, dash: '2 3' }] : []),
    ...(hasOutliers ? [{ id: 'outlier', label: '× failed run', colour: CURVE_COLOURS.outlier, width: 2 }] : []),
    // The slider's rule is named here, not beside the rule, where it would sit on the data.
    ...(slider !== null
      ? [{ id: 'slider', label: `slider: ${formatDensity(slider)}`, colour: CURVE_COLOURS.slider, width: 1.5, dash: '5 3' }]
      : []),
  ];
}

/** Height the legend takes above the panels with `rows` rows, px (22 for one row). */
export function curveLegendHeight(rows: number): number {
  return CURVE_LEGEND_TOP + rows * LEGEND_ROW_HEIGHT + 2;
}

export const bandOf = (level: CurveLevel, metric: CurveMetric): Band | null => level[metric];

/**
 * The y domain of a panel over every level drawn, [low, high]: counts from 0 to at least 40 (the
 * neurons) or 30 (features; high enough for the line of features with one sign or both too); the score from 0 to 1; the loss ratio, log, padded around the data (more above, for
 * the reference's label) and always holding 1 (the clean solution) so that the reference line shows.
 */
export function curveYDomain(spec: CurvePanelSpec, series: readonly (readonly CurveLevel[])[]): [number, number] {
  const bands = series.flatMap((levels) => levels.map((l) => bandOf(l, spec.metric)).filter((b): b is Band => b !== null));
  // Failed runs are drawn at their own values (curve-outliers.ts): the range holds them too.
  const outliers = series.flatMap((levels) => levels.flatMap((l) => outlierPoints([l], spec.metric).map((o) => o.value)));
  const high = Math.max(...bands.map((b) => b.max), ...outliers);
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
      const low = Math.min(1, ...bands.map((b) => b.min), ...outliers);
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
  return `1 − S = ${formatDensity(level.density)}, ${level.seeds.length} seeds: ${parts.join('; ')}.${levelOutlierText(level)}`;
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
