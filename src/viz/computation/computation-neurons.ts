/**
 * Choosing a hidden neuron in <computation-figure>: a click on a neuron's column, or Enter/Space
 * on the focused column, announces it as a `neuron-select` event (core/neuron-select.ts). The
 * columns take keyboard focus one at a time (roving tabindex): Tab reaches the one last focused
 * (the first, at first), ←/→ move along the columns, Home/End to the ends. The columns are the
 * <g class="neuron" data-neuron> elements computation-draw.ts draws, in plot order.
 */
import type { ReactiveController } from 'lit';
import { emitNeuronSelect, isChooseKey } from '../core/neuron-select';

/** What the controller needs of its element. */
export interface NeuronPickHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  addController(controller: ReactiveController): void;
}

/** The column a key moves to from `index` of `count`, or undefined for a key that does not move. */
export function neuronKeyMove(index: number, count: number, key: string): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowRight') return Math.min(count - 1, index + 1);
  if (key === 'ArrowLeft') return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

export class NeuronPick implements ReactiveController {
  /** The neuron whose column is in the tab order. */
  private active: number | undefined;

  constructor(private readonly host: NeuronPickHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('click', this.onClick as EventListener);
    this.host.renderRoot.addEventListener('keydown', this.onKeyDown as EventListener);
    this.host.renderRoot.addEventListener('focusin', this.onFocusIn as EventListener);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('click', this.onClick as EventListener);
    this.host.renderRoot.removeEventListener('keydown', this.onKeyDown as EventListener);
    this.host.renderRoot.removeEventListener('focusin', this.onFocusIn as EventListener);
  }

  private columns(): SVGGElement[] {
    return [...this.host.renderRoot.querySelectorAll<SVGGElement>('g.neuron')];
  }

  /** After each draw: one column in the tab order (the active one, else the first). */
  drawn(): void {
    const columns = this.columns();
    if (!columns.some((g) => g.dataset['neuron'] === String(this.active))) this.active = Number(columns[0]?.dataset['neuron']);
    for (const g of columns) {
      const tabindex = g.dataset['neuron'] === String(this.active) ? '0' : '-1';
      if (g.getAttribute('tabindex') !== tabindex) g.setAttribute('tabindex', tabindex);
    }
  }

  private static columnOf(e: Event): SVGGElement | null {
    return (e.target as Element | null)?.closest?.<SVGGElement>('g.neuron') ?? null;
  }

  private readonly onClick = (e: MouseEvent): void => {
    const column = NeuronPick.columnOf(e);
    if (column) emitNeuronSelect(this.host, Number(column.dataset['neuron']));
  };

  private readonly onFocusIn = (e: FocusEvent): void => {
    const column = NeuronPick.columnOf(e);
    if (!column) return;
    this.active = Number(column.dataset['neuron']);
    this.drawn();
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const column = NeuronPick.columnOf(e);
    if (!column) return;
    if (isChooseKey(e.key)) {
      e.preventDefault();
      emitNeuronSelect(this.host, Number(column.dataset['neuron']));
      return;
    }
    const columns = this.columns();
    const next = neuronKeyMove(columns.indexOf(column), columns.length, e.key);
    if (next === undefined) return;
    e.preventDefault();
    columns[next]?.focus();
  };
}
