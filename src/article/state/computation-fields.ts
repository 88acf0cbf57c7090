/**
 * The computation figure's two URL fields (issue 23): the input the reader set and the model it
 * flows through. Like every field in url-state.ts, parsing never throws: a bad entry is dropped or
 * clamped and named in one notice per field.
 *
 * - `input`: comma-separated `feature:value` pairs, e.g. `input=0:0.83,7:-0.41`. A feature is a
 *   whole number in [0, MAX_INPUT_FEATURE) (the model's own n is checked by the section, which
 *   drops features past it and says so); a value is a decimal number, clamped into [−1, 1] (the
 *   paper's data range). A feature named twice keeps its LAST value (as normaliseInput does). At
 *   most MAX_INPUT_PAIRS pairs are read. An empty value (`input=`) is an empty input.
 * - `computation-model`: `converged:<1 − S>:<seed>` (a shipped converged model; the section uses
 *   the shipped level nearest the density given), `motif` or `live`.
 */
import { CONFIG_LIMITS } from '../../model/config';
import type { InputEntry } from '../../model/analysis/computation';
import { SHIPPED_CONVERGED_SEEDS } from '../../model/weights-file';

/** Which model the computation figure computes with. */
export type ComputationModel =
  | { readonly kind: 'converged'; readonly density: number; readonly seed: number }
  | { readonly kind: 'motif' }
  | { readonly kind: 'live' };

/** The default: a converged model where polysemantic neurons are plain to see. */
export const DEFAULT_COMPUTATION_MODEL = Object.freeze({ kind: 'converged', density: 0.01, seed: 0 } as const) satisfies ComputationModel;

/** The most pairs a link's input holds: more than any shipped model has features. */
export const MAX_INPUT_PAIRS = 100;
/** Features at or past this are refused outright: no model of the engine's limits has them. */
export const MAX_INPUT_FEATURE = CONFIG_LIMITS.n.max;

type Parsed<T> = { readonly value: T; readonly notice?: string };

/** A raw value shown in a notice: short, as text only, without control characters. */
function quote(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return `"${clean.length > 24 ? `${clean.slice(0, 24)}…` : clean}"`;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const decimal = (raw: string): number => (DECIMAL.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);

/**
 * Parses `input`. Returns the entries in the order given, repeated features merged (last wins);
 * one notice lists what was dropped, clamped or merged.
 */
export function parseInput(raw: string): Parsed<readonly InputEntry[]> {
  if (raw.trim() === '') return { value: [] };
  const pairs = raw.split(',');
  const problems: string[] = [];
  if (pairs.length > MAX_INPUT_PAIRS) problems.push(`only the first ${MAX_INPUT_PAIRS} pairs are read`);
  const byFeature = new Map<number, number>();
  let bad = 0;
  let clamped = 0;
  let repeated = 0;
  for (const pair of pairs.slice(0, MAX_INPUT_PAIRS)) {
    const [f, v, ...rest] = pair.split(':');
    const feature = decimal(f ?? '');
    const value = decimal(v ?? '');
    if (rest.length > 0 || !Number.isInteger(feature) || feature < 0 || feature >= MAX_INPUT_FEATURE || !Number.isFinite(value)) {
      bad++;
      continue;
    }
    const kept = Math.min(1, Math.max(-1, value));
    if (kept !== value) clamped++;
    if (byFeature.has(feature)) {
      repeated++;
      byFeature.delete(feature);
    }
    byFeature.set(feature, kept === 0 ? 0 : kept);
  }
  if (bad > 0) problems.push(`${bad} not of the form feature:value were dropped`);
  if (clamped > 0) problems.push(`${clamped} clamped into −1…1`);
  if (repeated > 0) problems.push(`${repeated} repeated features kept their last value`);
  const value = [...byFeature].map(([feature, v]) => ({ feature, value: v }));
  return problems.length === 0 ? { value } : { value, notice: `Input ${quote(raw)}: ${problems.join('; ')}.` };
}

/** Writes `input`: `feature:value` pairs, values as given (the section rounds them). */
export function formatInput(input: readonly InputEntry[]): string {
  return input.map(({ feature, value }) => `${feature}:${value}`).join(',');
}

/** Parses `computation-model`; a bad value gives the default and a notice. */
export function parseComputationModel(raw: string): Parsed<ComputationModel | undefined> {
  if (raw === 'motif' || raw === 'live') return { value: { kind: raw } };
  const [kind, d, s, ...rest] = raw.split(':');
  const density = decimal(d ?? '');
  const seed = decimal(s ?? '');
  if (
    kind === 'converged' &&
    rest.length === 0 &&
    Number.isFinite(density) &&
    density >= CONFIG_LIMITS.density.min &&
    density <= CONFIG_LIMITS.density.max &&
    SHIPPED_CONVERGED_SEEDS.includes(seed)
  ) {
    return { value: { kind: 'converged', density, seed } };
  }
  return {
    value: undefined,
    notice: `Computation model ${quote(raw)} is not motif, live or converged:<1 − S>:<seed ${SHIPPED_CONVERGED_SEEDS.join('/')}>; using the default.`,
  };
}

export function formatComputationModel(model: ComputationModel): string {
  return model.kind === 'converged' ? `converged:${model.density}:${model.seed}` : model.kind;
}

/** The URL fields, in url-state.ts's FIELDS form (a value that is absent is not written). */
export const INPUT_FIELD = {
  key: 'input',
  param: 'input',
  parse: parseInput,
  format: (value: readonly InputEntry[] | undefined): string => formatInput(value ?? []),
} as const;

export const COMPUTATION_MODEL_FIELD = {
  key: 'computationModel',
  param: 'computation-model',
  parse: parseComputationModel,
  format: (value: ComputationModel | undefined): string => (value ? formatComputationModel(value) : ''),
} as const;
