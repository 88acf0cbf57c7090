/**
 * <density-curve>: the monosemanticity curve as small multiples against feature density on a log
 * axis (1 at the left, the sparsest at the right, as the sweep's panels run): per grid density the
 * min–max band over the seeds and the median line, the replication-budget models as a dotted line
 * of diamonds where they exist, the paper's seven levels as ticks and faint rules, the density
 * chosen (hover or focus) as a solid rule and the live slider's density as a dashed one.
 *
 * Every density is a focusable column (one tab stop; the arrow keys, Home and End move between
 * them). Hovering or focusing a column fires `curve-select` with `{ density }`; the column chosen
 * carries aria-current and its numbers as its accessible name.
 *
 * The layout is curve-layout.ts (pure), each panel is drawn by curve-panel.ts; every draw updates
 * the same elements through keyed joins.
 */
import { scaleLog, select, type Selection } from 'd3';
import { customElement, property } from 'lit/decorators.js';
import type { CurveLevel } from '../../model/curve';
import { drawLineLegend, lineLegendLayout } from '../core/line-legend';
import { SvgFigure, type SvgSelection } from '../core/svg-figure';
import { part } from '../core/svg-parts';
import {
  CURVE_LEGEND_SWATCH,
  CURVE_LEGEND_TOP,
  CURVE_PANELS,
  type CurvePanelSpec,
  columnAfterKey,
  curveGridFor,
  curveLegendEntries,
  curveLegendHeight,
  describeCurve,
  describeLevel,
  type HitColumn,
  hitColumns,
  PANEL_GAP,
  PANEL_MARGIN,
  panelOrigin,
  sparsestDensity,
  zeroOverCleanRange,
} from './curve-layout';
import { drawCurvePanel } from './curve-panel';
import { levelOutlierText } from './curve-outliers';
import { curveStyles } from './curve-styles';

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Set `levels` (CurveLevel[], densest first), `replication`, `paperDensities`, `selected`, `marker` and `label`. */
@customElement('density-curve')
export class DensityCurve extends SvgFigure {
  static override styles = curveStyles;

  /** The converged grid, densest first: one band per density. */
  @property({ attribute: false }) levels: readonly CurveLevel[] = [];

  /** The replication-budget models (one seed), densest first; empty: none drawn. */
  @property({ attribute: false }) replication: readonly CurveLevel[] = [];

  /** Densities marked on the axis (the paper's seven levels). */
  @property({ attribute: false }) paperDensities: readonly number[] = [];

  /** The density whose column is chosen (one of `levels`), or null. */
  @property({ type: Number }) selected: number | null = null;

  /** The live slider's density, marked with a dashed rule, or null. */
  @property({ type: Number }) marker: number | null = null;

  override label = 'Monosemanticity against feature density';

  protected override fallbackWidth = 640;

  /** A group, not an image: it holds the focusable columns (buttons), and its drawing is aria-hidden (the description says it in words). */
  protected override svgRole = 'group' as const;

  protected override description(): string {
    return describeCurve(this.levels, this.replication);
  }

  private choose(density: number, focus: boolean): void {
    this.dispatchEvent(new CustomEvent('curve-select', { detail: { density }, bubbles: true, composed: true }));
    if (focus) this.renderRoot.querySelector<SVGRectElement>(`rect.hit[data-density="${density}"]`)?.focus();
  }

  private readonly onKey = (event: KeyboardEvent, density: number): void => {
    const k = this.levels.findIndex((l) => l.density === density);
    const next = columnAfterKey(event.key, k, this.levels.length);
    if (next === null) return;
    event.preventDefault();
    const level = this.levels[next];
    if (level) this.choose(level.density, true);
  };

  protected override draw(svg: SvgSelection, width: number): number {
    const zeroRange = zeroOverCleanRange(this.levels);
    const grid = curveGridFor(width, zeroRange);
    const lo = sparsestDensity(this.levels, this.paperDensities);
    const x = scaleLog().domain([1, lo]).range([0, grid.innerWidth]);
    const marker = this.marker !== null && this.marker >= lo && this.marker <= 1 ? this.marker : null;

    const entries = curveLegendEntries(
      this.replication.length > 0,
      marker,
      [...this.levels, ...this.replication].some((l) => l.outliers.length > 0),
    );
    const legend = lineLegendLayout(entries, width - PANEL_MARGIN.left, CURVE_LEGEND_SWATCH);
    drawLineLegend(
      part(svg, 'g', 'legend').attr('aria-hidden', 'true').attr('transform', `translate(${PANEL_MARGIN.left},${CURVE_LEGEND_TOP})`),
      entries,
      legend,
      1.5,
    );
    const legendHeight = curveLegendHeight(legend.rows);

    const scene = {
      levels: this.levels,
      replication: this.replication,
      paperDensities: this.paperDensities,
      selected: this.selected,
      marker,
      x,
      innerWidth: grid.innerWidth,
      panelWidth: grid.panelWidth,
      zeroRange,
    };
    const body = part(svg, 'g', 'panels').attr('transform', `translate(0,${legendHeight})`);
    body
      .selectAll<SVGGElement, CurvePanelSpec>('g.panel')
      .data(CURVE_PANELS, (spec) => spec.metric)
      .join('g')
      .attr('class', 'panel')
      .attr('aria-hidden', 'true')
      .attr('data-metric', (spec) => spec.metric)
      .attr('transform', (_, k) => {
        const { x: left, y: top } = panelOrigin(k, grid);
        return `translate(${left},${top})`;
      })
      .each(function (spec) {
        drawCurvePanel(select<SVGGElement, unknown>(this), spec, scene);
      });

    this.drawHitColumns(body, hitColumns(this.levels, x), grid.columns, grid.panelWidth, grid.height);
    return legendHeight + grid.height;
  }

  /** The focusable columns, copied over every column of panels; only the first copy is a tab stop. */
  private drawHitColumns(body: Group, edges: readonly HitColumn[], columns: number, panelWidth: number, height: number): void {
    const tabStop = this.selected ?? edges[0]?.level.density;
    const figure = this;
    part(body, 'g', 'hits')
      .attr('role', 'group')
      .attr('aria-label', 'Densities of the grid: choose one to read its numbers (arrow keys, Home, End)')
      .selectAll<SVGGElement, number>('g.hit-copy')
      .data(Array.from({ length: columns }, (_, c) => c))
      .join('g')
      .attr('class', 'hit-copy')
      .attr('transform', (c) => `translate(${c * (panelWidth + PANEL_GAP) + PANEL_MARGIN.left},0)`)
      .each(function (c) {
        // Only the first copy is a tab stop and is named: a second column of panels repeats the same densities.
        const first = c === 0;
        select(this)
          .selectAll<SVGRectElement, HitColumn>('rect.hit')
          .data(edges, (e) => e.level.density)
          .join('rect')
          .attr('class', 'hit')
          .attr('data-density', (e) => e.level.density)
          .attr('x', (e) => e.left)
          .attr('width', (e) => Math.max(1, e.right - e.left))
          .attr('y', 0)
          .attr('height', height)
          .attr('tabindex', (e) => (first ? (e.level.density === tabStop ? 0 : -1) : null))
          .attr('role', first ? 'button' : null)
          .attr('aria-hidden', first ? null : 'true')
          .attr('aria-current', (e) => (first && e.level.density === figure.selected ? 'true' : null))
          .attr('aria-label', (e) => (first ? describeLevel(e.level) : null))
          .each(function (e) {
            // A level with failed runs says why in a tooltip over its column (the marks sit under the columns).
            const text = first ? levelOutlierText(e.level).trim() : '';
            select(this)
              .selectAll('title')
              .data(text ? [text] : [])
              .join('title')
              .text((t) => t);
          })
          .on('pointerenter', (_event, e) => figure.choose(e.level.density, false))
          .on('focus', (_event, e) => figure.choose(e.level.density, false))
          .on('keydown', (event: KeyboardEvent, e) => figure.onKey(event, e.level.density));
      });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'density-curve': DensityCurve;
  }
}
