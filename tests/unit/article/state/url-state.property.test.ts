import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../../src/model/config';
import { LIVE_LIMITS, liveConfig } from '../../../../src/article/state/live-settings';
import { FIELDS, parseState, SECTIONS } from '../../../../src/article/state/url-state';
import { DEFAULT_NEURON_MODEL, NEURON_MODEL_LEVELS } from '../../../../src/article/state/neuron-model-field';
import { SHIPPED_CONVERGED_SEEDS } from '../../../../src/model/weights-file';
import { NEURON_LIMITS } from '../../../../src/article/state/neuron-choice';
import { MAX_INPUT_FEATURE, MAX_INPUT_PAIRS } from '../../../../src/article/state/computation-fields';

const PARAMS = FIELDS.map((f) => f.param);

/** Values a stranger might put in a permalink. */
const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt().map(String),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '-0',
    '1e308',
    '1e-400',
    '0x1F',
    '  7  ',
    '',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '%00',
    '\u202e',
    'ℵ₀',
    '١٢٣',
    '0:0.83,7:-0.41',
    '3:2,3:-5,99:0.5,400:1,-1:0.2,1.5:0.1',
    'converged:0.01:0',
    'converged:0:9',
    'motif',
    'feature',
    'superposition',
  ),
  fc.string({ minLength: 1000, maxLength: 10_000 }),
);

const hostileQuery = fc.oneof(
  fc.string({ maxLength: 10_000 }),
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string()), hostileValue), { maxLength: 12 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) params.append(k, v);
    return `?${params.toString()}`;
  }),
);

describe('permalink parsing under hostile input', () => {
  it('never throws and always yields a configuration the engine accepts, within the live limits', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const { state, notices } = parseState(query);
        expect(SECTIONS).toContain(state.section);
        expect(state.density).toBeGreaterThanOrEqual(LIVE_LIMITS.density.min);
        expect(state.density).toBeLessThanOrEqual(LIVE_LIMITS.density.max);
        expect(state.m).toBeLessThanOrEqual(LIVE_LIMITS.m.max);
        expect(Number.isInteger(state.seed)).toBe(true);
        if (state.neuron !== undefined) {
          expect(Number.isInteger(state.neuron)).toBe(true);
          expect(state.neuron).toBeGreaterThanOrEqual(NEURON_LIMITS.min);
          expect(state.neuron).toBeLessThanOrEqual(NEURON_LIMITS.max);
        }
        // The computation figure's input: at most MAX_INPUT_PAIRS distinct whole features, values in [−1, 1].
        const input = state.input ?? [];
        expect(input.length).toBeLessThanOrEqual(MAX_INPUT_PAIRS);
        expect(new Set(input.map((e) => e.feature)).size).toBe(input.length);
        for (const { feature, value } of input) {
          expect(Number.isInteger(feature) && feature >= 0 && feature < MAX_INPUT_FEATURE).toBe(true);
          expect(Math.abs(value)).toBeLessThanOrEqual(1);
        }
        expect([undefined, 'superposition', 'feature']).toContain(state.colouring);
        // The neuron-response section's model: a level and seed it measures, never the default spelled out.
        if (state.neuronModel) {
          expect(NEURON_MODEL_LEVELS).toContain(state.neuronModel.density);
          expect(SHIPPED_CONVERGED_SEEDS).toContain(state.neuronModel.seed);
          expect(state.neuronModel).not.toEqual(DEFAULT_NEURON_MODEL);
        }
        const model = state.computationModel;
        if (model?.kind === 'converged') expect(model.density > 0 && model.density <= 1).toBe(true);
        const config = liveConfig(state);
        expect(validateConfig(config)).toEqual([]);
        // Bounded work: steps and batch within the live limits and the live recipe's largest batch.
        expect(config.steps).toBeLessThanOrEqual(LIVE_LIMITS.steps.max);
        expect(config.batch).toBeLessThanOrEqual(16_384);
        expect(2 * config.n * config.m * config.steps).toBeLessThanOrEqual(2 * 100 * 100 * 30_000);
        for (const notice of notices) {
          expect(typeof notice).toBe('string');
          expect(notice.length).toBeLessThan(200);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('names every replaced parameter in a notice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.constantFrom('abc', 'NaN', '-5', '1e99', '<b>x</b>'), (field, raw) => {
        const { notices } = parseState(`?${field.param}=${encodeURIComponent(raw)}`);
        expect(notices.length).toBe(1);
      }),
    );
  });
});
