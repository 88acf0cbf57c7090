/**
 * What <computation-figure> says in words (its text summary, for every reader and for screen
 * readers) and how the reader's keys edit the input, both pure so that they are tested in Node.
 */
import type { Computation, InputEntry } from '../../model/analysis/computation';
import { formatNumber, plural } from '../core/format';
import { LABELLED_MISS, signed } from './computation-outputs';

/** An activation the summary counts as strong (the rest are stray small weights at work). */
export const STRONG_ACTIVATION = 0.1;

/** One arrow-key step of an input value, and with Shift. */
export const VALUE_STEP = 0.1;
export const FINE_STEP = 0.01;

/** `input` with x_feature set to `value` (clamped to [−1, 1]; 0 removes the feature), sorted by feature. */
export function withValue(input: readonly InputEntry[], feature: number, value: number): InputEntry[] {
  const v = Math.round(Math.max(-1, Math.min(1, value)) * 100) / 100;
  const rest = input.filter((e) => e.feature !== feature);
  if (v !== 0) rest.push({ feature, value: v });
  return rest.sort((p, q) => p.feature - q.feature);
}

/** Where a key on the input strip leads: the feature it focuses and the input it sets. */
export interface InputKeyResult {
  readonly feature: number;
  readonly input: readonly InputEntry[];
}

/**
 * The strip's keys, slider-like: ←/→ the previous/next feature, Home/End the first/last, ↑/↓
 * the value up/down by 0.1 (0.01 with Shift), PageUp/PageDown to ±1, Delete/Backspace/0 back to 0.
 * Undefined for any other key.
 */
export function inputKey(input: readonly InputEntry[], feature: number, n: number, key: string, shift = false): InputKeyResult | undefined {
  const value = input.find((e) => e.feature === feature)?.value ?? 0;
  const step = shift ? FINE_STEP : VALUE_STEP;
  switch (key) {
    case 'ArrowLeft':
      return { feature: Math.max(0, feature - 1), input };
    case 'ArrowRight':
      return { feature: Math.min(n - 1, feature + 1), input };
    case 'Home':
      return { feature: 0, input };
    case 'End':
      return { feature: n - 1, input };
    case 'ArrowUp':
      return { feature, input: withValue(input, feature, value + step) };
    case 'ArrowDown':
      return { feature, input: withValue(input, feature, value - step) };
    case 'PageUp':
      return { feature, input: withValue(input, feature, 1) };
    case 'PageDown':
      return { feature, input: withValue(input, feature, -1) };
    case 'Delete':
    case 'Backspace':
    case '0':
      return { feature, input: withValue(input, feature, 0) };
    default:
      return undefined;
  }
}

/** "x₃ = 0.80": a feature's value as the figure writes it. */
export const inputText = (e: InputEntry): string => `x${e.feature} = ${formatNumber(e.value)}`;

/**
 * The text summary of what the input produces: the input, how many neurons fire, each active
 * feature's output against its target, and the largest outputs that should be 0.
 */
export function describeComputation(computation: Computation, silencedNote = ''): string {
  const { input, neurons, outputs } = computation;
  if (input.length === 0) {
    const resting = outputs.filter((o) => o.output > 0).length;
    const rest = resting === 0 ? 'every output is 0' : `${plural(resting, 'output')} ${resting === 1 ? 'sits' : 'sit'} at a positive bias`;
    return `No feature is active: every neuron is silent and ${rest}.`;
  }
  const firing = neurons.filter((j) => j.activation > 0 && !j.silenced);
  const strong = firing.filter((j) => j.activation >= STRONG_ACTIVATION).length;
  const parts = [
    `Input ${input.map(inputText).join(', ')}.`,
    `${firing.length} of ${neurons.length} neurons fire, ${strong} of them at ${STRONG_ACTIVATION} or more.${silencedNote}`,
  ];
  const active = new Set(input.map((e) => e.feature));
  parts.push(
    `${input
      .map((e) => {
        const o = outputs[e.feature]!;
        return `Output ${e.feature} = ${formatNumber(o.output)} against its target ${formatNumber(o.target)} (${signed(o.error)})`;
      })
      .join('; ')}.`,
  );
  const interference = outputs
    .filter((o) => !active.has(o.feature) && o.output - o.atRest >= LABELLED_MISS)
    .sort((p, q) => q.output - q.atRest - (p.output - p.atRest) || p.feature - q.feature);
  if (interference.length === 0) parts.push('Every other output stays within 0.01 of its resting value (its bias).');
  else {
    const top = interference.slice(0, 3).map((o) => `output ${o.feature} = ${formatNumber(o.output)} (at rest ${formatNumber(o.atRest)})`);
    const verb = interference.length === 1 ? 'rises' : 'rise';
    parts.push(
      `Interference: ${plural(interference.length, 'output')} that should be 0 ${verb} 0.01 or more above ${interference.length === 1 ? 'its' : 'their'} resting value, largest ${top.join(', ')}.`,
    );
  }
  return parts.join(' ');
}
