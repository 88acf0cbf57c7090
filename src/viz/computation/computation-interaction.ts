/**
 * The reader's hand on <computation-figure>'s input strip. Pointer: press on a feature's slot to
 * set x_i to the value under the pointer, drag up or down to change it (the feature pressed stays
 * the one edited while the drag lasts). Keyboard: the strip is one slider (role="slider") whose
 * feature moves with ←/→ and whose value moves with ↑/↓ (computation-text.ts's inputKey). Every
 * change is announced to the host as an `input-change` event with the whole new input; the host
 * recomputes (O(active features × m + n × m)) and sets the figure's computation again.
 */
import type { ReactiveController } from 'lit';
import type { InputEntry } from '../../model/analysis/computation';
import { type ComputationLayout, featureAt, MARGIN, valueAt } from './computation-layout';
import { inputKey, withValue } from './computation-text';

/** What the controller needs of its element. */
export interface InputStripHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  addController(controller: ReactiveController): void;
  /** Redraws although no property changed (the focus mark moved). */
  redraw(): void;
  svgElement(): SVGSVGElement | null;
  /** The input currently drawn. */
  currentInput(): readonly InputEntry[];
}

/** Detail of the `input-change` event: the whole input after the reader's change, sorted by feature. */
export interface InputChangeDetail {
  readonly input: readonly InputEntry[];
}

export class InputStripInteraction implements ReactiveController {
  /** The feature the keyboard (and the focus mark) is on. */
  feature = 0;
  /** True while the strip has keyboard focus: the mark is drawn only then. */
  focused = false;
  private layout: ComputationLayout | undefined;
  private dragFeature: number | undefined;

  constructor(private readonly host: InputStripHost) {
    host.addController(this);
  }

  /**
   * The root's events this controller listens to, added on connect and removed on disconnect. A
   * method, not a field: the handler fields below are initialised after any field declared here.
   */
  private listeners(): readonly (readonly [string, EventListener])[] {
    return [
      ['pointerdown', this.onPointerDown as EventListener],
      ['pointermove', this.onPointerMove as EventListener],
      ['pointerup', this.onPointerUp as EventListener],
      ['pointercancel', this.onPointerUp as EventListener],
      ['keydown', this.onKeyDown as EventListener],
      ['focusin', this.onFocus as EventListener],
      ['focusout', this.onFocus as EventListener],
    ];
  }

  hostConnected(): void {
    for (const [type, listener] of this.listeners()) this.host.renderRoot.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.listeners()) this.host.renderRoot.removeEventListener(type, listener);
  }

  /** Takes the layout just drawn (for hit testing). */
  drawn(layout: ComputationLayout): void {
    this.layout = layout;
    this.feature = Math.min(this.feature, Math.max(0, layout.inputs.length - 1));
  }

  private emit(input: readonly InputEntry[]): void {
    this.host.dispatchEvent(new CustomEvent<InputChangeDetail>('input-change', { detail: { input }, bubbles: true, composed: true }));
  }

  /** Pointer position in <svg> px, or undefined when it is not over the input strip (with a little slack). */
  private stripPoint(e: PointerEvent): { x: number; y: number } | undefined {
    const svg = this.host.svgElement();
    if (!svg || !this.layout) return undefined;
    const box = svg.getBoundingClientRect();
    const x = e.clientX - box.left - MARGIN.left;
    const y = e.clientY - box.top;
    const { top, height } = this.layout.input;
    if (x < 0 || x > this.layout.innerW || y < top - 8 || y > top + height + 8) return undefined;
    return { x, y };
  }

  private readonly onPointerDown = (e: PointerEvent): void => {
    const at = this.stripPoint(e);
    if (!at || !this.layout) return;
    e.preventDefault();
    this.dragFeature = featureAt(this.layout, at.x);
    this.feature = this.dragFeature;
    (e.target as Element).setPointerCapture?.(e.pointerId);
    this.emit(withValue(this.host.currentInput(), this.dragFeature, valueAt(this.layout, at.y)));
  };

  private readonly onPointerMove = (e: PointerEvent): void => {
    if (this.dragFeature === undefined || !this.layout) return;
    const svg = this.host.svgElement();
    if (!svg) return;
    const y = e.clientY - svg.getBoundingClientRect().top;
    this.emit(withValue(this.host.currentInput(), this.dragFeature, valueAt(this.layout, y)));
  };

  private readonly onPointerUp = (): void => {
    this.dragFeature = undefined;
  };

  private readonly onFocus = (e: FocusEvent): void => {
    const strip = (e.target as Element | null)?.closest?.('.input-strip');
    const focused = e.type === 'focusin' && strip !== null && strip !== undefined;
    if (focused !== this.focused) {
      this.focused = focused;
      this.host.redraw();
    }
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!(e.target as Element | null)?.closest?.('.input-strip') || !this.layout) return;
    const before = this.host.currentInput();
    const next = inputKey(before, this.feature, this.layout.inputs.length, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    const moved = next.feature !== this.feature;
    this.feature = next.feature;
    if (next.input !== before) this.emit(next.input);
    else if (moved) this.host.redraw();
  };
}
