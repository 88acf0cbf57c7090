/**
 * Choosing the neuron-response section's neuron from a figure: any stack plot or the computation
 * figure announces a click (or Enter/Space) on a neuron as `neuron-select` (viz/core/neuron-select.ts).
 * This controller hears it on the article, records the neuron and the model the figure draws in
 * the state (the URL's `neuron` and, where the section measures that model, `neuron-model`; the
 * location controller writes them as every change) and offers the way there: a small bar at
 * the foot of the window, "See what neuron 7 responds to ↓", that takes the reader to the section's
 * heading. It closes when followed, dismissed, or once the reader is in that section.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { NEURON_SELECT, type NeuronSelectDetail } from '../../viz/core/neuron-select';
import { NEURON_LIMITS } from '../state/neuron-choice';
import type { NeuronSource } from '../state/neuron-model-field';

/** The article as this controller sees it. */
export interface NeuronPickHost extends ReactiveControllerHost, HTMLElement {
  /** Records the chosen neuron and the model of the figure it was chosen in (a history entry, as any choice). */
  chooseNeuron(neuron: number, source?: NeuronSource): void;
  /** Takes the reader to the neuron-response section's heading. */
  goToNeuronResponse(): void;
}

/** What the bar offers: the neuron, and whether the section lies below the figure it was chosen in. */
interface Offer {
  readonly neuron: number;
  readonly below: boolean;
  /** Set when the neuron is not one the section can show (a live model of more neurons). */
  readonly outside: boolean;
}

/** The bar's words (pure, tested): where it leads, or why it cannot. */
export function offerText(neuron: number, below: boolean, outside: boolean): string {
  if (outside) {
    return `Neuron ${neuron} is not in the converged models that “what a neuron responds to” measures (neurons ${NEURON_LIMITS.min}–${NEURON_LIMITS.max}).`;
  }
  return `See what neuron ${neuron} responds to ${below ? '↓' : '↑'}`;
}

export class NeuronPick implements ReactiveController {
  private offer: Offer | null = null;

  constructor(private readonly host: NeuronPickHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener(NEURON_SELECT, this.onSelect);
  }

  hostDisconnected(): void {
    this.host.removeEventListener(NEURON_SELECT, this.onSelect);
  }

  private readonly onSelect = (e: Event): void => {
    const detail = (e as CustomEvent<NeuronSelectDetail>).detail;
    const neuron = detail?.neuron;
    if (typeof neuron !== 'number' || !Number.isInteger(neuron) || neuron < 0) return;
    const outside = neuron > NEURON_LIMITS.max;
    const section = this.host.querySelector('#neuron-response');
    const from = e.target instanceof Node ? e.target : null;
    const below = !section || !from || (from.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    this.offer = { neuron, below, outside };
    if (!outside) this.host.chooseNeuron(neuron, detail.model);
    this.host.requestUpdate();
  };

  private readonly onFollow = (e: Event): void => {
    e.preventDefault();
    this.close();
    this.host.goToNeuronResponse();
  };

  private close(): void {
    this.offer = null;
    this.host.requestUpdate();
  }

  /** The bar, while there is an offer and the reader is not yet in the section. */
  render(inSection: boolean): TemplateResult | typeof nothing {
    const offer = this.offer;
    if (!offer) return nothing;
    if (inSection && !offer.outside) {
      // The reader is there: the offer is spent (it does not come back when they scroll away).
      this.offer = null;
      return nothing;
    }
    const text = offerText(offer.neuron, offer.below, offer.outside);
    return html`<div class="neuron-pick" role="status">
      ${offer.outside ? html`<span>${text}</span>` : html`<a href="#neuron-response" id="neuron-pick-link" @click=${this.onFollow}>${text}</a>`}
      <button type="button" class="neuron-pick-close" aria-label="Close" @click=${() => this.close()}>×</button>
    </div>`;
  }
}
