/**
 * The live model's advanced settings as a form: each field's label, valid range and inline
 * validation, and the sentence that states the live model's recipe beside the shipped ones. Pure,
 * so that validation and wording are tested in Node. A permalink's bad value is clamped and named
 * in a notice (url-state.ts); a value typed into the form is refused next to its field instead, and
 * nothing trains until every field is valid.
 */
import { CONFIG_LIMITS, DEFAULT_CONFIG } from '../../model/config';
import { CONVERGED_RECIPE, describeLevelRecipe, levelRecipe, liveRecipe } from '../../model/recipe';
import { formatCount, formatDensity } from '../../viz/core/format';
import { LIVE_LIMITS, type LiveSettings, liveLevelRecipe, nearestPaperDensity } from './live-settings';
import { parseDecimal } from './url-state';

/** The form's fields; `name` is also the field's URL parameter. */
export type SettingName = 'seed' | 'steps' | 'lr' | 'm' | 'decay';

export interface SettingField {
  readonly name: SettingName;
  /** The LiveSettings key the field sets. */
  readonly key: 'seed' | 'steps' | 'learningRate' | 'm' | 'importanceDecay';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The keyboard a phone should show. */
  readonly inputMode: 'numeric' | 'decimal';
}

export const SETTING_FIELDS: readonly SettingField[] = [
  { name: 'seed', key: 'seed', label: 'Seed', ...CONFIG_LIMITS.seed, integer: true, inputMode: 'numeric' },
  { name: 'steps', key: 'steps', label: 'Steps', ...LIVE_LIMITS.steps, integer: true, inputMode: 'numeric' },
  { name: 'lr', key: 'learningRate', label: 'Learning rate', ...LIVE_LIMITS.learningRate, integer: false, inputMode: 'decimal' },
  { name: 'm', key: 'm', label: 'Hidden neurons m', ...LIVE_LIMITS.m, integer: true, inputMode: 'numeric' },
  {
    name: 'decay',
    key: 'importanceDecay',
    label: 'Importance decay',
    ...CONFIG_LIMITS.importanceDecay,
    integer: false,
    inputMode: 'decimal',
  },
];

/** A bound as a reader writes it: "30,000", "0.00001". */
export function formatBound(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : String(value);
}

/** The valid range shown beside a field: "whole number, 1 to 100" or "0.00001 to 0.1". */
export function rangeHint(field: SettingField): string {
  const range = `${formatBound(field.min)} to ${formatBound(field.max)}`;
  return field.integer ? `whole number, ${range}` : range;
}

export type FieldCheck = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/** Checks one field's text: a number in plain decimal notation, whole where it must be, within range. */
export function checkSetting(field: SettingField, raw: string): FieldCheck {
  const range = `${formatBound(field.min)} and ${formatBound(field.max)}`;
  if (raw.trim() === '') return { ok: false, error: `Enter a ${field.integer ? 'whole number' : 'number'} between ${range}.` };
  const value = parseDecimal(raw);
  if (!Number.isFinite(value)) return { ok: false, error: `Not a number: enter one between ${range}.` };
  if (field.integer && !Number.isInteger(value)) return { ok: false, error: `Enter a whole number between ${range}.` };
  if (value < field.min || value > field.max) return { ok: false, error: `Out of range: enter a number between ${range}.` };
  return { ok: true, value };
}

export interface FormCheck {
  /** The settings the form holds, when every field is valid. */
  readonly settings: Readonly<Record<SettingField['key'], number>> | null;
  /** An error per invalid field, by name. */
  readonly errors: Partial<Record<SettingName, string>>;
}

/** Checks every field; `read` gives a field's text (a missing field reads as empty). */
export function checkSettings(read: (name: SettingName) => string | null): FormCheck {
  const errors: Partial<Record<SettingName, string>> = {};
  const values: Partial<Record<SettingField['key'], number>> = {};
  for (const field of SETTING_FIELDS) {
    const check = checkSetting(field, read(field.name) ?? '');
    if (check.ok) values[field.key] = check.value;
    else errors[field.name] = check.error;
  }
  const valid = Object.keys(errors).length === 0;
  return { settings: valid ? (values as Record<SettingField['key'], number>) : null, errors };
}

/**
 * The settings a valid form commits on top of `current`: steps and learning rate become overrides
 * only where they differ from the recipe's own at the density, so a form applied unchanged keeps
 * the link on the recipe.
 */
export function appliedSettings(current: LiveSettings, form: Readonly<Record<SettingField['key'], number>>): Partial<LiveSettings> {
  const own = liveLevelRecipe({ ...current, steps: undefined, learningRate: undefined });
  return {
    seed: form.seed,
    m: form.m,
    importanceDecay: form.importanceDecay,
    steps: form.steps === own.steps ? undefined : form.steps,
    learningRate: form.learningRate === own.learningRate ? undefined : form.learningRate,
  };
}

/** The values the form shows: the reader's settings, with the recipe's own steps and learning rate where they set none. */
export function formValues(settings: LiveSettings): Readonly<Record<SettingField['key'], number>> {
  const level = liveLevelRecipe(settings);
  return {
    seed: settings.seed,
    steps: level.steps,
    learningRate: level.learningRate,
    m: settings.m,
    importanceDecay: settings.importanceDecay,
  };
}

/**
 * How the live model trains at these settings, as a sentence: the live recipe at the density (and
 * what the reader changed in it) beside the converged recipe of the nearest paper level; for the
 * constant schedule of older links, its comparison with the replication sweep's.
 */
export function scheduleSentence(settings: LiveSettings): string {
  const level = liveLevelRecipe(settings);
  if (settings.recipe === 'constant') return constantScheduleSentence(level.steps, level.learningRate);
  const own = liveRecipe(settings.density);
  const changed = [
    level.steps !== own.steps ? `${formatCount(own.steps)} steps` : null,
    level.learningRate !== own.learningRate ? `learning rate ${own.learningRate}` : null,
  ].filter(Boolean);
  const paper = nearestPaperDensity(settings.density);
  const yours = changed.length > 0 ? `, with your values in place of its ${changed.join(' and ')}` : '';
  const which =
    paper === settings.density
      ? `the live recipe for 1 − S = ${formatDensity(paper)}`
      : `the live recipe of the nearest paper level, 1 − S = ${formatDensity(paper)}, at 1 − S = ${formatDensity(settings.density)}`;
  return `It trains ${describeLevelRecipe(level)}: ${which}${yours}. The shipped converged model at 1 − S = ${formatDensity(paper)} took ${describeLevelRecipe(levelRecipe(CONVERGED_RECIPE, paper))}.`;
}

/**
 * How a constant schedule compares with the replication sweep's, as a sentence. Adam moves each
 * weight by about the learning rate per step, so steps × learning rate is the distance the weights
 * can travel; the sentence says "about the same distance" only when that product is within 15% of
 * the shipped one.
 */
export function constantScheduleSentence(steps: number, learningRate: number): string {
  const shipped = { steps: DEFAULT_CONFIG.steps, learningRate: DEFAULT_CONFIG.learningRate };
  const at = (s: number, lr: number) => `${formatCount(s)} steps at learning rate ${lr}`;
  if (steps === shipped.steps && learningRate === shipped.learningRate) {
    return `It trains ${at(steps, learningRate)}, the replication sweep’s own schedule.`;
  }
  const distance = steps * learningRate;
  const shippedDistance = shipped.steps * shipped.learningRate;
  const ratio = distance / shippedDistance;
  const products = `steps × learning rate is ${formatProduct(distance)} against ${formatProduct(shippedDistance)}`;
  const comparison =
    ratio >= 1 / 1.15 && ratio <= 1.15
      ? `about the same distance travelled by Adam (${products})`
      : ratio > 1
        ? `Adam can move the weights about ${formatProduct(ratio)} times as far (${products})`
        : `Adam can move the weights only about ${Math.max(1, Math.round(ratio * 100))}% as far (${products})`;
  return `It trains ${at(steps, learningRate)} where the replication sweep took ${at(shipped.steps, shipped.learningRate)}: ${comparison}.`;
}

/** Three significant digits, no exponent: "10.5", "0.35", "9". */
function formatProduct(value: number): string {
  return String(Number(value.toPrecision(3)));
}
