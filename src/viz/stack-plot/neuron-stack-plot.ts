/**
 * <neuron-stack-plot>: the neuron weight stack plot (docs/figures.md). One column per neuron, one
 * segment per feature stacked by |W1|, coloured by the feature's superposition. It is redrawn several
 * times a second while training, so its elements are few and stable: a keyed <g> per column (focus
 * target, shading) and one <path> per colour for all the segments (stack-paths.ts). Tooltips, hit
 * testing, keyboard focus and the mark on the column being read are the StackPlotInteraction
 * controller's (stack-plot-interaction.ts). Sizes come from stackPlotArea() (stack-layout.ts).
 */
import { axisLeft, scaleLinear, type Selection } from 'd3';
import { customElement, property } from 'lit/decorators.js';
import {
  columnText,
  COUNT_BAR_PX,
  COUNT_STRIP,
  describeStackPlot,
  neuronTicks,
  type NeuronTick,
  stackLayout,
  stackPlotArea,
  xTitle,
  type StackColumn,
  type StackLayout,
} from './stack-layout';
import { highlightLabels, type HighlightLabel } from './highlight-labels';
import { type ClipLabel, clipMarks, countBars, primaryOutlines, scaleNote } from './stack-marks';
import { StackPlotInteraction } from './stack-plot-interaction';
import { colourPaths, type ColourPath } from './stack-paths';
import { formatRangeTick, rangeTicks } from './stack-scale';
import { part, setIfChanged } from '../core/svg-parts';
import { SvgFigure, type SvgSelection } from '../core/svg-figure';
import { drawSuperpositionLegend, LEGEND_HEIGHT } from './superposition-scale';
import type { StackPlotData } from '../core/types';
import { stackPlotStyles } from './stack-plot-styles';
import {
  clearFeatureLegend,
  drawFeatureLegend,
  featureLegendEntries,
  featureLegendHeight,
  featuresPresent,
  fillFor,
  type StackColouring,
} from './stack-colouring';

type GroupSelection = Selection<SVGGElement, unknown, null, undefined>;

/** Estimated px per character of the 11 px, semibold highlight labels. */
const LABEL_CHAR_WIDTH = 6.4;
const LABEL_ROW_HEIGHT = 14;
/** Space between the lowest label row's baseline and the plot area, px: clear of the outlines, which reach 3 px above it. */
const LABEL_CLEARANCE = 8;
/** Height of a line of the note saying a plot's scale clips its tallest stacks, px. */
const NOTE_HEIGHT = 13;
/** Column shading at polysemanticity 1: faint, so it never competes with the weights. */
const MAX_SHADE_OPACITY = 0.1;

/** Set `data` (StackPlotData), `label`, and `compact` for a small multiple. */
@customElement('neuron-stack-plot')
export class NeuronStackPlot extends SvgFigure {
  static override styles = stackPlotStyles;

  /** The columns to draw, in plot order, and each feature's superposition (types.ts). */
  @property({ attribute: false }) data: StackPlotData = { neurons: [], superposition: [] };

  override label = 'Neuron weight stack plot';

  /** Small-multiple mode: no axis, caption or legend (the parent shows a shared one). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** 'superposition' (default): segments coloured by their feature's superposition; 'feature': each feature keeps one colour (stack-colouring.ts). */
  @property({ reflect: true }) colouring: StackColouring = 'superposition';

  private readonly interaction = new StackPlotInteraction(this);

  protected override description(): string {
    return `${this.label}. ${describeStackPlot(this.data)}`;
  }

  protected override renderOverlay() {
    return this.interaction.overlay();
  }

  protected override draw(svg: SvgSelection, width: number): number {
    const compact = this.compact;
    const byFeature = this.colouring === 'feature';
    const legendEntries = byFeature && !compact ? featureLegendEntries(featuresPresent([this.data])) : [];
    // The feature legend wraps at the plot's width, which does not depend on the legend's height.
    const legendHeight = byFeature
      ? Math.max(LEGEND_HEIGHT, featureLegendHeight(legendEntries, stackPlotArea(width, compact, 0).innerW))
      : LEGEND_HEIGHT;
    const { margin, innerW, innerH } = stackPlotArea(width, compact, legendHeight);
    const layout = stackLayout(this.data, innerW, innerH);
    const labels = highlightLabels(layout, innerW, LABEL_CHAR_WIDTH);
    const labelRows = labels.reduce((rows, l) => Math.max(rows, l.row + 1), 0);
    const top = margin.top + (labelRows > 0 ? (labelRows - 1) * LABEL_ROW_HEIGHT + LABEL_ROW_HEIGHT + LABEL_CLEARANCE : 0);

    const plot = part(svg, 'g', 'plot').attr('transform', `translate(${margin.left},${top})`);
    this.drawColumns(part(plot, 'g', 'columns'), layout, innerH);
    part(plot, 'g', 'features')
      .selectAll<SVGPathElement, ColourPath>('path.feature-bin')
      .data(colourPaths(layout.rects, fillFor(this.colouring)), (p) => p.level)
      .join('path')
      .attr('class', 'feature-bin')
      .each(function (p) {
        setIfChanged(this, 'fill', p.colour);
        setIfChanged(this, 'd', p.d);
      });
    this.drawMarks(plot, layout, innerH);
    // A weight of ±1 is a neuron's largest after the rescaling: the guides show how far past it the stacks reach.
    const y = scaleLinear().domain([-layout.yMax, layout.yMax]).range([innerH, 0]);
    part(plot, 'g', 'guides')
      .selectAll<SVGLineElement, number>('line.unit-guide')
      .data(layout.yMax > 1 ? [1, -1] : [], (v) => v)
      .join('line')
      .attr('class', 'unit-guide')
      .attr('x1', 0)
      .attr('x2', innerW)
      .attr('y1', (v) => y(v))
      .attr('y2', (v) => y(v));
    // The outline of the rect being read and the mark on its column; StackPlotInteraction moves them.
    part(plot, 'rect', 'feature-mark').attr('aria-hidden', 'true');
    part(plot, 'line', 'zero').attr('x1', 0).attr('x2', innerW).attr('y1', layout.axisY).attr('y2', layout.axisY);
    this.drawHighlights(plot, layout, labels);
    this.drawAxes(plot, layout, innerH);

    // A clipped plot says so in words under the x-axis title (a compact one in its panel's caption, sweep-figure.ts).
    // On a narrow plot it wraps onto a second line rather than run past the plot's right edge.
    const noteLines = !compact && layout.clipped ? scaleNote(layout.yMax, innerW) : [];
    const note = noteLines.length * NOTE_HEIGHT;
    part(plot, 'text', 'x-caption scale-note')
      .attr('x', 0)
      .attr('y', innerH + COUNT_STRIP + 27 + NOTE_HEIGHT)
      .selectAll<SVGTSpanElement, string>('tspan')
      .data(noteLines)
      .join('tspan')
      .attr('x', 0)
      .attr('dy', (_, k) => (k === 0 ? 0 : NOTE_HEIGHT))
      .text((line) => line);
    const legend = part(svg, 'g', 'legend');
    if (compact) legend.selectAll('*').remove();
    else {
      legend.attr('transform', `translate(${margin.left},${top + innerH + COUNT_STRIP + 14 + 16 + 8 + note})`);
      if (byFeature) drawFeatureLegend(legend, legendEntries, innerW);
      else {
        clearFeatureLegend(legend);
        drawSuperpositionLegend(legend, Math.min(240, innerW));
      }
    }
    this.interaction.drawn(layout, { left: margin.left, top, height: innerH });
    return top + innerH + margin.bottom + note;
  }

  /** The primary segments' outlines, the clipped stacks' break marks and true heights, and the count mark under the columns (stack-marks.ts). */
  private drawMarks(plot: GroupSelection, layout: StackLayout, innerH: number): void {
    part(plot, 'path', 'primary-outline').attr('d', primaryOutlines(layout) || null);
    const clips = clipMarks(layout, innerH);
    part(plot, 'path', 'clip-gap').attr('d', clips.gaps || null);
    part(plot, 'path', 'clip-arrow').attr('d', clips.arrows || null);
    part(plot, 'g', 'clip-labels')
      .selectAll<SVGTextElement, ClipLabel>('text.clip-label')
      .data(clips.labels, (l) => `${l.neuron} ${l.side}`)
      .join('text')
      .attr('class', 'clip-label')
      .attr('x', (l) => l.x)
      .attr('y', (l) => l.y)
      .attr('text-anchor', 'middle')
      .text((l) => l.text);
    part(plot, 'path', 'count-bars').attr('d', countBars(layout, innerH + 3) || null);
    part(plot, 'text', 'count-title')
      .attr('x', -3)
      .attr('y', innerH + 3 + COUNT_BAR_PX)
      .attr('text-anchor', 'end')
      .text('≥10%');
  }

  /** Outlines and labels of the highlighted columns, labels in rows above the plot with a leader line down to their column. */
  private drawHighlights(plot: GroupSelection, layout: StackLayout, labels: readonly HighlightLabel[]): void {
    const highlightColumns = layout.columns.filter((c) => c.source.highlight);
    const outlineTop = (c: StackColumn): number => Math.max(-3, c.top - 3);
    part(plot, 'g', 'outlines')
      .selectAll<SVGRectElement, StackColumn>('rect.outline')
      .data(highlightColumns, (c) => c.neuron)
      .join('rect')
      .attr('class', 'outline')
      .attr('x', (c) => c.x - 2)
      .attr('y', outlineTop)
      .attr('width', (c) => c.w + 4)
      .attr('height', (c) => c.bottom - c.top + 6);
    const baseline = (l: HighlightLabel): number => -LABEL_CLEARANCE - l.row * LABEL_ROW_HEIGHT;
    const columnTop = new Map(highlightColumns.map((c) => [c.neuron, outlineTop(c)]));
    part(plot, 'g', 'leaders')
      .selectAll<SVGLineElement, HighlightLabel>('line.leader')
      .data(labels, (l) => l.neuron)
      .join('line')
      .attr('class', 'leader')
      .attr('x1', (l) => l.columnX)
      .attr('x2', (l) => l.columnX)
      .attr('y1', (l) => baseline(l) + 3)
      .attr('y2', (l) => columnTop.get(l.neuron) ?? 0);
    part(plot, 'g', 'highlight-labels')
      .selectAll<SVGTextElement, HighlightLabel>('text.highlight-label')
      .data(labels, (l) => l.neuron)
      .join('text')
      .attr('class', 'highlight-label')
      .attr('x', (l) => l.x)
      .attr('y', baseline)
      .attr('text-anchor', (l) => l.anchor)
      .text((l) => l.text);
  }

  /**
   * The y axis (both modes: each plot states its own scale) and, on a full plot, its title, the
   * neuron numbers under the columns and the x-axis title. d3's axis rebuilds its ticks on every
   * call, so it is redrawn only when its range or size changes.
   */
  private drawAxes(plot: GroupSelection, layout: StackLayout, innerH: number): void {
    const axis = part(plot, 'g', 'axis y-axis');
    const axisFor = `${layout.yMax} ${innerH}`;
    if (axis.attr('data-drawn-for') !== axisFor) {
      const scale = scaleLinear().domain([-layout.yMax, layout.yMax]).range([innerH, 0]);
      axis.attr('data-drawn-for', axisFor).call(
        axisLeft(scale)
          .tickValues(rangeTicks(layout.yMax))
          .tickFormat((v) => formatRangeTick(v.valueOf()))
          .tickSizeOuter(0)
          .tickSize(3),
      );
    }
    const full = !this.compact;
    part(plot, 'text', 'axis-title y-title')
      .attr('transform', `translate(${-34},${innerH / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(full ? 'input weight, ÷ neuron’s largest' : '');
    part(plot, 'g', 'neuron-ticks')
      .selectAll<SVGTextElement, NeuronTick>('text.neuron-tick')
      .data(full ? neuronTicks(layout) : [], (t) => t.neuron)
      .join('text')
      .attr('class', 'neuron-tick')
      .attr('x', (t) => t.x)
      .attr('y', innerH + COUNT_STRIP + 11)
      .attr('text-anchor', 'middle')
      .text((t) => t.neuron);
    part(plot, 'text', 'x-caption')
      .attr('x', 0)
      .attr('y', innerH + COUNT_STRIP + 27)
      .text(full ? xTitle(this.data, layout.slot * layout.columns.length) : '');
  }

  private drawColumns(g: GroupSelection, layout: StackLayout, innerH: number): void {
    const slot = layout.slot;
    // Columns are placed by their transform; their DOM order is left as it is. join() would reorder
    // the nodes to the data's order, and moving a node drops its focus: a reader focusing a column
    // would lose it when a finished run sorts its columns.
    const bound = g.selectAll<SVGGElement, StackColumn>('g.column').data(layout.columns, (c) => c.neuron);
    bound.exit().remove();
    const entered = bound.enter().append('g').attr('class', 'column').attr('role', 'img');
    entered.append('rect').attr('class', 'bg');
    const columns = entered
      .merge(bound)
      .attr('data-neuron', (c) => c.neuron)
      .attr('transform', (c) => `translate(${c.x},0)`)
      .attr('aria-label', (c) => columnText(c, layout.yMax));
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
