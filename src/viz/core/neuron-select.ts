/**
 * The `neuron-select` event: a reader chose a hidden neuron in a figure (a click on its column, or
 * Enter/Space on the focused column), in any stack plot and in the computation figure. Figures only
 * announce the choice; what it does (the neuron-response section shows that neuron) is the article's.
 * It bubbles and is composed, so it leaves the figure's shadow root and any figure that holds it.
 */

/** The event's name. */
export const NEURON_SELECT = 'neuron-select';

/** The model a figure draws, as its host states it in data-budget, data-seed and data-density. */
export interface NeuronSelectModel {
  /** `converged`, `replication`, `motif`, `live`, `grid`…, as the host wrote it. */
  readonly budget: string;
  /** Absent where the host does not state it (data-seed, data-density). */
  readonly seed?: number;
  /** 1 − S. */
  readonly density?: number;
}

/**
 * Detail of `neuron-select`: the neuron's index in the model (a row of W1 [m, n]), not its column,
 * and the model the figure draws when the figure's element states all of it, so that the article
 * shows that neuron of that model.
 */
export interface NeuronSelectDetail {
  readonly neuron: number;
  readonly model?: NeuronSelectModel;
}

/** A number attribute's value, or undefined when it is absent, empty or not a finite number. */
function numberOf(raw: string | undefined): number | undefined {
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** The model an element states in data-budget (required), data-seed and data-density (each kept where a number). */
export function statedModel(from: EventTarget): NeuronSelectModel | undefined {
  const data = (from as Partial<HTMLElement>).dataset;
  const budget = data?.['budget'];
  if (!budget) return undefined;
  const seed = numberOf(data?.['seed']);
  const density = numberOf(data?.['density']);
  return { budget, ...(seed === undefined ? {} : { seed }), ...(density === undefined ? {} : { density }) };
}

/** Dispatches `neuron-select` for `neuron` from `from`, with the model `from` states (statedModel). */
export function emitNeuronSelect(from: EventTarget, neuron: number): void {
  const model = statedModel(from);
  const detail: NeuronSelectDetail = model ? { neuron, model } : { neuron };
  from.dispatchEvent(new CustomEvent<NeuronSelectDetail>(NEURON_SELECT, { detail, bubbles: true, composed: true }));
}

/** Whether a key chooses the focused neuron (Enter or Space, as a button). */
export function isChooseKey(key: string): boolean {
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}
