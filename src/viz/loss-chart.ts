/**
 * <loss-chart>: training loss against step, log y, one line per series. Updated while training,
 * so lines and legend entries are keyed by label and only their attributes change.
 */
import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog, select } from 'd3';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ElementWidthController } from './element-width';
import { drawLineLegend, LEGEND_ROW_HEIGHT, lineLegendLayout } from './line-legend';
import { drawablePoints, lossDomains, describeLossChart, seriesColour, type LossPoint } from './loss-layout';
import { drawAxisTitles, part } from './svg-parts';
import type { LossSeries } from './types';
import { vizStyles } from './viz-styles';

const FALLBACK_WIDTH = 560;
const SWATCH_WIDTH = 16;
const stepFormat = format('~s');

interface DrawnSeries {
  readonly label: string;
  readonly colour: string;
  readonly points: LossPoint[];
}

@customElement('loss-chart')
export class LossChart extends LitElement {
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
    `,
  ];

  @property({ attribute: false }) series: LossSeries[] = [];

  /** Accessible name of the figure. */
  @property() label = 'Training loss';

  @property({ attribute: 'y-label' }) yLabel = 'loss';

  @property({ attribute: 'x-label' }) xLabel = 'training step';

  /** The step the run ends at, when known: the x axis spans it from the start. 0: up to the last point. */
  @property({ type: Number, attribute: 'last-step' }) lastStep = 0;

  private readonly size = new ElementWidthController(this);
  /** What the axes were last drawn for: d3's axes rebuild every tick, so unchanged ones are left alone. */
  private axesDrawnFor = '';

  /** The figure's <svg>, for <figure-download>. */
  svgElement(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  protected override render() {
    return html`<svg role="img" aria-label=${this.label} aria-describedby="summary"></svg>
      <p id="summary" class="sr-only">${describeLossChart(this.series)}</p>`;
  }

  protected override updated(_changed: PropertyValues): void {
    this.draw();
  }

  private draw(): void {
    const svgEl = this.svgElement();
    if (!svgEl) return;
    const width = this.size.width || FALLBACK_WIDTH;
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
    const height = top + innerH + margin.bottom;

    const svg = select(svgEl)
      .attr('width', width)
      .attr('height', height)
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('xmlns', 'http://www.w3.org/2000/svg');
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

    drawLineLegend(part(svg, 'g', 'legend').attr('transform', `translate(${margin.left},8)`), legendEntries, legend, 2.5);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loss-chart': LossChart;
  }
}
