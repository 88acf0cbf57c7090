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
 */
import { area, axisBottom, axisLeft, line, scaleLinear, scaleLog, select, type Selection } from 'd3';
import { css, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CurveLevel } from '../../model/curve';
import { bandOf, CURVE_PANELS, curveColumns, curveYDomain, describeCurve, describeLevel, zeroOverCleanRange } from './curve-layout';
import { formatDensity, formatNumber } from '../core/format';
import { SvgFigure, type SvgSelection } from '../core/svg-figure';
import { part } from '../core/svg-parts';
import { vizStyles } from '../core/viz-styles';

const CONVERGED = unsafeCSS('#3b5bdb');
const REPLICATION = unsafeCSS('#e8590c');

type GroupSelection = Selection<SVGGElement, unknown, null, undefined>;
const PANEL_HEIGHT = 150;
const MARGIN = { left: 40, right: 20, top: 22, bottom: 30 };
const LEGEND_ROW_HEIGHT = 22;
/** Estimated px per character of the 11 px legend text. */
const LEGEND_CHAR_WIDTH = 6;
const GAP = 18;

/** Set `levels` (CurveLevel[], densest first), `replication`, `paperDensities`, `selected`, `marker` and `label`. */
@customElement('density-curve')
export class DensityCurve extends SvgFigure {
  static override styles = [
    vizStyles,
    css`
      .band {
        fill: ${CONVERGED};
        fill-opacity: 0.18;
      }
      .median {
        fill: none;
        stroke: ${CONVERGED};
        stroke-width: 1.8;
      }
      .dot {
        fill: ${CONVERGED};
      }
      .replication {
        fill: none;
        stroke: ${REPLICATION};
        stroke-width: 1.4;
        stroke-dasharray: 2 3;
      }
      .one-side {
        fill: none;
        stroke: #777;
        stroke-width: 1;
        stroke-dasharray: 1 2;
      }
      .diamond {
        fill: ${REPLICATION};
      }
      .paper-rule {
        stroke: #ddd;
      }
      .reference {
        stroke: #888;
        stroke-dasharray: 4 3;
      }
      .reference-label,
      .panel-title {
        fill: #444;
      }
      .panel-title {
        font-weight: 600;
      }
      .chosen-rule {
        stroke: #111;
        stroke-width: 1.2;
      }
      .slider-rule {
        stroke: #c2255c;
        stroke-width: 1.5;
        stroke-dasharray: 5 3;
      }
      .slider-label {
        fill: #c2255c;
        font-weight: 600;
      }
      .hit {
        fill: transparent;
        cursor: crosshair;
        outline: none;
      }
      .hit:focus-visible {
        fill: rgba(59, 91, 219, 0.1);
        stroke: #111;
      }
    `,
  ];

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

  protected override description(): string {
    return describeCurve(this.levels, this.replication);
  }

  private choose(density: number, focus: boolean): void {
    this.dispatchEvent(new CustomEvent('curve-select', { detail: { density }, bubbles: true, composed: true }));
    if (focus) this.renderRoot.querySelector<SVGRectElement>(`rect.hit[data-density="${density}"]`)?.focus();
  }

  private readonly onKey = (event: KeyboardEvent, density: number): void => {
    const k = this.levels.findIndex((l) => l.density === density);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? k + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? k - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? this.levels.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const level = this.levels[Math.max(0, Math.min(this.levels.length - 1, next))];
    if (level) this.choose(level.density, true);
  };

  protected override draw(svg: SvgSelection, width: number): number {
    const columns = curveColumns(width);
    const panelW = (width - (columns - 1) * GAP) / columns;
    const innerW = Math.max(80, panelW - MARGIN.left - MARGIN.right);
    const rows = Math.ceil(CURVE_PANELS.length / columns);
    const panelH = MARGIN.top + PANEL_HEIGHT + MARGIN.bottom;
    const densities = this.levels.map((l) => l.density);
    const lo = Math.min(...densities, ...this.paperDensities, 1);
    const x = scaleLog().domain([1, lo]).range([0, innerW]);

    const legendHeight = this.drawLegend(part(svg, 'g', 'legend'), width);
    const body = part(svg, 'g', 'panels').attr('transform', `translate(0,${legendHeight})`);
    const zeroRange = zeroOverCleanRange(this.levels);
    body
      .selectAll<SVGGElement, (typeof CURVE_PANELS)[number]>('g.panel')
      .data(CURVE_PANELS, (spec) => spec.metric)
      .join('g')
      .attr('class', 'panel')
      .attr('data-metric', (spec) => spec.metric)
      .attr(
        'transform',
        (_, k) => `translate(${(k % columns) * (panelW + GAP) + MARGIN.left},${Math.floor(k / columns) * panelH + MARGIN.top})`,
      )
      .each((spec, k, nodes) => {
        const g = select(nodes[k]!);
        g.selectAll('*').remove();
        const [y0, y1] = curveYDomain(spec, [this.levels, this.replication]);
        const y = spec.log ? scaleLog().domain([y0, y1]).range([PANEL_HEIGHT, 0]) : scaleLinear().domain([y0, y1]).range([PANEL_HEIGHT, 0]);
        g.append('text').attr('class', 'panel-title').attr('y', -8).text(spec.title);
        for (const d of this.paperDensities) {
          g.append('line').attr('class', 'paper-rule').attr('x1', x(d)).attr('x2', x(d)).attr('y1', 0).attr('y2', PANEL_HEIGHT);
        }
        g.append('g')
          .attr('class', 'x axis')
          .attr('transform', `translate(0,${PANEL_HEIGHT})`)
          .call(
            axisBottom(x)
              .tickValues([...this.paperDensities])
              .tickFormat((v) => formatDensity(v.valueOf()))
              .tickSizeOuter(0),
          );
        g.append('g')
          .attr('class', 'y axis')
          .call(spec.log ? axisLeft(y).ticks(4, '~g').tickSizeOuter(0) : axisLeft(y).ticks(4).tickSizeOuter(0));
        if (spec.metric === 'lossOverClean') {
          g.append('line').attr('class', 'reference').attr('x1', 0).attr('x2', innerW).attr('y1', y(1)).attr('y2', y(1));
          // At the top right, where the sparse end's losses (below the clean one) leave room.
          g.append('text')
            .attr('class', 'reference-label')
            .attr('x', innerW - 2)
            .attr('y', 10)
            .attr('text-anchor', 'end')
            .text(
              `dashed: clean 20×2 = 1${zeroRange ? `; zero model ${formatNumber(zeroRange[0], 0)}–${formatNumber(zeroRange[1], 0)}×` : ''}`,
            );
        }
        const drawn = this.levels.flatMap((l) => {
          const b = bandOf(l, spec.metric);
          return b ? [{ density: l.density, band: b }] : [];
        });
        g.append('path')
          .attr('class', 'band')
          .attr(
            'd',
            area<(typeof drawn)[number]>()
              .x((p) => x(p.density))
              .y0((p) => y(p.band.min))
              .y1((p) => y(p.band.max))(drawn) ?? '',
          );
        g.append('path')
          .attr('class', 'median')
          .attr(
            'd',
            line<(typeof drawn)[number]>()
              .x((p) => x(p.density))
              .y((p) => y(p.band.median))(drawn) ?? '',
          );
        if (spec.metric === 'featuresComputed') {
          // The features with at least one sign computed: the gap to the band is the half-computed ones.
          g.append('path')
            .attr('class', 'one-side')
            .attr(
              'd',
              line<CurveLevel>()
                .x((l) => x(l.density))
                .y((l) => y(l.featuresOneSide.median))(this.levels) ?? '',
            );
        }
        for (const p of drawn) {
          g.append('circle')
            .attr('class', 'dot')
            .attr('cx', x(p.density))
            .attr('cy', y(p.band.median))
            .attr('r', p.density === this.selected ? 4 : 2.2);
        }
        const replicated = this.replication.flatMap((l) => {
          const b = bandOf(l, spec.metric);
          return b ? [{ density: l.density, value: b.median }] : [];
        });
        if (replicated.length) {
          g.append('path')
            .attr('class', 'replication')
            .attr(
              'd',
              line<(typeof replicated)[number]>()
                .x((p) => x(p.density))
                .y((p) => y(p.value))(replicated) ?? '',
            );
          for (const p of replicated) {
            g.append('rect')
              .attr('class', 'diamond')
              .attr('width', 5)
              .attr('height', 5)
              .attr('transform', `translate(${x(p.density)},${y(p.value) - 3.5}) rotate(45)`);
          }
        }
        if (this.selected !== null) {
          g.append('line')
            .attr('class', 'chosen-rule')
            .attr('x1', x(this.selected))
            .attr('x2', x(this.selected))
            .attr('y1', 0)
            .attr('y2', PANEL_HEIGHT);
        }
        if (this.marker !== null && this.marker >= lo && this.marker <= 1) {
          const mx = x(this.marker);
          g.append('line').attr('class', 'slider-rule').attr('x1', mx).attr('x2', mx).attr('y1', 0).attr('y2', PANEL_HEIGHT);
          if (k === 0) {
            g.append('text')
              .attr('class', 'slider-label')
              .attr('x', mx > innerW / 2 ? mx - 4 : mx + 4)
              .attr('y', 12)
              .attr('text-anchor', mx > innerW / 2 ? 'end' : 'start')
              .text(`slider: ${formatDensity(this.marker)}`);
          }
        }
      });

    this.drawHitColumns(body, x, columns, panelW, rows * panelH);
    return legendHeight + rows * panelH;
  }

  /** One focusable column per density, spanning every panel of the first column of panels. */
  private drawHitColumns(body: GroupSelection, x: (d: number) => number, columns: number, panelW: number, height: number): void {
    const densities = this.levels.map((l) => l.density);
    const edges = densities.map((d, k) => {
      const left = k === 0 ? x(d) - 6 : (x(densities[k - 1]!) + x(d)) / 2;
      const right = k === densities.length - 1 ? x(d) + 6 : (x(d) + x(densities[k + 1]!)) / 2;
      return { level: this.levels[k]!, left, right };
    });
    const tabStop = this.selected ?? densities[0];
    const hits = part(body, 'g', 'hits');
    hits
      .selectAll<SVGGElement, number>('g.hit-copy')
      .data(Array.from({ length: columns }, (_, c) => c))
      .join('g')
      .attr('class', 'hit-copy')
      .attr('transform', (c) => `translate(${c * (panelW + GAP) + MARGIN.left},0)`)
      .each((c, k, nodes) => {
        select(nodes[k]!)
          .selectAll<SVGRectElement, (typeof edges)[number]>('rect.hit')
          .data(edges, (e) => e.level.density)
          .join('rect')
          .attr('class', 'hit')
          .attr('data-density', (e) => e.level.density)
          .attr('x', (e) => e.left)
          .attr('width', (e) => Math.max(1, e.right - e.left))
          .attr('y', 0)
          .attr('height', height)
          // Only the first copy is a tab stop and is named: a second column of panels repeats the same densities.
          .attr('tabindex', (e) => (c === 0 ? (e.level.density === tabStop ? 0 : -1) : null))
          .attr('role', c === 0 ? 'button' : null)
          .attr('aria-hidden', c === 0 ? null : 'true')
          .attr('aria-current', (e) => (c === 0 && e.level.density === this.selected ? 'true' : null))
          .attr('aria-label', (e) => (c === 0 ? describeLevel(e.level) : null))
          .on('pointerenter', (_event, e) => this.choose(e.level.density, false))
          .on('focus', (_event, e) => this.choose(e.level.density, false))
          .on('keydown', (event: KeyboardEvent, e) => this.onKey(event, e.level.density));
      });
  }

  /** The legend's entries in rows that fit `width`; returns the height it used, px. */
  private drawLegend(legend: GroupSelection, width: number): number {
    legend.selectAll('*').remove();
    const swatchLine = (cls: string) => (s: GroupSelection, x: number, y: number) =>
      void s
        .append('line')
        .attr('class', cls)
        .attr('x1', x)
        .attr('x2', x + 18)
        .attr('y1', y + 10)
        .attr('y2', y + 10);
    const items: [string, (s: GroupSelection, x: number, y: number) => void][] = [
      ['median of the seeds', swatchLine('median')],
      [
        'min–max over seeds',
        (s, x, y) =>
          void s
            .append('rect')
            .attr('class', 'band')
            .attr('x', x)
            .attr('y', y + 4)
            .attr('width', 18)
            .attr('height', 12),
      ],
    ];
    items.push(['features with one sign or both (median)', swatchLine('one-side')]);
    if (this.replication.length) items.push(['replication budget', swatchLine('replication')]);
    let x = MARGIN.left;
    let y = 0;
    for (const [text, swatch] of items) {
      const itemWidth = 22 + text.length * LEGEND_CHAR_WIDTH + 16;
      if (x > MARGIN.left && x + itemWidth > width) {
        x = MARGIN.left;
        y += LEGEND_ROW_HEIGHT;
      }
      swatch(legend, x, y);
      legend
        .append('text')
        .attr('x', x + 22)
        .attr('y', y + 14)
        .text(text);
      x += itemWidth;
    }
    return y + LEGEND_ROW_HEIGHT;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'density-curve': DensityCurve;
  }
}
