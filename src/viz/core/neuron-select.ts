/**
 * The `neuron-select` event: a reader chose a hidden neuron in a figure (a click on its column, or
 * Enter/Space on the focused column), in any stack plot and in the computation figure. Figures only
 * announce the choice; what it does (the neuron-response section shows that neuron) is the article's.
 * It bubbles and is composed, so it leaves the figure's shadow root and any figure that holds it.
 */

/** The event's name. */
export const NEURON_SELECT = 'neuron-select';

/** Detail of `neuron-select`: the neuron's index in the model (a row of W1 [m, n]), not its column. */
export interface NeuronSelectDetail {
  readonly neuron: number;
}

/** Dispatches `neuron-select` for `neuron` from `from`. */
export function emitNeuronSelect(from: EventTarget, neuron: number): void {
  from.dispatchEvent(new CustomEvent<NeuronSelectDetail>(NEURON_SELECT, { detail: { neuron }, bubbles: true, composed: true }));
}

/** Whether a key chooses the focused neuron (Enter or Space, as a button). */
export function isChooseKey(key: string): boolean {
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}
