/**
 * The `neuron` field of a permalink: the hidden neuron the neuron-response section shows. A
 * permalink is input from strangers, so reading it never throws: a value that is not a number is
 * dropped (the section shows its default neuron), any other is rounded and clamped into range,
 * each with a notice naming it.
 */

/** The neurons a link may name: those of the shipped converged models (m = 40). */
export const NEURON_LIMITS = { min: 0, max: 39 } as const;

/**
 * The neuron a link's `neuron` value names, and a notice when it was replaced. `value`: the raw
 * value read as a decimal (NaN when it is not one); `quoted`: the raw value as a notice shows it.
 */
export function neuronFromLink(value: number, quoted: string): { readonly value: number | undefined; readonly notice?: string } {
  if (!Number.isFinite(value)) return { value: undefined, notice: `Neuron ${quoted} is not a number; showing the default neuron.` };
  const { min, max } = NEURON_LIMITS;
  const clamped = Math.min(max, Math.max(min, Math.round(value)));
  return clamped === value
    ? { value: clamped }
    : { value: clamped, notice: `Neuron ${quoted} is not a whole number in ${min}–${max}; using ${clamped}.` };
}
