/**
 * <neuron-stack-plot>: the neuron weight stack plot (docs/figures.md). One column per neuron, one
 * rect per feature stacked by |W1|, coloured by the feature's superposition. It is redrawn several
 * times a second while training, so its elements are few and stable: a keyed <g> per column (focus
 * target, shading) and one <path> per colour for all the rects (stack-paths.ts). Tooltips, hit
 * testing and keyboard focus are the StackPlotInteraction controller's (stack-plot-interaction.ts).
 */
import { axisLeft, scaleLinear, type Selection } from 'd3';
import { css, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeStackPlot, highlightLabels, stackLayout, type StackColumn, type StackLayout } from './stack-layout';
import { StackPlotInteraction } from './stack-plot-interaction';
import { colourPaths, type ColourPath } from './stack-paths';
import { part, setIfChanged } from './svg-parts';
import { SvgFigure, type SvgSelection } from './svg-figure';
import { drawSuperpositionLegend, LEGEND_HEIGHT } from './superposition-scale';
import type { StackPlotData } from './types';
import { vizStyles } from './viz-styles';

type GroupSelection = Selection<SVGGElement, unknown, null, undefined>;

/** Estimated px per character of the 11 px highlight labels. */
const LABEL_CHAR_WIDTH = 6.2;
const LABEL_ROW_HEIGHT = 13;
/** Column shading at polysemanticity 1: faint, so it never competes with the weights. */
const MAX_SHADE_OPACITY = 0.1;
const HIGHLIGHT_COLOUR = '#c2255c';

/** Set `data` (StackPlotData), `label`, and `compact` for a small multiple. */
@customElement('neuron-stack-plot')
export class NeuronStackPlot extends SvgFigure {
  static override styles = [
    vizStyles,
    css`
      .column {
        outline: none;
      }
      .column .bg {
        fill: #1a1a2e;
      }
      .column:focus-visible .bg {
        stroke: #111;
        stroke-width: 1.5;
      }
      .feature-bin {
        stroke: #fff;
        stroke-width: 0.3;
        pointer-events: none;
      }
      .feature-mark {
        fill: none;
        stroke: #000;
        stroke-width: 1.2;
        pointer-events: none;
        visibility: hidden;
      }
      .feature-mark.shown {
        visibility: visible;
      }
      .zero {
        stroke: #444;
        stroke-width: 1;
      }
      .outline {
        fill: none;
        stroke: ${unsafeCSS(HIGHLIGHT_COLOUR)};
        stroke-width: 1.5;
        pointer-events: none;
      }
      .highlight-label {
        fill: ${unsafeCSS(HIGHLIGHT_COLOUR)};
        font-weight: 600;
      }
      .x-caption,
      .legend-tick {
        fill: #555;
      }
      .legend-title {
        fill: #333;
      }
    `,
  ];

  /** The columns to draw, in plot order, and each feature's superposition (types.ts). */
  @property({ attribute: false }) data: StackPlotData = { neurons: [], superposition: [] };

  override label = 'Neuron weight stack plot';

  /** Small-multiple mode: no axis, caption or legend (the parent shows a shared one). */
  @property({ type: Boolean, reflect: true }) compact = false;

  private readonly interaction = new StackPlotInteraction(this);

  protected override description(): string {
    return `${this.label}. ${describeStackPlot(this.data)}`;
  }

  protected override renderOverlay() {
    return this.interaction.overlay();
  }

  protected override draw(svg: SvgSelection, width: number): number {
    const compact = this.compact;
    const margin = compact ? { top: 3, right: 1, bottom: 3, left: 1 } : { top: 6, right: 6, bottom: 24 + LEGEND_HEIGHT, left: 34 };
    const innerW = Math.max(40, width - margin.left - margin.right);
    const innerH = compact ? clamp(innerW * 0.55, 80, 150) : clamp(innerW * 0.38, 150, 280);
    const layout = stackLayout(this.data, innerW, innerH);
    const labels = highlightLabels(layout, innerW, LABEL_CHAR_WIDTH);
    const labelRows = labels.reduce((rows, l) => Math.max(rows, l.row + 1), 0);
    const top = margin.top + labelRows * LABEL_ROW_HEIGHT + (labelRows > 0 ? 4 : 0);

    const plot = part(svg, 'g', 'plot').attr('transform', `translate(${margin.left},${top})`);
    this.drawColumns(part(plot, 'g', 'columns'), layout, innerH);
    part(plot, 'g', 'features')
      .selectAll<SVGPathElement, ColourPath>('path.feature-bin')
      .data(colourPaths(layout.rects), (p) => p.level)
      .join('path')
      .attr('class', 'feature-bin')
      .each(function (p) {
        setIfChanged(this, 'fill', p.colour);
        setIfChanged(this, 'd', p.d);
      });
    // The outline of the rect being read; StackPlotInteraction moves it.
    part(plot, 'rect', 'feature-mark').attr('aria-hidden', 'true');
    part(plot, 'line', 'zero').attr('x1', 0).attr('x2', innerW).attr('y1', layout.axisY).attr('y2', layout.axisY);

    const highlightColumns = layout.columns.filter((c) => c.source.highlight);
    part(plot, 'g', 'outlines')
      .selectAll<SVGRectElement, StackColumn>('rect.outline')
      .data(highlightColumns, (c) => c.neuron)
      .join('rect')
      .attr('class', 'outline')
      .attr('x', (c) => c.x - 2)
      .attr('y', (c) => c.top - 3)
      .attr('width', (c) => c.w + 4)
      .attr('height', (c) => c.bottom - c.top + 6);
    part(plot, 'g', 'highlight-labels')
      .selectAll<SVGTextElement, (typeof labels)[number]>('text.highlight-label')
      .data(labels, (l) => l.neuron)
      .join('text')
      .attr('class', 'highlight-label')
      .attr('x', (l) => l.x)
      .attr('y', (l) => -4 - l.row * LABEL_ROW_HEIGHT)
      .attr('text-anchor', (l) => l.anchor)
      .text((l) => l.text);

    const axis = part(plot, 'g', 'axis');
    const caption = part(plot, 'text', 'x-caption');
    const legend = part(svg, 'g', 'legend');
    if (compact) {
      axis.selectAll('*').remove();
      caption.text('');
      legend.selectAll('*').remove();
    } else {
      const y = scaleLinear().domain([-layout.yMax, layout.yMax]).range([innerH, 0]);
      axis.call(axisLeft(y).ticks(5).tickSizeOuter(0));
      caption
        .attr('x', 0)
        .attr('y', innerH + 14)
        .text('neurons, most important feature first →');
      legend.attr('transform', `translate(${margin.left},${top + innerH + 22})`);
      drawSuperpositionLegend(legend, Math.min(240, innerW));
    }
    this.interaction.drawn(layout, { left: margin.left, top, height: innerH });
    return top + innerH + margin.bottom;
  }

  private drawColumns(g: GroupSelection, layout: StackLayout, innerH: number): void {
    const slot = layout.slot;
    const columns = g
      .selectAll<SVGGElement, StackColumn>('g.column')
      .data(layout.columns, (c) => c.neuron)
      .join((enter) => {
        const col = enter
          .append('g')
          .attr('class', 'column')
          .attr('data-neuron', (c) => c.neuron)
          .attr('role', 'img');
        col.append('rect').attr('class', 'bg');
        return col;
      })
      .attr('transform', (c) => `translate(${c.x},0)`)
      .attr('aria-label', (c) => c.source.description);
    // The background fills the whole slot, so a column reads as one target between its rects too.
    columns
      .select<SVGRectElement>('rect.bg')
      .attr('x', (c) => -(slot - c.w) / 2)
      .attr('y', 0)
      .attr('width', slot)
      .attr('height', innerH)
      .attr('fill-opacity', (c) => clamp(c.source.polysemanticity, 0, 1) * MAX_SHADE_OPACITY);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

declare global {
  interface HTMLElementTagNameMap {
    'neuron-stack-plot': NeuronStackPlot;
  }
}
