/**
 * Files written by NumPy itself (scripts/import-fixtures.py; the family of make-files.ts with
 * k = 2, n = 6, m = 4): what the replications' numpy.savez and numpy.save produce, read back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ChosenFile, type ImportedModel, readModelFiles } from '../../../../src/model/import';
import { expectedInstance } from './make-files';

const fixture = (name: string): ChosenFile => ({ name, bytes: new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url))) });

function read(...names: string[]): ImportedModel {
  const outcome = readModelFiles(names.map(fixture));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.model;
}

const expected = [0, 1].map((k) => expectedInstance(k, 6, 4));

/** The largest difference between two equally long lists of numbers. */
const maxDifference = (a: readonly number[], b: readonly number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/** Every W1 and W2 weight within `tolerance` of the family's (float32 files round to about 6e-8 here). */
function expectWeights(model: ImportedModel, tolerance = 1e-6): void {
  expect(model.instances.length).toBe(expected.length);
  model.instances.forEach((got, k) => {
    expect(maxDifference(got.W1.flat(), expected[k]!.W1.flat())).toBeLessThan(tolerance);
    expect(maxDifference(got.W2.flat(), expected[k]!.W2.flat())).toBeLessThan(tolerance);
  });
}

describe('NumPy-written fixtures', () => {
  it('page-layout.npz (numpy.savez, float64): exact, with its density and decay', () => {
    const model = read('page-layout.npz');
    expect(model.instances).toEqual(expected);
    expect(model.densities).toEqual([1, 0.1]);
    expect(model.importanceDecay).toBe(0.8);
  });

  it('arena-float32.npz (numpy.savez_compressed, float32, W1/W2/b_final)', () => {
    const model = read('arena-float32.npz');
    expectWeights(model);
    expect(model.densities).toEqual([1, 0.1]);
    expect(model.importanceDecay).toBe(0.75);
  });

  it('w-in-out-single.npz (2-D W_in/W_out saved from transposed, Fortran-order views)', () => {
    expect(read('w-in-out-single.npz').instances).toEqual([expected[0]]);
  });

  it('anthropic-tied.npz (W [k, n, m], b_final) and W.npy (float32, Fortran order, no bias)', () => {
    const tied = read('anthropic-tied.npz');
    expect(tied.instances.map((x) => x.W1)).toEqual(expected.map((x) => x.W1));
    expect(tied.instances.map((x) => x.b)).toEqual(expected.map((x) => x.b));
    const lone = read('W.npy');
    lone.instances.forEach((x, k) => {
      expect(maxDifference(x.W1.flat(), expected[k]!.W1.flat())).toBeLessThan(1e-6);
    });
  });

  it('W1.npy, W2.npy and b.npy chosen together', () => {
    expect(read('W1.npy', 'W2.npy', 'b.npy').instances).toEqual(expected);
  });

  it.each([
    ['bad-int-dtype.npz', '“W1” holds integers; weights must be float16, float32 or float64.'],
    ['bad-big-endian.npz', /^“W1” is stored big-endian \(>f4\)/],
    ['bad-nan.npz', 'W1 holds NaN at [1, 2, 3]: a model with non-finite weights cannot be analysed.'],
    ['bad-shapes.npz', 'W2 has shape [2, 6, 3], but W1 and b give n = 6 features and m = 4 neurons: expected [6, 4] or [4, 6].'],
    ['bad-unknown-name.npz', /^The file holds an array named “optimizer_state”, which the page does not know/],
    ['bad-oversized.npz', 'The model has n = 1,001 features, over the page’s cap of 1,000.'],
    ['bad-pickled.npz', /^“W1” holds Python objects \(a pickled array\)/],
    ['bad-truncated.npz', /^The .npz archive is damaged or truncated/],
  ])('refuses %s', (name, message) => {
    const outcome = readModelFiles([fixture(name)]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error).toMatch(
        typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message,
      );
  });
});
