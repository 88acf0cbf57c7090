/**
 * The first view's file (public/weights/computation-default.json, written by
 * scripts/first-view-model.ts) holds exactly the computation figure's default model as its seed's
 * shipped converged file stores it: every weight, the loss, recipe and evaluation, under the
 * configuration that trains that instance alone, cut from the converged file as shipped now.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_MODEL, FIRST_VIEW_PATH, FIRST_VIEW_SOURCE } from '../../../../src/article/shipped/first-view';
import { DEFAULT_COMPUTATION_MODEL } from '../../../../src/article/state/computation-fields';
import { instanceFile } from '../../../../src/model/instance-file';
import { instanceConfig, parseWeightsFile } from '../../../../src/model/weights-file';

const bytesOf = (path: string): Buffer => readFileSync(new URL(`../../../../public/${path}`, import.meta.url));
const small = JSON.parse(bytesOf(FIRST_VIEW_PATH).toString('utf8')) as Record<string, unknown>;
const sourceBytes = bytesOf(FIRST_VIEW_SOURCE);
const full = parseWeightsFile(JSON.parse(sourceBytes.toString('utf8')));

describe('the first view’s file', () => {
  it('is the default computation model’s seed and level, cut from that seed’s converged file as shipped now', () => {
    expect(FIRST_VIEW_MODEL).toEqual(DEFAULT_COMPUTATION_MODEL);
    expect(small.source).toEqual({ file: FIRST_VIEW_SOURCE, sha256: createHash('sha256').update(sourceBytes).digest('hex') });
  });

  it('parses as a weights file holding one instance', () => {
    const file = parseWeightsFile(small);
    expect(file.instances).toHaveLength(1);
    expect(file.config.densities).toEqual([FIRST_VIEW_MODEL.density]);
  });

  it('holds the full file’s instance exactly: every weight, the loss, recipe and evaluation', () => {
    const [instance] = parseWeightsFile(small).instances;
    const stored = full.instances.find((i) => i.density === FIRST_VIEW_MODEL.density);
    expect(stored).toBeDefined();
    // toStrictEqual compares every number of W1 [m, n], W2 [n, m] and b [n] exactly (Object.is).
    expect(instance).toStrictEqual(stored);
    expect(instance?.W1.flat()).toHaveLength(full.config.m * full.config.n);
  });

  it('has the configuration that trains that instance alone, with the full file’s model shape, seed and recipe', () => {
    const file = parseWeightsFile(small);
    const k = full.instances.findIndex((i) => i.density === FIRST_VIEW_MODEL.density);
    expect(file.config).toEqual(instanceConfig(full, k));
    const { n, m, importanceDecay, seed, hiddenBias } = full.config;
    expect(file.config).toMatchObject({ n, m, importanceDecay, seed, hiddenBias });
    expect(file.recipe).toBe(full.recipe);
    expect(file.provenance).toEqual(full.provenance);
  });

  it('is what the script writes from the shipped file (run npm run first-view-model if this fails)', () => {
    const sha256 = createHash('sha256').update(sourceBytes).digest('hex');
    expect(small).toEqual(JSON.parse(JSON.stringify(instanceFile(full, FIRST_VIEW_MODEL.density, { file: FIRST_VIEW_SOURCE, sha256 }))));
  });

  it('instanceFile names a density the file does not hold', () => {
    expect(() => instanceFile(full, 0.5, { file: 'x.json', sha256: '' })).toThrow('no instance at density 0.5 in x.json');
  });
});
