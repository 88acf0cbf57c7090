/**
 * <neuron-stack-plot>: the neuron weight stack plot of SPEC §2. One column per neuron, one rect per
 * feature stacked by |W1|, coloured by the feature's superposition. It is redrawn several times a
 * second while training, so its elements are few and stable: a keyed <g> per column (focus,
 * shading, pointer target) and one <path> per colour for all the rects (stack-paths.ts). The rect
 * under the pointer or keyboard focus is found from the layout and marked by one moving outline.
 */
import { axisLeft, scaleLinear, select, type Selection } from 'd3';
import { css, html, LitElement, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ElementWidthController } from './element-width';
import {
  featureTooltip,
  highlightLabels,
  stackLayout,
  describeStackPlot,
  type StackColumn,
  type StackLayout,
  type StackRect,
} from './stack-layout';
import { colourPaths, rectAt, type ColourPath } from './stack-paths';
import { part, roundPx } from './svg-parts';
import { drawSuperpositionLegend, LEGEND_HEIGHT } from './superposition-scale';
import { placeTooltip } from './tooltip';
import type { StackPlotData } from './types';
import { vizStyles } from './viz-styles';

type GroupSelection = Selection<SVGGElement, unknown, null, undefined>;

/** Width used before the first ResizeObserver report (or where layout gives none, e.g. print). */
const FALLBACK_WIDTH = 640;
/** Estimated px per character of the 11 px highlight labels. */
const LABEL_CHAR_WIDTH = 6.2;
const LABEL_ROW_HEIGHT = 13;
/** Column shading at polysemanticity 1: faint, so it never competes with the weights. */
const MAX_SHADE_OPACITY = 0.1;
const HIGHLIGHT_COLOUR = '#c2255c';

/**
 * Sets an attribute only when its value changes: while training, most of the ~1,000–4,000
 * rectangles move little between redraws, and each write costs Chromium style and layout work.
 */
function setIfChanged(element: Element, name: string, value: number | string): void {
  const text = typeof value === 'number' ? String(roundPx(value)) : value;
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}

@customElement('neuron-stack-plot')
export class NeuronStackPlot extends LitElement {
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
        outline: none;
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

  @property({ attribute: false }) data: StackPlotData = { neurons: [], superposition: [] };

  /** Accessible name of the figure. */
  @property() label = 'Neuron weight stack plot';

  /** Small-multiple mode: no axis, caption or legend (the parent shows a shared one). */
  @property({ type: Boolean, reflect: true }) compact = false;

  private readonly size = new ElementWidthController(this);

  private layout: StackLayout | undefined;
  /** Where the plot area starts inside the <svg>, px: turns pointer positions into layout coordinates. */
  private plotOrigin = { left: 0, top: 0 };
  /** Neuron whose column is in the tab order (roving tabindex). */
  private activeNeuron: number | undefined;
  /** What the visible tooltip describes, so it can follow the data while training updates it. */
  private tip: { neuron: number; feature: number | undefined } | undefined;

  /** The figure's <svg>, for <figure-download>. */
  svgElement(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  protected override render() {
    return html`<svg
        role="img"
        aria-label=${this.label}
        aria-describedby="summary"
        @pointermove=${this.onPointerMove}
        @pointerleave=${this.hideTooltip}
        @focusin=${this.onFocusIn}
        @focusout=${this.hideTooltip}
        @keydown=${this.onKeyDown}
      ></svg>
      <p id="summary" class="sr-only">${this.label}. ${describeStackPlot(this.data)}</p>
      <div class="tooltip" role="tooltip" id="tip" hidden></div>`;
  }

  protected override updated(_changed: PropertyValues): void {
    this.draw();
  }

  private draw(): void {
    const svgEl = this.svgElement();
    if (!svgEl) return;
    const width = this.size.width || FALLBACK_WIDTH;
    const compact = this.compact;
    const margin = compact ? { top: 3, right: 1, bottom: 3, left: 1 } : { top: 6, right: 6, bottom: 24 + LEGEND_HEIGHT, left: 34 };
    const innerW = Math.max(40, width - margin.left - margin.right);
    const innerH = compact ? clamp(innerW * 0.55, 80, 150) : clamp(innerW * 0.38, 150, 280);
    const layout = stackLayout(this.data, innerW, innerH);
    this.layout = layout;
    const labels = highlightLabels(layout, innerW, LABEL_CHAR_WIDTH);
    const labelRows = labels.reduce((rows, l) => Math.max(rows, l.row + 1), 0);
    const top = margin.top + labelRows * LABEL_ROW_HEIGHT + (labelRows > 0 ? 4 : 0);
    const height = top + innerH + margin.bottom;

    const svg = select(svgEl)
      .attr('width', width)
      .attr('height', height)
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('xmlns', 'http://www.w3.org/2000/svg');
    const plot = part(svg, 'g', 'plot').attr('transform', `translate(${margin.left},${top})`);
    this.plotOrigin = { left: margin.left, top };

    if (this.activeNeuron === undefined || !layout.columns.some((c) => c.neuron === this.activeNeuron)) {
      this.activeNeuron = layout.columns[0]?.neuron;
    }
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
    part(plot, 'rect', 'feature-mark').attr('tabindex', -1).attr('role', 'img');

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
    this.refreshTooltip();
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
      .attr('tabindex', (c) => (c.neuron === this.activeNeuron ? 0 : -1))
      .attr('aria-label', (c) => c.source.description);
    // The background fills the whole slot so the pointer finds a column between its rects too.
    columns
      .select<SVGRectElement>('rect.bg')
      .attr('x', (c) => -(slot - c.w) / 2)
      .attr('y', 0)
      .attr('width', slot)
      .attr('height', innerH)
      .attr('fill-opacity', (c) => clamp(c.source.polysemanticity, 0, 1) * MAX_SHADE_OPACITY);
  }

  private markElement(): SVGRectElement | null {
    return this.renderRoot.querySelector('rect.feature-mark');
  }

  private markFocused(): boolean {
    const mark = this.markElement();
    return mark !== null && (this.renderRoot as ShadowRoot).activeElement === mark;
  }

  /** Outlines one feature's rect (hover or keyboard focus), or hides the outline. */
  private mark(rect: StackRect | undefined): SVGRectElement | null {
    const mark = this.markElement();
    if (!mark) return null;
    mark.classList.toggle('shown', rect !== undefined);
    if (!rect) return mark;
    setIfChanged(mark, 'x', rect.x);
    setIfChanged(mark, 'y', rect.y);
    setIfChanged(mark, 'width', rect.w);
    setIfChanged(mark, 'height', rect.h);
    mark.setAttribute('data-neuron', String(rect.neuron));
    mark.setAttribute('data-feature', String(rect.feature));
    mark.setAttribute('aria-label', featureTooltip(rect));
    return mark;
  }

  private rectOf(neuron: number, feature: number | undefined): StackRect | undefined {
    if (feature === undefined) return undefined;
    return this.layout?.columns.find((c) => c.neuron === neuron)?.rects.find((r) => r.feature === feature && r.h > 0);
  }

  private tooltipElement(): HTMLDivElement | null {
    return this.renderRoot.querySelector('.tooltip');
  }

  private showTooltip(text: string, x: number, y: number): void {
    const tip = this.tooltipElement();
    if (!tip) return;
    tip.textContent = text;
    tip.hidden = false;
    const { left, top } = placeTooltip(x, y, tip.offsetWidth, tip.offsetHeight, this.clientWidth);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  private readonly hideTooltip = (): void => {
    const tip = this.tooltipElement();
    if (tip) tip.hidden = true;
    this.tip = undefined;
    if (!this.markFocused()) this.mark(undefined);
  };

  /** Keeps the open tooltip's text, and the outline of its rect, in step with the data it describes. */
  private refreshTooltip(): void {
    const tip = this.tooltipElement();
    if (!this.tip || !tip || tip.hidden) return;
    const text = this.tipText(this.tip.neuron, this.tip.feature);
    if (text === undefined) {
      this.hideTooltip();
      return;
    }
    tip.textContent = text;
    if (this.tip.feature !== undefined) this.mark(this.rectOf(this.tip.neuron, this.tip.feature));
  }

  private tipText(neuron: number, feature: number | undefined): string | undefined {
    const column = this.layout?.columns.find((c) => c.neuron === neuron);
    if (!column) return undefined;
    if (feature === undefined) return column.source.description;
    const rect = this.rectOf(neuron, feature);
    return rect ? featureTooltip(rect) : undefined;
  }

  /** Neuron and feature of an event target: a column, or the outline of a keyboard-focused rect. */
  private targetOf(el: Element | null): { neuron: number; feature: number | undefined } | undefined {
    if (el?.classList.contains('feature-mark')) {
      return { neuron: Number(el.getAttribute('data-neuron')), feature: Number(el.getAttribute('data-feature')) };
    }
    const column = el?.closest<SVGGElement>('g.column');
    return column ? { neuron: Number(column.getAttribute('data-neuron')), feature: undefined } : undefined;
  }

  private showFor(neuron: number, feature: number | undefined, x: number, y: number): void {
    const text = this.tipText(neuron, feature);
    if (text === undefined) {
      this.hideTooltip();
      return;
    }
    this.tip = { neuron, feature };
    this.showTooltip(text, x, y);
  }

  private readonly onPointerMove = (e: PointerEvent): void => {
    const target = this.targetOf(e.target as Element | null);
    const column = this.layout?.columns.find((c) => c.neuron === target?.neuron);
    const svg = this.svgElement();
    if (!target || !column || !svg) {
      this.hideTooltip();
      return;
    }
    const rect = rectAt(column, e.clientY - svg.getBoundingClientRect().top - this.plotOrigin.top);
    const host = this.getBoundingClientRect();
    this.showFor(target.neuron, rect?.feature, e.clientX - host.left, e.clientY - host.top);
    if (!this.markFocused()) this.mark(rect);
  };

  private readonly onFocusIn = (e: FocusEvent): void => {
    const el = e.target as Element | null;
    const target = this.targetOf(el);
    if (!el || !target) return;
    if (target.feature === undefined) this.setActive(target.neuron);
    const host = this.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    this.showFor(target.neuron, target.feature, box.left + box.width / 2 - host.left, box.top - host.top);
  };

  private setActive(neuron: number): void {
    this.activeNeuron = neuron;
    this.svgElement()
      ?.querySelectorAll<SVGGElement>('g.column')
      .forEach((g) => {
        g.setAttribute('tabindex', g.getAttribute('data-neuron') === String(neuron) ? '0' : '-1');
      });
  }

  private focusColumn(index: number): void {
    const columns = this.layout?.columns ?? [];
    const column = columns[Math.max(0, Math.min(columns.length - 1, index))];
    if (!column) return;
    this.setActive(column.neuron);
    this.svgElement()?.querySelector<SVGGElement>(`g.column[data-neuron="${column.neuron}"]`)?.focus();
  }

  /**
   * Moves focus among the column's rects from the largest |weight| down, so the first key presses
   * reach the weights that matter rather than the many near-zero ones. Rects become focusable on demand.
   */
  private focusRect(neuron: number, from: number | undefined, step: 1 | -1): void {
    const column = this.layout?.columns.find((c) => c.neuron === neuron);
    if (!column) return;
    const visible = column.rects.filter((r) => r.h > 0).sort((a, b) => b.h - a.h);
    if (visible.length === 0) return;
    const at = from === undefined ? -1 : visible.findIndex((r) => r.feature === from);
    const next = from === undefined ? (step === 1 ? visible[0] : visible[visible.length - 1]) : visible[at + step];
    if (!next) return;
    this.mark(next)?.focus();
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const target = this.targetOf(e.target as Element | null);
    if (!target || !this.layout) return;
    const index = this.layout.columns.findIndex((c) => c.neuron === target.neuron);
    const last = this.layout.columns.length - 1;
    const moves: Record<string, () => void> = {
      ArrowRight: () => this.focusColumn(index + 1),
      ArrowLeft: () => this.focusColumn(index - 1),
      Home: () => this.focusColumn(0),
      End: () => this.focusColumn(last),
      ArrowDown: () => this.focusRect(target.neuron, target.feature, 1),
      ArrowUp: () => this.focusRect(target.neuron, target.feature, -1),
      Escape: () => (target.feature === undefined ? this.hideTooltip() : this.focusColumn(index)),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

declare global {
  interface HTMLElementTagNameMap {
    'neuron-stack-plot': NeuronStackPlot;
  }
}
