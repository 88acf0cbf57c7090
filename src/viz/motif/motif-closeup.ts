/**
 * <motif-closeup>: one asymmetric superposition motif (docs/figures.md, docs/analysis.md). Left, the two neurons' weights on
 * features a and b; right, outputs a and b for input a alone, with the whole model (solid) and
 * with the inhibition neuron removed (dashed), so the interference on b and its cancellation show.
 */
import { axisBottom, axisLeft, line, scaleLinear, select, type Selection } from 'd3';
import { css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { drawLineLegend, LEGEND_ROW_HEIGHT, lineLegendLayout, type LineLegendEntry } from '../core/line-legend';
import {
  barDomain,
  motifBars,
  motifPanels,
  motifSentence,
  describeMotif,
  responseDomain,
  ROLES,
  type Box,
  type MotifBar,
  type MotifRole,
  categoryLines,
  placeValueLabels,
  type ValueLabel,
} from './motif-layout';
import { formatNumber } from '../core/format';
import { featureColour } from '../core/feature-colours';
import { SvgFigure, type SvgSelection } from '../core/svg-figure';
import { drawAxisTitles, part } from '../core/svg-parts';
import type { MotifCloseupData } from '../core/types';
import { vizStyles } from '../core/viz-styles';

type Group = Selection<SVGGElement, unknown, null, undefined>;
type ResponseRow = MotifCloseupData['response'][number];

/** Features a and b take their feature colours (core/feature-colours.ts), as in the motif model's stack plot coloured by feature. */
function colours(data: MotifCloseupData): Readonly<Record<'a' | 'b', string>> {
  return { a: featureColour(data.featureA), b: featureColour(data.featureB) };
}
const NEUTRAL = '#555';
const DASH = '5 3';

interface Curve {
  readonly key: 'outAWith' | 'outBWith' | 'outAWithout' | 'outBWithout' | 'target';
  /** A feature's colour, or a fixed one. */
  readonly colour: 'a' | 'b' | string;
  readonly dash: string | null;
  readonly width: number;
  readonly value: (r: ResponseRow) => number;
}

const CURVES: readonly Curve[] = [
  { key: 'target', colour: '#8c8c8c', dash: '1.5 2.5', width: 1.5, value: (r) => Math.abs(r.xa) },
  { key: 'outAWithout', colour: 'a', dash: DASH, width: 1.6, value: (r) => r.outAWithout },
  { key: 'outBWithout', colour: 'b', dash: DASH, width: 1.6, value: (r) => r.outBWithout },
  { key: 'outAWith', colour: 'a', dash: null, width: 2, value: (r) => r.outAWith },
  { key: 'outBWith', colour: 'b', dash: null, width: 2, value: (r) => r.outBWith },
];

/** Set `data` (MotifCloseupData) and, optionally, `label`. */
@customElement('motif-closeup')
export class MotifCloseup extends SvgFigure {
  static override styles = [
    vizStyles,
    css`
      .group-title {
        font-weight: 600;
        fill: #222;
      }
      .value {
        font-variant-numeric: tabular-nums;
        fill: #333;
      }
      .category,
      .group-subtitle,
      .axis-title {
        fill: #555;
      }
      .zero {
        stroke: #444;
      }
      .curve {
        fill: none;
        stroke-linejoin: round;
      }
    `,
  ];

  /** The motif to draw (types.ts); nothing is drawn without one. */
  @property({ attribute: false }) data: MotifCloseupData | undefined;

  /** The `label`, else the data's title. */
  protected override accessibleName(): string {
    return this.label || this.data?.title || 'Asymmetric superposition motif';
  }

  protected override description(): string {
    return this.data ? describeMotif(this.data) : 'No motif to show.';
  }

  protected override draw(svg: SvgSelection, width: number): number {
    const data = this.data;
    if (!data) {
      svg.selectAll('*').remove();
      return 0;
    }
    const panels = motifPanels(width);
    this.drawBars(part(svg, 'g', 'bars-panel').attr('transform', `translate(${panels.bars.x},${panels.bars.y})`), panels.bars, data);
    this.drawResponse(
      part(svg, 'g', 'response-panel').attr('transform', `translate(${panels.response.x},${panels.response.y})`),
      panels.response,
      data,
    );
    return panels.height;
  }

  private drawBars(g: Group, box: Box, data: MotifCloseupData): void {
    const bars = motifBars(data);
    const titleH = 34;
    const gap = 18;
    const groupW = (box.w - gap) / 2;
    // Four bars with an extra half slot between the input pair and the output pair.
    const slot = groupW / 4.5;
    const twoLines = bars.some((b) => categoryLines(b.label, slot).length > 1);
    const categoryH = twoLines ? 30 : 18;
    // Room under the axis for a value label below a negative bar, as well as the categories.
    const y = scaleLinear()
      .domain(barDomain(bars))
      .range([box.h - categoryH - 4, titleH + 4]);
    const barX = (b: MotifBar): number => {
      const i = ['inA', 'inB', 'outA', 'outB'].indexOf(b.key);
      return i * slot + (i >= 2 ? slot / 2 : 0) + slot * 0.12;
    };
    const barW = slot * 0.76;
    const groups = g
      .selectAll<SVGGElement, MotifRole>('g.neuron')
      .data(ROLES, (r) => r)
      .join((enter) => {
        const n = enter.append('g').attr('class', 'neuron');
        n.append('title');
        n.append('text').attr('class', 'group-title').attr('y', 12);
        n.append('text').attr('class', 'group-subtitle').attr('y', 26);
        n.append('line').attr('class', 'zero');
        return n;
      })
      .attr('transform', (_, i) => `translate(${i * (groupW + gap)},0)`);
    groups.select('title').text((role) => motifSentence(role, data[role]));
    groups.select('text.group-title').text((role) => `${role} neuron ${data[role].neuron}`);
    groups
      .select('text.group-subtitle')
      // Short enough for a 320 px phone; the caption names the inhibition neuron's own feature.
      .text((role) => (role === 'asymmetric' ? 'stores a and b unequally' : 'cancels a’s push on b'));
    groups.select('line.zero').attr('x1', 0).attr('x2', groupW).attr('y1', y(0)).attr('y2', y(0));

    const barsOf = (role: MotifRole): MotifBar[] => bars.filter((b) => b.role === role);
    const colour = colours(data);
    groups
      .selectAll<SVGRectElement, MotifBar>('rect.bar')
      .data(barsOf, (b) => b.key)
      .join('rect')
      .attr('class', 'bar')
      .attr('x', barX)
      .attr('width', barW)
      .attr('y', (b) => Math.min(y(0), y(b.value)))
      .attr('height', (b) => Math.abs(y(b.value) - y(0)))
      .attr('fill', (b) => colour[b.feature])
      // Output weights are lighter, so the in/out pairs read as two groups at a glance.
      .attr('fill-opacity', (b) => (b.key.startsWith('in') ? 1 : 0.6));
    // Kept inside their neuron's group and clear of each other (placeValueLabels).
    const values = (role: MotifRole) =>
      placeValueLabels(
        barsOf(role).map((b) => ({
          text: formatNumber(b.value),
          x: barX(b) + barW / 2,
          y: b.value >= 0 ? y(b.value) - 3 : y(b.value) + 11,
        })),
        groupW,
        y(0),
      );
    groups
      .selectAll<SVGTextElement, ValueLabel>('text.value')
      .data(values, (_, k) => k)
      .join('text')
      .attr('class', 'value')
      .attr('x', (l) => l.x)
      .attr('y', (l) => l.y)
      .attr('text-anchor', 'middle')
      .text((l) => l.text);
    groups
      .selectAll<SVGTextElement, MotifBar>('text.category')
      .data(barsOf, (b) => b.key)
      .join('text')
      .attr('class', 'category')
      .attr('x', (b) => barX(b) + barW / 2)
      .attr('y', (b) => box.h - 4 - (categoryLines(b.label, slot).length - 1) * 12)
      .attr('text-anchor', 'middle')
      .each(function (b) {
        const lines = categoryLines(b.label, slot);
        select(this)
          .selectAll('tspan')
          .data(lines)
          .join('tspan')
          .attr('x', barX(b) + barW / 2)
          .attr('dy', (_, k) => (k === 0 ? 0 : 12))
          .text((line) => line);
      });
  }

  private drawResponse(g: Group, box: Box, data: MotifCloseupData): void {
    const colour = colours(data);
    const legend: LineLegendEntry[] = [
      { id: 'a', label: `output a (feature ${data.featureA})`, colour: colour.a, dash: null },
      { id: 'b', label: `output b (feature ${data.featureB})`, colour: colour.b, dash: null },
      { id: 'with', label: 'whole model', colour: NEUTRAL, dash: null },
      { id: 'without', label: 'inhibition neuron removed', colour: NEUTRAL, dash: DASH },
      { id: 'target', label: 'target |xₐ|', colour: '#8c8c8c', dash: '1.5 2.5' },
    ];
    const layout = lineLegendLayout(legend, box.w, 18);
    const legendH = layout.rows * LEGEND_ROW_HEIGHT + 8;
    drawLineLegend(part(g, 'g', 'legend'), legend, layout, 2);

    const margin = { left: 38, right: 14, bottom: 34 };
    const innerW = Math.max(60, box.w - margin.left - margin.right);
    const innerH = Math.max(80, box.h - legendH - margin.bottom);
    const x = scaleLinear().domain([-1, 1]).range([0, innerW]);
    const y = scaleLinear().domain(responseDomain(data)).nice().range([innerH, 0]);
    const plot = part(g, 'g', 'plot').attr('transform', `translate(${margin.left},${legendH})`);
    part(plot, 'g', 'x axis').attr('transform', `translate(0,${innerH})`).call(axisBottom(x).ticks(5).tickSizeOuter(0));
    part(plot, 'g', 'y axis').call(axisLeft(y).ticks(5).tickSizeOuter(0));
    drawAxisTitles(plot, { x: 'xₐ (input a alone; all other inputs 0)', y: 'output' }, { width: innerW, height: innerH, yTitleOffset: 30 });
    const rows = data.response.filter((r) => Number.isFinite(r.xa));
    plot
      .selectAll<SVGPathElement, Curve>('path.curve')
      .data(CURVES, (c) => c.key)
      .join('path')
      .attr('class', 'curve')
      .attr('stroke', (c) => (c.colour === 'a' || c.colour === 'b' ? colour[c.colour] : c.colour))
      .attr('stroke-width', (c) => c.width)
      .attr('stroke-dasharray', (c) => c.dash)
      .attr(
        'd',
        (c) =>
          line<ResponseRow>()
            .defined((r) => Number.isFinite(c.value(r)))
            .x((r) => x(r.xa))
            .y((r) => y(c.value(r)))(rows) ?? '',
      );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'motif-closeup': MotifCloseup;
  }
}
