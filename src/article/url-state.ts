/**
 * The article's state as it lives in the URL: one declarative table of fields, each with its
 * parser, bounds and default. A permalink is input from strangers, so parsing never throws: every
 * bad value is replaced by its default (or clamped into range) and named in a notice.
 */
import { CONFIG_LIMITS } from '../model/config';
import { DEFAULT_LIVE_SETTINGS, LIVE_LIMITS, type LiveSettings } from './live-settings';

export const SECTIONS = ['intro', 'model', 'sweep', 'live', 'intermediate', 'motif', 'method'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The article's state: the section the reader was looking at and the live model's settings. */
export interface ArticleState extends LiveSettings {
  readonly section: SectionId;
}

export const DEFAULT_STATE: ArticleState = Object.freeze({ section: 'intro', ...DEFAULT_LIVE_SETTINGS });

type Parsed<T> = { readonly value: T; readonly notice?: string };

interface FieldSpec<K extends keyof ArticleState> {
  readonly key: K;
  /** The query parameter's name. */
  readonly param: string;
  readonly parse: (raw: string) => Parsed<ArticleState[K]>;
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

function numberField<K extends 'density' | 'seed' | 'steps' | 'learningRate' | 'm' | 'importanceDecay'>(
  key: K,
  param: string,
  label: string,
  bounds: { readonly min: number; readonly max: number },
  integer: boolean,
): FieldSpec<K> {
  const fallback = DEFAULT_STATE[key] as number;
  return {
    key,
    param,
    parse(raw) {
      const value = parseDecimal(raw);
      if (!Number.isFinite(value)) {
        return { value: fallback as ArticleState[K], notice: `${label} ${quote(raw)} is not a number; using ${fallback}.` };
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
  parse(raw) {
    const section = SECTIONS.find((s) => s === raw);
    return section
      ? { value: section }
      : { value: DEFAULT_STATE.section, notice: `There is no section ${quote(raw)}; showing the start of the article.` };
  },
  format: (value) => value,
};

export const FIELDS = [
  sectionField,
  numberField('density', 'density', 'Feature density', LIVE_LIMITS.density, false),
  numberField('seed', 'seed', 'Seed', CONFIG_LIMITS.seed, true),
  numberField('steps', 'steps', 'Training steps', LIVE_LIMITS.steps, true),
  numberField('learningRate', 'lr', 'Learning rate', LIVE_LIMITS.learningRate, false),
  numberField('m', 'm', 'Hidden neurons', LIVE_LIMITS.m, true),
  numberField('importanceDecay', 'decay', 'Importance decay', CONFIG_LIMITS.importanceDecay, false),
] as const;

/** Longer query strings are not parsed at all: no field needs more than a few dozen characters. */
export const MAX_QUERY_LENGTH = 2048;

export interface ParsedState {
  readonly state: ArticleState;
  /** One plain-text sentence per value that was replaced. */
  readonly notices: readonly string[];
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
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  const notices: string[] = [];
  for (const field of FIELDS) {
    const raw = params.get(field.param);
    if (raw === null) continue;
    const parsed = field.parse(raw);
    state[field.key] = parsed.value;
    if (parsed.notice) notices.push(parsed.notice);
  }
  return { state: state as unknown as ArticleState, notices };
}

/** The query string for a state; fields at their default are left out to keep links short. */
export function formatState(state: ArticleState): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = state[field.key];
    if (value !== DEFAULT_STATE[field.key]) params.set(field.param, (field.format as (v: typeof value) => string)(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
