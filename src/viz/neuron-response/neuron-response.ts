/**
 * <neuron-response>: what one hidden neuron responds to (issue 23, SPEC §7). The distribution of
 * its activations over sampled inputs as a histogram on a log count axis, each bar split by the
 * feature that contributes most to the activations in it (coloured by feature, feature-colours.ts),
 * the floor (0.1 × the neuron's largest |W1|) as a dashed rule, and, under the plot, its largest
 * activations with their inputs (feature: value, contribution W1[j,i]·x_i), dominant feature first.
 *
 * Draws what it is given (`data`, NeuronResponseData; null draws an empty frame); the layout is
 * response-layout.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { featureColour } from '../core/feature-colours';
import { formatNumber } from '../core/format';
import { SvgFigure, type SvgSelection } from '../core/svg-figure';
import { drawAxisTitles, part } from '../core/svg-parts';
import {
  type Bar,
  describeResponse,
  inputTerms,
  type NeuronResponseData,
  RESPONSE_MARGIN,
  responseLayout,
  type Tick,
} from './response-layout';
import { responseStyles } from './response-styles';

@customElement('neuron-response')
export class NeuronResponse extends SvgFigure {
  static override styles = responseStyles;

  /** The neuron drawn, or null (nothing measured yet). */
  @property({ attribute: false }) data: NeuronResponseData | null = null;

  override label = 'Histogram of one neuron’s activations, coloured by the feature contributing most';

  protected override description(): string {
    return this.data ? describeResponse(this.data) : 'No neuron measured yet.';
  }

  protected override draw(svg: SvgSelection, width: number): number {
    const data = this.data;
    svg.attr('data-neuron', data ? data.neuron : null);
    if (!data) {
      svg.selectAll('*').remove();
      return 40;
    }
    const layout = responseLayout(data, width);
    const plot = part(svg, 'g', 'plot').attr('transform', `translate(${RESPONSE_MARGIN.left},${RESPONSE_MARGIN.top})`);
    part(plot, 'rect', 'below-floor')
      .attr('x', 0)
      .attr('y', 0)
      .attr('width', Math.max(0, layout.floorX))
      .attr('height', layout.innerHeight);
    const bars = part(plot, 'g', 'bars')
      .selectAll<SVGGElement, Bar>('g.bar')
      .data(layout.bars, (b) => b.from)
      .join('g')
      .attr('class', (b) => (b.belowFloor ? 'bar below' : 'bar'))
      .attr('data-total', (b) => b.total);
    bars
      .selectAll<SVGRectElement, Bar['segments'][number]>('rect')
      .data((b) => b.segments.map((s) => ({ ...s, x: b.x, width: b.width })))
      .join('rect')
      .attr('data-feature', (s) => s.feature)
      .attr('x', (s) => s.x)
      .attr('width', (s) => s.width)
      .attr('y', (s) => s.y)
      .attr('height', (s) => Math.max(0, s.height))
      .attr('fill', (s) => s.colour);
    bars
      .selectAll('title')
      .data((b) => [b])
      .join('title')
      .text((b) => {
        const lead = b.segments[0];
        return `${formatNumber(b.from, 3)}–${formatNumber(b.to, 3)}: ${b.total} activations${lead ? `, ${Math.round((lead.count / b.total) * 100)}% from feature ${lead.feature}` : ''}`;
      });
    part(plot, 'line', 'floor').attr('x1', layout.floorX).attr('x2', layout.floorX).attr('y1', -6).attr('y2', layout.innerHeight);
    part(plot, 'text', 'floor-label')
      .attr('x', layout.floorX + 4)
      .attr('y', 2)
      .text(`floor ${formatNumber(data.floor, 3)}`);
    this.drawTicks(part(plot, 'g', 'axis x-axis'), layout.xTicks, 'x', layout.innerHeight);
    this.drawTicks(part(plot, 'g', 'axis y-axis'), layout.yTicks, 'y', layout.innerHeight);
    drawAxisTitles(
      plot,
      { x: 'activation', y: 'inputs (log scale)' },
      { width: layout.innerWidth, height: layout.innerHeight, yTitleOffset: 54 },
    );
    return layout.innerHeight + RESPONSE_MARGIN.top + RESPONSE_MARGIN.bottom;
  }

  private drawTicks(axis: ReturnType<typeof part<SVGGElement, 'g'>>, ticks: readonly Tick[], along: 'x' | 'y', height: number): void {
    part(axis, 'line', 'domain')
      .attr('x1', 0)
      .attr('y1', along === 'x' ? height : 0)
      .attr('x2', along === 'x' ? (ticks.at(-1)?.position ?? 0) : 0)
      .attr('y2', height);
    axis
      .selectAll<SVGTextElement, Tick>('text')
      .data(ticks, (t) => t.label)
      .join('text')
      .attr('x', (t) => (along === 'x' ? t.position : -6))
      .attr('y', (t) => (along === 'x' ? height + 14 : t.position + 4))
      .attr('text-anchor', along === 'x' ? 'middle' : 'end')
      .text((t) => t.label);
  }

  /** The top inputs, as a list under the plot. */
  protected override renderOverlay(): TemplateResult | typeof nothing {
    const data = this.data;
    if (!data || data.topInputs.length === 0) return nothing;
    return html`<p class="list-title" id="top-title">Largest activations of neuron ${data.neuron} and their inputs (feature: value, contribution W1·x):</p>
      <ol class="top-inputs" aria-labelledby="top-title">
        ${data.topInputs.map(
          (top) => html`<li data-dominant=${top.dominant}>
            <span class="activation">${formatNumber(top.activation, 3)}</span>, mostly feature
            <span class="swatch" style="background:${featureColour(top.dominant)}"></span><strong class="dominant">${top.dominant}</strong>${top.dominant === data.primary ? ' (primary)' : ''}:
            ${inputTerms(top, data.weights).map(
              (t, k) =>
                html`${k ? ' · ' : ''}<span class="term" data-feature=${t.feature}>${t.feature}: ${formatNumber(t.value, 2)}, ${formatNumber(t.contribution, 3)}</span>`,
            )}
          </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'neuron-response': NeuronResponse;
  }
}
