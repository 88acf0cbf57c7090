/**
 * The `neuron-model` field of a permalink: which model the neuron-response section measures, so
 * that a link reopens exactly one neuron of one model. The section measures the shipped converged
 * sweep at NEURON_MODEL_LEVELS, seeds SHIPPED_CONVERGED_SEEDS; the canonical spelling is
 * `converged:<1 − S>:<seed>` (as `computation-model`), e.g. `neuron-model=converged:0.003:1`, and
 * the default (converged:0.01:0) is never written. Reading never throws: a density off the levels
 * takes the nearest level (on a log scale), a seed off the shipped ones takes seed 0, and anything
 * else gives the default, each with a notice naming the value.
 *
 * Also here: which clicked models the section offers (`offeredNeuronModel`) and the state a click
 * on a neuron leads to (`neuronChoice`), pure, for page/neuron-pick.ts and the article.
 */
import { SHIPPED_CONVERGED_SEEDS } from '../../model/weights-file';

/** A shipped converged model: its level 1 − S and its seed. */
export interface NeuronModel {
  readonly density: number;
  readonly seed: number;
}

/** The levels the section measures (its claim's levels, activation-statistics.json). */
export const NEURON_MODEL_LEVELS: readonly number[] = Object.freeze([0.03, 0.01, 0.003]);
/** The model the section opens on. */
export const DEFAULT_NEURON_MODEL: NeuronModel = Object.freeze({ density: 0.01, seed: 0 });

/** The model of a figure a neuron was clicked in, as the figure states it (data-budget, data-seed, data-density). */
export interface NeuronSource {
  /** `converged`, `replication`, `motif`, `live`, `grid`, `local`…; '' when the figure does not say. */
  readonly budget: string;
  /** Absent where the figure does not state it. */
  readonly seed?: number;
  readonly density?: number;
}

type Parsed<T> = { readonly value: T; readonly notice?: string };

/** A raw value shown in a notice: short, as text only, without control characters. */
function quote(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return `"${clean.length > 24 ? `${clean.slice(0, 24)}…` : clean}"`;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The state's value for a model: undefined for the default, so that it is not written. */
export function neuronModelValue(model: NeuronModel): NeuronModel | undefined {
  return model.density === DEFAULT_NEURON_MODEL.density && model.seed === DEFAULT_NEURON_MODEL.seed ? undefined : model;
}

/** The level nearest `density` on a log scale (ties to the denser). */
function nearestLevel(density: number): number {
  let best = NEURON_MODEL_LEVELS[0] as number;
  for (const level of NEURON_MODEL_LEVELS) {
    if (Math.abs(Math.log(level / density)) < Math.abs(Math.log(best / density))) best = level;
  }
  return best;
}

/** Parses `neuron-model` (see the module comment). The default parses to undefined. */
export function parseNeuronModel(raw: string): Parsed<NeuronModel | undefined> {
  const [kind, d, s, ...rest] = raw.split(':');
  const density = DECIMAL.test((d ?? '').trim()) ? Number((d ?? '').trim()) : Number.NaN;
  const seed = DECIMAL.test((s ?? '').trim()) ? Number((s ?? '').trim()) : Number.NaN;
  if (kind !== 'converged' || rest.length > 0 || !(density > 0 && density <= 1) || !Number.isFinite(seed)) {
    return {
      value: undefined,
      notice: `Neuron model ${quote(raw)} is not converged:<1 − S>:<seed>; showing the converged model at 1 − S = ${DEFAULT_NEURON_MODEL.density}, seed ${DEFAULT_NEURON_MODEL.seed}.`,
    };
  }
  const level = nearestLevel(density);
  const shipped = SHIPPED_CONVERGED_SEEDS.includes(seed);
  const value = neuronModelValue({ density: level, seed: shipped ? seed : DEFAULT_NEURON_MODEL.seed });
  const problems = [
    ...(level === density ? [] : [`1 − S = ${level}, the nearest level it measures (${NEURON_MODEL_LEVELS.join(', ')})`]),
    ...(shipped ? [] : [`seed ${DEFAULT_NEURON_MODEL.seed} (it has seeds ${SHIPPED_CONVERGED_SEEDS.join(', ')})`]),
  ];
  return problems.length === 0 ? { value } : { value, notice: `Neuron model ${quote(raw)}: using ${problems.join(' and ')}.` };
}

/** Writes `neuron-model` canonically: `converged:<1 − S>:<seed>`. */
export function formatNeuronModel(model: NeuronModel): string {
  return `converged:${model.density}:${model.seed}`;
}

/** The url-state.ts FIELDS entry. */
export const NEURON_MODEL_FIELD = {
  key: 'neuronModel',
  param: 'neuron-model',
  parse: parseNeuronModel,
  format: (value: NeuronModel | undefined): string => (value ? formatNeuronModel(value) : ''),
} as const;

/** The section's model for a clicked figure's model, or null when the section does not measure it. */
export function offeredNeuronModel(source: NeuronSource | undefined): NeuronModel | null {
  if (source?.budget !== 'converged') return null;
  const { density, seed } = source;
  if (density === undefined || seed === undefined) return null;
  if (!NEURON_MODEL_LEVELS.includes(density) || !SHIPPED_CONVERGED_SEEDS.includes(seed)) return null;
  return { density, seed };
}

/**
 * The state a click on `neuron` in a figure showing `source` leads to: that neuron, in that model
 * when the section offers it, else in the section's model `current` (kept), with the clicked
 * model recorded (`neuronSource`, not in the URL) so that the section can say why.
 */
export function neuronChoice(
  neuron: number,
  source: NeuronSource | undefined,
  current: NeuronModel | undefined,
): { neuron: number; neuronModel: NeuronModel | undefined; neuronSource: NeuronSource | undefined } {
  const offered = offeredNeuronModel(source);
  return { neuron, neuronModel: offered ? neuronModelValue(offered) : current, neuronSource: source };
}
