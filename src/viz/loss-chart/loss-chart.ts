/**
 * <loss-chart>: training loss against step, log y, one line per series. Updated while training,
 * so lines and legend entries are keyed by label and only their attributes change.
 */
import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog } from 'd3';
import { css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { drawLineLegend, LEGEND_ROW_HEIGHT, lineLegendLayout } from '../core/line-legend';
import { drawablePoints, lossDomains, describeLossChart, seriesColour, type LossPoint } from './loss-layout';
import { SvgFigure, type SvgSelection } from '../core/svg-figure';
import { drawAxisTitles, part } from '../core/svg-parts';
import type { LossSeries } from '../core/types';
import { vizStyles } from '../core/viz-styles';

const SWATCH_WIDTH = 16;
const stepFormat = format('~s');

interface DrawnSeries {
  readonly label: string;
  readonly colour: string;
  readonly points: LossPoint[];
}

/** Set `series` (LossSeries[]), `label`, the axis titles and, during a run, `last-step`. */
@customElement('loss-chart')
export class LossChart extends SvgFigure {
  static override styles = [
    vizStyles,
    css`
      .series {
        fill: none;
        stroke-width: 1.6;
        stroke-linejoin: round;
      }
      .axis-title {
        fill: #555;
      }
      .marker {
        stroke: #222;
        stroke-width: 1;
        stroke-dasharray: 3 2;
      }
      .marker-label {
        fill: #222;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The lines to draw, one per series, keyed by label (types.ts). */
  @property({ attribute: false }) series: LossSeries[] = [];

  override label = 'Training loss';

  @property({ attribute: 'y-label' }) yLabel = 'loss';

  @property({ attribute: 'x-label' }) xLabel = 'training step';

  /** The step the run ends at, when known: the x axis spans it from the start. 0: up to the last point. */
  @property({ type: Number, attribute: 'last-step' }) lastStep = 0;

  /** A step to mark with a vertical rule and its number, e.g. the step whose weights a stack plot draws; −1: none. */
  @property({ type: Number, attribute: 'marker-step' }) markerStep = -1;

  protected override fallbackWidth = 560;
  /** What the axes were last drawn for: d3's axes rebuild every tick, so unchanged ones are left alone. */
  private axesDrawnFor = '';

  protected override description(): string {
    return describeLossChart(this.series);
  }

  protected override draw(svg: SvgSelection, width: number): number {
    const drawn: DrawnSeries[] = this.series.map((s, i) => ({
      label: s.label,
      colour: seriesColour(i),
      points: drawablePoints(s),
    }));
    const margin = { left: 46, right: 12, bottom: 34 };
    const innerW = Math.max(60, width - margin.left - margin.right);
    const legendEntries = drawn.map((d) => ({ id: d.label, label: d.label, colour: d.colour }));
    const legend = lineLegendLayout(legendEntries, innerW, SWATCH_WIDTH);
    const top = 8 + legend.rows * LEGEND_ROW_HEIGHT + 6;
    const innerH = Math.min(280, Math.max(160, innerW * 0.45));
    const domains = lossDomains(this.series, this.lastStep);
    const x = scaleLinear().domain(domains.x).range([0, innerW]);
    const y = scaleLog().domain(domains.y).range([innerH, 0]);

    const plot = part(svg, 'g', 'plot').attr('transform', `translate(${margin.left},${top})`);
    const axesFor = JSON.stringify([innerW, innerH, domains, this.xLabel, this.yLabel]);
    if (axesFor !== this.axesDrawnFor) {
      this.axesDrawnFor = axesFor;
      part(plot, 'g', 'x axis')
        .attr('transform', `translate(0,${innerH})`)
        .call(
          axisBottom(x)
            .ticks(Math.max(2, Math.floor(innerW / 90)))
            // Format each tick on its own: a shared SI prefix would print the origin as "0k".
            .tickFormat((v) => stepFormat(v.valueOf()))
            .tickSizeOuter(0),
        );
      part(plot, 'g', 'y axis').call(axisLeft(y).ticks(4, '~g').tickSizeOuter(0));
      drawAxisTitles(plot, { x: this.xLabel, y: this.yLabel }, { width: innerW, height: innerH, yTitleOffset: 36 });
    }

    const path = line<LossPoint>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    plot
      .selectAll<SVGPathElement, DrawnSeries>('path.series')
      .data(drawn, (d) => d.label)
      .join('path')
      .attr('class', 'series')
      .attr('stroke', (d) => d.colour)
      .attr('d', (d) => path(d.points) ?? '');

    const marked = this.markerStep >= 0 && Number.isFinite(this.markerStep) ? [this.markerStep] : [];
    const markerX = (step: number): number => Math.min(innerW, Math.max(0, x(step)));
    const marker = part(plot, 'g', 'markers')
      .selectAll<SVGGElement, number>('g.marker-group')
      .data(marked)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'marker-group');
        g.append('line').attr('class', 'marker');
        g.append('text').attr('class', 'marker-label').attr('y', 10);
        return g;
      });
    marker.attr('transform', (step) => `translate(${markerX(step)},0)`);
    marker.select('line').attr('y1', 0).attr('y2', innerH);
    marker
      .select('text')
      // The number hangs on the side with room, so it stays inside the plot.
      .attr('x', (step) => (markerX(step) > innerW / 2 ? -4 : 4))
      .attr('text-anchor', (step) => (markerX(step) > innerW / 2 ? 'end' : 'start'))
      .text((step) => `step ${step.toLocaleString('en')}`);

    drawLineLegend(part(svg, 'g', 'legend').attr('transform', `translate(${margin.left},8)`), legendEntries, legend, 2.5);
    return top + innerH + margin.bottom;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loss-chart': LossChart;
  }
}
