/**
 * One panel of <density-curve>: a quantity against density, drawn into a stable <g> with keyed
 * joins, so a redraw (a hover, a new slider density) changes attributes and adds or removes only
 * what came or went. Each kind of mark has its own layer, created once in paint order.
 */
import { area, axisBottom, axisLeft, line, type ScaleLogarithmic, scaleLinear, scaleLog, type Selection } from 'd3';
import type { CurveLevel } from '../../model/curve';
import { formatDensity } from '../core/format';
import { part } from '../core/svg-parts';
import { outlierPoints } from './curve-outliers';
import { bandOf, type CurvePanelSpec, curveYDomain, PANEL_HEIGHT, panelTitleLines, TITLE_LINE } from './curve-layout';

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** What every panel draws from in one draw. */
export interface CurveScene {
  /** The converged grid, densest first. */
  readonly levels: readonly CurveLevel[];
  /** The replication-budget models, densest first (may be empty). */
  readonly replication: readonly CurveLevel[];
  /** Densities ruled and ticked on the x axis. */
  readonly paperDensities: readonly number[];
  /** The chosen density, ruled solid, or null. */
  readonly selected: number | null;
  /** The slider's density, ruled dashed, or null (null too where it falls outside the axis). */
  readonly marker: number | null;
  /** Density → px across the plot area (log, 1 at 0). */
  readonly x: ScaleLogarithmic<number, number>;
  /** Width of the plot area, px, and of a whole panel, margins included. */
  readonly innerWidth: number;
  readonly panelWidth: number;
  /** The zero model's loss over the clean one, [lowest, highest], for the loss panel's label; or null. */
  readonly zeroRange: readonly [number, number] | null;
}

/** The layers of a panel, bottom to top. */
const LAYERS = [
  'title',
  'paper-rules',
  'x-axis',
  'y-axis',
  'reference',
  'bands',
  'medians',
  'one-sides',
  'dots',
  'replications',
  'diamonds',
  'outliers',
  'chosen',
  'slider',
] as const;
type Layer = (typeof LAYERS)[number];

/** A point of a series: a density and the value drawn there. */
interface Point {
  readonly density: number;
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** The levels that have a value for `spec`'s metric, as points. */
function points(levels: readonly CurveLevel[], spec: CurvePanelSpec): Point[] {
  return levels.flatMap((l) => {
    const b = bandOf(l, spec.metric);
    return b ? [{ density: l.density, min: b.min, median: b.median, max: b.max }] : [];
  });
}

/** The `tag.cls` children of `parent` for `data`, keyed by `key`, created or removed as they come and go. */
function marks<T, K extends 'line' | 'path' | 'text' | 'circle' | 'rect'>(
  parent: Group,
  tag: K,
  cls: string,
  data: readonly T[],
  key: (d: T, index: number) => string | number,
): Selection<SVGElementTagNameMap[K], T, SVGGElement, unknown> {
  return parent
    .selectAll<SVGElementTagNameMap[K], T>(`${tag}.${cls}`)
    .data(data, key)
    .join((enter) => enter.append<SVGElementTagNameMap[K]>(tag))
    .attr('class', cls);
}

const one = () => 'one';

/** Draws (or updates) panel `spec` into `g`. */
export function drawCurvePanel(g: Group, spec: CurvePanelSpec, scene: CurveScene): void {
  const layer = Object.fromEntries(LAYERS.map((name) => [name, part(g, 'g', `${name}-layer`)])) as Record<Layer, Group>;
  const { x, innerWidth } = scene;
  const [y0, y1] = curveYDomain(spec, [scene.levels, scene.replication]);
  const y = spec.log ? scaleLog().domain([y0, y1]).range([PANEL_HEIGHT, 0]) : scaleLinear().domain([y0, y1]).range([PANEL_HEIGHT, 0]);
  const vertical = (rule: Selection<SVGLineElement, number, SVGGElement, unknown>) =>
    rule
      .attr('x1', (d) => x(d))
      .attr('x2', (d) => x(d))
      .attr('y1', 0)
      .attr('y2', PANEL_HEIGHT);

  const lines = panelTitleLines(spec, scene.panelWidth, scene.zeroRange);
  marks(layer.title, 'text', 'panel-title', lines, (_, k) => k)
    .attr('y', (_, k) => -8 - (lines.length - 1 - k) * TITLE_LINE)
    .text((line) => line);
  vertical(marks(layer['paper-rules'], 'line', 'paper-rule', scene.paperDensities, (d) => d));
  part(layer['x-axis'], 'g', 'x axis')
    .attr('transform', `translate(0,${PANEL_HEIGHT})`)
    .call(
      axisBottom(x)
        .tickValues([...scene.paperDensities])
        .tickFormat((v) => formatDensity(v.valueOf()))
        .tickSizeOuter(0),
    );
  part(layer['y-axis'], 'g', 'y axis').call(spec.log ? axisLeft(y).ticks(4, '~g').tickSizeOuter(0) : axisLeft(y).ticks(4).tickSizeOuter(0));

  const reference = spec.metric === 'lossOverClean' ? [1] : [];
  marks(layer.reference, 'line', 'reference', reference, one)
    .attr('x1', 0)
    .attr('x2', innerWidth)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d));

  const drawn = points(scene.levels, spec);
  part(layer.bands, 'path', 'band').attr(
    'd',
    area<Point>()
      .x((p) => x(p.density))
      .y0((p) => y(p.min))
      .y1((p) => y(p.max))(drawn) ?? '',
  );
  part(layer.medians, 'path', 'median').attr(
    'd',
    line<Point>()
      .x((p) => x(p.density))
      .y((p) => y(p.median))(drawn) ?? '',
  );
  // The features with at least one sign computed: the gap to the band is the half-computed ones.
  marks(layer['one-sides'], 'path', 'one-side', spec.metric === 'featuresComputed' ? [scene.levels] : [], one).attr(
    'd',
    (levels) =>
      line<CurveLevel>()
        .x((l) => x(l.density))
        .y((l) => y(l.featuresOneSide.median))(levels) ?? '',
  );
  marks(layer.dots, 'circle', 'dot', drawn, (p) => p.density)
    .attr('cx', (p) => x(p.density))
    .attr('cy', (p) => y(p.median))
    .attr('r', (p) => (p.density === scene.selected ? 4 : 2.2));

  const replicated = points(scene.replication, spec);
  marks(layer.replications, 'path', 'replication', replicated.length ? [replicated] : [], one).attr(
    'd',
    (series) =>
      line<Point>()
        .x((p) => x(p.density))
        .y((p) => y(p.median))(series) ?? '',
  );
  marks(layer.diamonds, 'rect', 'diamond', replicated, (p) => p.density)
    .attr('width', 5)
    .attr('height', 5)
    .attr('transform', (p) => `translate(${x(p.density)},${y(p.median) - 3.5}) rotate(45)`);

  // Failed runs (left out of the band): a cross at the run's own value, with its reasons as a tooltip.
  const outliers = [
    ...outlierPoints(scene.levels, spec.metric).map((o) => ({ ...o, series: 'grid' })),
    ...outlierPoints(scene.replication, spec.metric).map((o) => ({ ...o, series: 'replication', text: `replication budget, ${o.text}` })),
  ];
  marks(layer.outliers, 'path', 'outlier', outliers, (o) => `${o.series}/${o.density}/${o.seed}`)
    .attr('d', 'M-3.5,-3.5L3.5,3.5M-3.5,3.5L3.5,-3.5')
    .attr('data-seed', (o) => o.seed)
    .attr('data-density', (o) => o.density)
    .attr('transform', (o) => `translate(${x(o.density)},${y(o.value)})`)
    .selectAll('title')
    .data((o) => [o.text])
    .join('title')
    .text((t) => t);

  vertical(marks(layer.chosen, 'line', 'chosen-rule', scene.selected === null ? [] : [scene.selected], one));
  const marker = scene.marker === null ? [] : [scene.marker];
  vertical(marks(layer.slider, 'line', 'slider-rule', marker, one));
}
