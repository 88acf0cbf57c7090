/**
 * The article's state as it lives in the URL: one declarative table of fields, each with its
 * parser, bounds and default. A permalink is input from strangers, so parsing never throws: every
 * bad value is replaced by its default (or clamped into range) and named in a notice.
 *
 * Links carry a format version (`v`). What a field left out of a link meant is kept per format in
 * LINK_DEFAULTS, so a link opens what it was made with whatever today's defaults are: format 1 (no
 * `v`) left out fields at the 3,500-step constant live schedule and showed the replication sweep;
 * format 2 wrote every live field and showed the replication sweep; format 3 trains the live
 * recipe at the link's density (steps and learning rate only when the reader overrode them) and
 * shows the converged sweep.
 */
import type { InputEntry } from '../../model/analysis/computation';
import { CONFIG_LIMITS } from '../../model/config';
import { SWEEP_BUDGETS, SWEEP_SEED_LIMITS } from './budget';
import type { StackColouring } from '../../viz/stack-plot/stack-colouring';
import { COLOURING_FIELD } from './colouring-field';
import { COMPUTATION_MODEL_FIELD, type ComputationModel, INPUT_FIELD } from './computation-fields';
import { DEFAULT_SWEEP_SETTINGS, LINK_DEFAULTS, LINK_VERSION, type SweepSettings, VERSION_PARAM } from './link-formats';
import { neuronFromLink } from './neuron-choice';
import { NEURON_MODEL_FIELD, type NeuronModel, type NeuronSource } from './neuron-model-field';
import { DEFAULT_LIVE_SETTINGS, LIVE_LIMITS, LIVE_RECIPE_FAMILIES, type LiveSettings } from './live-settings';

export const SECTIONS = [
  'intro',
  'computation',
  'model',
  'sweep',
  'curve',
  'live',
  'intermediate',
  'neuron-response',
  'motif',
  'your-model',
  'method',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/**
 * The figures `?embed=<figure>` shows alone (page/embed.ts says where each is, and how to add one).
 * 'stack' is the one stack plot of the shipped sweep that `budget`, `sweep-seed` and `density` pick.
 */
export const EMBED_FIGURES = ['sweep', 'curve', 'live', 'motif', 'computation', 'stack'] as const;
export type EmbedFigure = (typeof EMBED_FIGURES)[number];

/** The article's state: the section the reader was looking at, the sweep figure's and the live model's settings. */
export interface ArticleState extends LiveSettings, SweepSettings {
  readonly section: SectionId;
  /**
   * 'local' while a model the reader loaded from a file is shown. The model itself never enters
   * the URL (it stays on the reader's computer), so a link with this flag shows no model.
   */
  readonly model?: 'local';
  /** Set: the page shows only this figure, with its caption and a link to the full article, for an iframe. */
  readonly embed?: EmbedFigure;
  /** The hidden neuron the neuron-response section shows (0 … NEURON_LIMITS.max); absent: its default. */
  readonly neuron?: number;
  /** The section's model (neuron-model-field.ts; absent: the default); the clicked figure's model, never in the URL. */
  readonly neuronModel?: NeuronModel;
  readonly neuronSource?: NeuronSource;
  /** The computation figure's input and model (computation-fields.ts); absent: the section's defaults. */
  readonly input?: readonly InputEntry[];
  readonly computationModel?: ComputationModel;
  /** How the stack plots colour their segments (colouring-field.ts); absent: each figure's default. */
  readonly colouring?: StackColouring;
}

export const DEFAULT_STATE: ArticleState = Object.freeze({ section: 'intro', ...DEFAULT_SWEEP_SETTINGS, ...DEFAULT_LIVE_SETTINGS });

type Parsed<T> = { readonly value: T; readonly notice?: string };

interface FieldSpec<K extends keyof ArticleState> {
  readonly key: K;
  /** The query parameter's name. */
  readonly param: string;
  /** `fallback`: the value a bad entry is replaced by. */
  readonly parse: (raw: string, fallback: ArticleState[K]) => Parsed<ArticleState[K]>;
  readonly format: (value: ArticleState[K]) => string;
}

/** Shows a raw URL value in a notice: short, and as text only (notices are never rendered as markup). */
function quote(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return `"${clean.length > 24 ? `${clean.slice(0, 24)}…` : clean}"`;
}

/**
 * A number written in plain decimal notation ("0.003", "3e-3", " 12 "), else NaN. Number('') is 0
 * and Number('0x10') is 16, which no reader means, so only decimal digits with an optional
 * exponent are accepted.
 */
export function parseDecimal(raw: string): number {
  const trimmed = raw.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Names a fallback in a notice: an absent steps or learning rate means the recipe's own. */
const fallbackPhrase = (fallback: unknown): string => (fallback === undefined ? 'the recipe’s own' : String(fallback));

function numberField<K extends 'density' | 'seed' | 'steps' | 'learningRate' | 'm' | 'importanceDecay' | 'sweepSeed'>(
  key: K,
  param: string,
  label: string,
  bounds: { readonly min: number; readonly max: number },
  integer: boolean,
): FieldSpec<K> {
  return {
    key,
    param,
    parse(raw, fallback) {
      const value = parseDecimal(raw);
      if (!Number.isFinite(value)) {
        return { value: fallback as ArticleState[K], notice: `${label} ${quote(raw)} is not a number; using ${fallbackPhrase(fallback)}.` };
      }
      if (integer && !Number.isInteger(value)) {
        const rounded = Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
        return { value: rounded as ArticleState[K], notice: `${label} must be a whole number; using ${rounded}.` };
      }
      if (value < bounds.min || value > bounds.max) {
        const clamped = Math.min(bounds.max, Math.max(bounds.min, value));
        return {
          value: clamped as ArticleState[K],
          notice: `${label} ${quote(raw)} is outside ${bounds.min}–${bounds.max}; using ${clamped}.`,
        };
      }
      return { value: value as ArticleState[K] };
    },
    format: (value) => String(value),
  };
}

const sectionField: FieldSpec<'section'> = {
  key: 'section',
  param: 'section',
  parse(raw, fallback) {
    const section = SECTIONS.find((s) => s === raw);
    return section
      ? { value: section }
      : { value: fallback, notice: `There is no section ${quote(raw)}; showing the start of the article.` };
  },
  format: (value) => value,
};

/** A field with a few named values. */
function choiceField<K extends 'recipe' | 'budget'>(
  key: K,
  param: string,
  label: string,
  values: readonly ArticleState[K][],
): FieldSpec<K> {
  return {
    key,
    param,
    parse(raw, fallback) {
      const value = values.find((v) => v === raw);
      return value !== undefined
        ? { value }
        : { value: fallback, notice: `${label} ${quote(raw)} is not one of ${values.join(', ')}; using ${fallback}.` };
    },
    format: (value) => String(value),
  };
}

const modelField: FieldSpec<'model'> = {
  key: 'model',
  param: 'model',
  parse(raw) {
    return raw === 'local'
      ? { value: 'local' }
      : { value: undefined, notice: `There is no model ${quote(raw)}; showing the shipped models.` };
  },
  format: (value) => value ?? '',
};

const embedField: FieldSpec<'embed'> = {
  key: 'embed',
  param: 'embed',
  parse(raw) {
    const figure = EMBED_FIGURES.find((f) => f === raw);
    return figure
      ? { value: figure }
      : {
          value: undefined,
          notice: `There is no figure ${quote(raw)} to embed (one of ${EMBED_FIGURES.join(', ')}); showing the full article.`,
        };
  },
  format: (value) => value ?? '',
};

const neuronField: FieldSpec<'neuron'> = {
  key: 'neuron',
  param: 'neuron',
  parse: (raw) => neuronFromLink(parseDecimal(raw), quote(raw)),
  format: (value) => String(value),
};

export const FIELDS = [
  sectionField,
  modelField,
  embedField,
  COMPUTATION_MODEL_FIELD,
  INPUT_FIELD,
  choiceField('budget', 'budget', 'Training budget', SWEEP_BUDGETS),
  numberField('sweepSeed', 'sweep-seed', 'Sweep seed', SWEEP_SEED_LIMITS, true),
  numberField('density', 'density', 'Feature density', LIVE_LIMITS.density, false),
  numberField('seed', 'seed', 'Seed', CONFIG_LIMITS.seed, true),
  choiceField('recipe', 'recipe', 'Live recipe', LIVE_RECIPE_FAMILIES),
  numberField('steps', 'steps', 'Training steps', LIVE_LIMITS.steps, true),
  numberField('learningRate', 'lr', 'Learning rate', LIVE_LIMITS.learningRate, false),
  numberField('m', 'm', 'Hidden neurons', LIVE_LIMITS.m, true),
  numberField('importanceDecay', 'decay', 'Importance decay', CONFIG_LIMITS.importanceDecay, false),
  neuronField,
  NEURON_MODEL_FIELD,
  COLOURING_FIELD,
] as const;

/** The fields that say how the live model trains: a link without `v` holding one of them is of format 1. */
const LIVE_FIELD_KEYS: ReadonlySet<keyof ArticleState> = new Set([
  'density',
  'seed',
  'recipe',
  'steps',
  'learningRate',
  'm',
  'importanceDecay',
]);

/** Longer query strings are not parsed at all: no field needs more than a few dozen characters. */
export const MAX_QUERY_LENGTH = 2048;

export interface ParsedState {
  readonly state: ArticleState;
  /** One plain-text sentence per value that was replaced. */
  readonly notices: readonly string[];
}

/**
 * The state a link's missing fields default to: the format's defaults for a link that names its
 * format or holds a training field, the current defaults for one that holds neither (a link to a
 * section, say). Says so when the format is unknown.
 */
function baseState(params: URLSearchParams): { state: ArticleState; notice?: string } {
  const raw = params.get(VERSION_PARAM);
  if (raw === null) {
    const holdsTraining = FIELDS.some((field) => LIVE_FIELD_KEYS.has(field.key) && params.has(field.param));
    return { state: holdsTraining ? { ...DEFAULT_STATE, ...LINK_DEFAULTS[1]! } : DEFAULT_STATE };
  }
  const version = Number(raw);
  const defaults = Number.isInteger(version) ? LINK_DEFAULTS[version] : undefined;
  if (defaults) return { state: { ...DEFAULT_STATE, ...defaults } };
  return {
    state: DEFAULT_STATE,
    notice: `This link's format ${quote(raw)} is not one this page knows (it writes format ${LINK_VERSION}); settings it leaves out take today's defaults.`,
  };
}

/** Parses a location's query string. Never throws; unknown parameters are ignored. */
export function parseState(search: string): ParsedState {
  if (search.length > MAX_QUERY_LENGTH) {
    return {
      state: DEFAULT_STATE,
      notices: [`The link is ${search.length} characters long, too long to be one of ours; showing the defaults.`],
    };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: DEFAULT_STATE, notices: ['The link could not be read; showing the defaults.'] };
  }
  const base = baseState(params);
  const state: Record<string, unknown> = { ...base.state };
  const notices: string[] = base.notice ? [base.notice] : [];
  for (const field of FIELDS) {
    const raw = params.get(field.param);
    if (raw === null) continue;
    const parsed = (field.parse as (raw: string, fallback: unknown) => Parsed<unknown>)(raw, base.state[field.key]);
    state[field.key] = parsed.value;
    if (parsed.notice) notices.push(parsed.notice);
  }
  return { state: state as unknown as ArticleState, notices };
}

/**
 * The canonical query string for a state: the link format and every training field, so the link
 * keeps its meaning whatever the defaults become; the section only when it is not the start.
 */
export function formatState(state: ArticleState): string {
  const params = new URLSearchParams();
  params.set(VERSION_PARAM, String(LINK_VERSION));
  for (const field of FIELDS) {
    const value = state[field.key];
    if (value === undefined || (field.key === 'section' && value === DEFAULT_STATE.section)) continue;
    params.set(field.param, (field.format as (v: typeof value) => string)(value));
  }
  return `?${params.toString()}`;
}
