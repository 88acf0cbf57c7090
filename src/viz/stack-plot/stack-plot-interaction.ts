/**
 * Reading a stack plot's numbers by pointer and keyboard: the tooltip, the outline of the rect
 * being read, and roving keyboard focus over the columns (docs/figures.md). What lies under the
 * pointer and where a key leads are pure functions in stack-plot-targets.ts.
 *
 * Keyboard: one column at a time is in the tab order. ←/→ move to the next column, Home/End to the
 * first and last; ↓/↑ step through the focused column's features from the largest weight down,
 * and ↑ from the largest returns to the column's description; Esc goes back to the column, then
 * closes the tooltip; Enter/Space chooses the column's neuron, as a click on it does (a
 * `neuron-select` event, core/neuron-select.ts). Focus stays on the column throughout: a feature is not an element of its own
 * (the column's rects are drawn as a few shared paths), so its text is shown in the tooltip and
 * announced through a polite live region.
 *
 * The column being read (hovered or focused) is marked, with its neuron number under the plot, and
 * stays marked while the plot redraws: the plot redraws many times a second while a model trains,
 * and after each draw the open tooltip, the mark and the outline follow the data of the column and
 * feature they describe (columns are keyed by neuron, so a neuron keeps its mark wherever it is).
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { COUNT_STRIP, type StackLayout, type StackRect } from './stack-layout';
import { keyboardMove, type StackPlotTarget, targetAt, targetText } from './stack-plot-targets';
import type { SvgFigure } from '../core/svg-figure';
import { emitNeuronSelect, isChooseKey } from '../core/neuron-select';
import { setIfChanged } from '../core/svg-parts';
import { placeTooltip } from '../core/tooltip';

/** Where the plot area sits inside the <svg>, px, and its height. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly height: number;
}

/**
 * The interaction of one <neuron-stack-plot>: construct it in the element (an SvgFigure), render
 * `overlay()` after the <svg> and call `drawn()` at the end of every draw. The <svg> is expected
 * to hold one `g.column[data-neuron]` per column and, in the plot area, one `rect.feature-mark` for
 * the outline; the controller adds the column's mark and number there itself.
 */
export class StackPlotInteraction implements ReactiveController {
  private layout: StackLayout | undefined;
  private area: PlotArea = { left: 0, top: 0, height: 0 };
  /** Neuron whose column is in the tab order (roving tabindex). */
  private activeNeuron: number | undefined;
  /** The keyboard's position while a column has focus. */
  private focused: StackPlotTarget | undefined;
  /** What the open tooltip describes, so it can follow the data while training updates it. */
  private shown: StackPlotTarget | undefined;

  constructor(private readonly host: SvgFigure) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, listener] of this.rootListeners()) this.host.renderRoot.addEventListener(type, listener);
    this.host.addEventListener('pointerleave', this.onPointerLeave);
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.rootListeners()) this.host.renderRoot.removeEventListener(type, listener);
    this.host.removeEventListener('pointerleave', this.onPointerLeave);
  }

  /**
   * Listeners on the shadow root, where events from inside still have their real targets.
   * pointerleave does not bubble, so it is heard on the host (whose box is the <svg>'s).
   */
  private rootListeners(): [string, EventListener][] {
    return [
      ['pointermove', this.onPointerMove as EventListener],
      ['click', this.onClick as EventListener],
      ['focusin', this.onFocusIn as EventListener],
      ['focusout', this.onFocusOut],
      ['keydown', this.onKeyDown as EventListener],
    ];
  }

  /** The tooltip and the live region that announces the feature read by keyboard. */
  overlay(): TemplateResult {
    return html`<div class="tooltip" role="tooltip" hidden></div>
      <p class="sr-only readout" aria-live="polite"></p>`;
  }

  /**
   * Takes the layout just drawn and the plot area's place in the <svg>: keeps one column in the
   * tab order and the open tooltip and outline on the data they describe.
   */
  drawn(layout: StackLayout, area: PlotArea): void {
    const columnX = (l: StackLayout | undefined, neuron: number): number | undefined => l?.columns.find((c) => c.neuron === neuron)?.x;
    // Where the described column was before this draw: a column that moved (a finished run sorts
    // its columns) takes its tooltip along; one that stayed leaves it where the reader put it.
    const before = this.shown ? columnX(this.layout, this.shown.neuron) : undefined;
    this.layout = layout;
    this.area = area;
    if (this.activeNeuron === undefined || !layout.columns.some((c) => c.neuron === this.activeNeuron)) {
      this.activeNeuron = layout.columns[0]?.neuron;
    }
    if (this.activeNeuron !== undefined) this.setActive(this.activeNeuron);
    if (this.shown) {
      const moved = before !== columnX(layout, this.shown.neuron);
      this.show(this.shown, moved ? this.anchorOf(this.shown) : undefined);
    }
  }

  private query<E extends Element>(selector: string): E | null {
    return this.host.renderRoot.querySelector<E>(selector);
  }

  private columnElements(): NodeListOf<SVGGElement> {
    return this.host.renderRoot.querySelectorAll<SVGGElement>('g.column');
  }

  private rectOf(target: StackPlotTarget): StackRect | undefined {
    if (target.feature === undefined) return undefined;
    const column = this.layout?.columns.find((c) => c.neuron === target.neuron);
    return column?.rects.find((r) => r.feature === target.feature && r.h > 0);
  }

  /** Plot coordinates → host coordinates (the tooltip is positioned in the host), px. */
  private toHost(x: number, y: number): { x: number; y: number } {
    const svg = this.host.svgElement()?.getBoundingClientRect();
    const box = this.host.getBoundingClientRect();
    return { x: (svg?.left ?? box.left) - box.left + this.area.left + x, y: (svg?.top ?? box.top) - box.top + this.area.top + y };
  }

  /** Where a keyboard target's tooltip points: the top centre of its rect, else of its column's slot. */
  private anchorOf(target: StackPlotTarget): { x: number; y: number } | undefined {
    const rect = this.rectOf(target);
    if (rect) return this.toHost(rect.x + rect.w / 2, rect.y);
    const column = this.layout?.columns.find((c) => c.neuron === target.neuron);
    return column ? this.toHost(column.x + column.w / 2, 0) : undefined;
  }

  /**
   * Shows the tooltip for `target`, pointing at `at` (host px) or, without it, where it was. A
   * feature that is no longer drawn (its weight fell under the drawing threshold) falls back to its
   * column; a column that is gone closes the tooltip.
   */
  private show(target: StackPlotTarget, at?: { x: number; y: number }): void {
    const tip = this.query<HTMLDivElement>('.tooltip');
    const text = this.layout && targetText(this.layout, target);
    if (!tip || text === undefined) {
      if (target.feature !== undefined) this.show({ neuron: target.neuron }, at);
      else this.hide();
      return;
    }
    this.shown = target;
    tip.textContent = text;
    tip.hidden = false;
    this.outline(this.rectOf(target));
    this.markColumn(target.neuron);
    if (!at) return;
    const { left, top } = placeTooltip(at.x, at.y, tip.offsetWidth, tip.offsetHeight, this.host.clientWidth);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  private hide(): void {
    const tip = this.query<HTMLDivElement>('.tooltip');
    if (tip) tip.hidden = true;
    this.shown = undefined;
    this.outline(undefined);
    this.markColumn(undefined);
  }

  /**
   * Marks the column of `neuron` (its slot outlined, its number under the plot), or clears the
   * mark. Both elements are made on first use, next to the feature outline in the plot area.
   */
  private markColumn(neuron: number | undefined): void {
    const feature = this.query<SVGRectElement>('rect.feature-mark');
    const parent = feature?.parentNode;
    if (!feature || !parent) return;
    const ns = 'http://www.w3.org/2000/svg';
    let mark = this.query<SVGRectElement>('rect.column-mark');
    let label = this.query<SVGTextElement>('text.column-label');
    if (!mark || !label) {
      mark = document.createElementNS(ns, 'rect');
      mark.setAttribute('class', 'column-mark');
      mark.setAttribute('aria-hidden', 'true');
      label = document.createElementNS(ns, 'text');
      label.setAttribute('class', 'column-label');
      label.setAttribute('aria-hidden', 'true');
      label.setAttribute('text-anchor', 'middle');
      parent.insertBefore(mark, feature);
      parent.append(label);
    }
    const column = neuron === undefined ? undefined : this.layout?.columns.find((c) => c.neuron === neuron);
    mark.classList.toggle('shown', column !== undefined);
    label.classList.toggle('shown', column !== undefined);
    if (!column || !this.layout) return;
    const slot = this.layout.slot;
    setIfChanged(mark, 'x', column.x - (slot - column.w) / 2);
    setIfChanged(mark, 'y', 0);
    setIfChanged(mark, 'width', slot);
    setIfChanged(mark, 'height', this.area.height);
    mark.setAttribute('data-neuron', String(column.neuron));
    setIfChanged(label, 'x', column.x + column.w / 2);
    setIfChanged(label, 'y', this.area.height + COUNT_STRIP + 11);
    label.textContent = String(column.neuron);
  }

  /** Outlines one feature's rect, or hides the outline. */
  private outline(rect: StackRect | undefined): void {
    const mark = this.query<SVGRectElement>('rect.feature-mark');
    if (!mark) return;
    mark.classList.toggle('shown', rect !== undefined);
    if (!rect) return;
    setIfChanged(mark, 'x', rect.x);
    setIfChanged(mark, 'y', rect.y);
    setIfChanged(mark, 'width', rect.w);
    setIfChanged(mark, 'height', rect.h);
    mark.setAttribute('data-neuron', String(rect.neuron));
    mark.setAttribute('data-feature', String(rect.feature));
  }

  /** Shows the keyboard's target where it points and says it in the live region. */
  private showFocused(target: StackPlotTarget, announce: boolean): void {
    this.focused = target;
    this.show(target, this.anchorOf(target));
    const readout = this.query<HTMLParagraphElement>('.readout');
    if (announce && readout && this.layout) readout.textContent = targetText(this.layout, target) ?? '';
  }

  /** Puts the column of `neuron` alone in the tab order, and returns its element. */
  private setActive(neuron: number): SVGGElement | undefined {
    this.activeNeuron = neuron;
    let active: SVGGElement | undefined;
    for (const g of this.columnElements()) {
      const own = g.dataset['neuron'] === String(neuron);
      setIfChanged(g, 'tabindex', own ? '0' : '-1');
      if (own) active = g;
    }
    return active;
  }

  /** What lies under the pointer, or undefined outside the columns. */
  private pointerTarget(e: MouseEvent): StackPlotTarget | undefined {
    const svg = this.host.svgElement();
    if (!svg || !this.layout) return undefined;
    const box = svg.getBoundingClientRect();
    return targetAt(this.layout, this.area.height, e.clientX - box.left - this.area.left, e.clientY - box.top - this.area.top);
  }

  private readonly onPointerMove = (e: PointerEvent): void => {
    const target = this.pointerTarget(e);
    if (!target) {
      if (this.layout) this.onPointerLeave();
      return;
    }
    const host = this.host.getBoundingClientRect();
    this.show(target, { x: e.clientX - host.left, y: e.clientY - host.top });
  };

  private readonly onClick = (e: MouseEvent): void => {
    const target = this.pointerTarget(e);
    if (target) emitNeuronSelect(this.host, target.neuron);
  };

  /** The pointer has left: the tooltip returns to what the keyboard reads, or closes. */
  private readonly onPointerLeave = (): void => {
    if (this.focused) this.showFocused(this.focused, false);
    else this.hide();
  };

  private readonly onFocusIn = (e: FocusEvent): void => {
    const column = (e.target as Element | null)?.closest<SVGGElement>('g.column');
    if (!column) return;
    // A click focuses a column too; it becomes the one in the tab order.
    const neuron = Number(column.dataset['neuron']);
    this.setActive(neuron);
    this.showFocused({ neuron }, false);
  };

  private readonly onFocusOut = (): void => {
    this.focused = undefined;
    this.hide();
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const at = this.focused;
    if (!at || !this.layout) return;
    if (isChooseKey(e.key)) {
      e.preventDefault();
      emitNeuronSelect(this.host, at.neuron);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (at.feature !== undefined) this.showFocused({ neuron: at.neuron }, true);
      else this.hide();
      return;
    }
    const next = keyboardMove(this.layout, at, e.key);
    if (!next) return;
    e.preventDefault();
    if (next.neuron !== at.neuron) this.setActive(next.neuron)?.focus();
    else this.showFocused(next, true);
  };
}
