import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ChosenFile,
  IMPORT_CAPS,
  type ImportedModel,
  importedModelToSafetensors,
  readModelFiles,
  readSafetensors,
  weightsFileArrays,
  weightsFileToSafetensors,
} from '../../../../src/model/import';
import { parseWeightsFile } from '../../../../src/model/weights-file';
import { expectedInstance, safetensorsBytes, type SafetensorsEntry } from './make-files';

const file = (bytes: Uint8Array, name = 'model.safetensors'): ChosenFile => ({ name, bytes });

function model(bytes: Uint8Array, name?: string): ImportedModel {
  const outcome = readModelFiles([file(bytes, name)]);
  if (!outcome.ok) throw new Error(`expected a model, got: ${outcome.error}`);
  return outcome.model;
}

function error(bytes: Uint8Array, name?: string): string {
  const outcome = readModelFiles([file(bytes, name)]);
  if (outcome.ok) throw new Error('expected an error');
  return outcome.error;
}

/** Values exact in float16 and bfloat16: W1[k, j, i] = (k + 1)/2 − j/8 + i/16, W2[k, i, j] = k/4 + i/16 − j/8, b[k, i] = (i − k)/64. */
const K = 2;
const N = 6;
const M = 3;
const w1 = (k: number, j: number, i: number): number => (k + 1) / 2 - j / 8 + i / 16;
const w2 = (k: number, i: number, j: number): number => k / 4 + i / 16 - j / 8;
const b = (k: number, i: number): number => (i - k) / 64;
const grid = (dims: number[], f: (...ix: number[]) => number): number[] => {
  const out: number[] = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === dims.length) out.push(f(...prefix));
    else for (let x = 0; x < dims[prefix.length]!; x++) walk([...prefix, x]);
  };
  walk([]);
  return out;
};
const exact = Array.from({ length: K }, (_, k) => ({
  W1: Array.from({ length: M }, (_, j) => Array.from({ length: N }, (_, i) => w1(k, j, i))),
  W2: Array.from({ length: N }, (_, i) => Array.from({ length: M }, (_, j) => w2(k, i, j))),
  b: Array.from({ length: N }, (_, i) => b(k, i)),
}));

/** The exact model in `dtype` under the names `names` (input, output, output bias). */
function exactFile(dtype: string, names: [string, string, string] = ['W1', 'W2', 'b_final']): Record<string, SafetensorsEntry> {
  return {
    [names[0]]: { dtype, shape: [K, M, N], values: grid([K, M, N], w1) },
    [names[1]]: { dtype, shape: [K, N, M], values: grid([K, N, M], w2) },
    [names[2]]: { dtype, shape: [K, N], values: grid([K, N], b) },
  };
}

describe('reading safetensors', () => {
  it.each(['F32', 'F16', 'BF16', 'F64'])('reads %s tensors, the file’s own values', (dtype) => {
    const loaded = model(safetensorsBytes(exactFile(dtype)));
    expect(loaded.instances).toEqual(exact);
    expect(loaded.reading[0]).toMatch(/^A safetensors file of 3 tensors/);
  });

  it('reads float32 weights as the nearest float32 values, and a float32 density as the decimal written', () => {
    const family = Array.from({ length: K }, (_, k) => expectedInstance(k, N, M));
    const loaded = model(
      safetensorsBytes({
        W1: { dtype: 'F32', shape: [K, M, N], values: family.flatMap((x) => x.W1.flat()) },
        W2: { dtype: 'F32', shape: [K, N, M], values: family.flatMap((x) => x.W2.flat()) },
        b: { dtype: 'F32', shape: [K, N], values: family.flatMap((x) => [...x.b]) },
        feature_probability: { dtype: 'F32', shape: [K], values: [0.3, 0.03] },
        importance_decay: { dtype: 'F32', shape: [], values: [0.9] },
      }),
    );
    expect(loaded.instances[1]!.W1[2]![5]).toBe(Math.fround(family[1]!.W1[2]![5]!));
    expect(loaded.densities).toEqual([0.3, 0.03]);
    expect(loaded.importanceDecay).toBe(0.9);
  });

  it('reads a state_dict of nn.Linear layers: fc1.weight [m, n], fc2.weight [n, m], fc2.bias, fc1.bias', () => {
    const entries = exactFile('F32', ['fc1.weight', 'fc2.weight', 'fc2.bias']);
    const one = Object.fromEntries(
      Object.entries(entries).map(([name, e]) => [
        name,
        { ...e, shape: e.shape.slice(1), values: e.values!.slice(0, e.values!.length / K) },
      ]),
    );
    const loaded = model(safetensorsBytes({ ...one, 'fc1.bias': { dtype: 'F32', shape: [M], values: [0.5, 0, -0.25] } }));
    expect(loaded.instances).toEqual([{ ...exact[0], b1: [0.5, 0, -0.25] }]);
  });

  it('reads ARENA-style and TransformerLens-style names', () => {
    expect(model(safetensorsBytes(exactFile('F32', ['W1', 'W2', 'b_final']))).instances).toEqual(exact);
    const transposed = {
      W_in: { dtype: 'F32', shape: [K, N, M], values: grid([K, N, M], (k, i, j) => w1(k, j, i)) },
      W_out: { dtype: 'F32', shape: [K, M, N], values: grid([K, M, N], (k, j, i) => w2(k, i, j)) },
      b_out: { dtype: 'F32', shape: [K, N], values: grid([K, N], b) },
    };
    expect(model(safetensorsBytes(transposed)).instances).toEqual(exact);
  });

  it('is recognised by its first bytes, whatever the file is called, and notes __metadata__ without using it', () => {
    const loaded = model(safetensorsBytes(exactFile('F32'), { metadata: { format: 'pt' } }), 'weights.bin');
    expect(loaded.reading[0]).toMatch(/__metadata__ \(“format”\) is not used/);
  });
});

describe('safetensors the page refuses, each with its reason', () => {
  const good = safetensorsBytes(exactFile('F32'));
  it.each<[string, () => Uint8Array, RegExp]>([
    ['a file shorter than its header length', () => good.subarray(0, 5), /too short to hold its header length/],
    ['a header length beyond the file', () => good.subarray(0, 20), /header says it is \d+ bytes long, but the file has 12/],
    ['data cut short', () => safetensorsBytes(exactFile('F32'), { cut: 4 }), /data_offsets \[\d+, \d+\] lie outside the file’s/],
    ['a header that is not JSON', () => safetensorsBytes({}, { header: '{"W1": [' }), /header is not valid JSON/],
    ['a header that is not an object', () => safetensorsBytes({}, { header: '[1, 2]' }), /not a JSON object of tensors/],
    ['an unknown dtype', () => safetensorsBytes({ W1: { dtype: 'F128', shape: [1] } }), /dtype “F128”, which safetensors does not define/],
    ['integer tensors', () => safetensorsBytes({ W1: { dtype: 'I64', shape: [1], values: [1] } }), /“W1” holds integers \(I64\)/],
    [
      'overlapping tensors',
      () =>
        safetensorsBytes({
          W1: { dtype: 'F32', shape: [2], values: [1, 2] },
          W2: { dtype: 'F32', shape: [2], values: [3, 4], offsets: [4, 12] },
        }),
      /data of “W1” and “W2” overlap/,
    ],
    [
      'offsets that disagree with the shape',
      () => safetensorsBytes({ W1: { dtype: 'F32', shape: [3], values: [1, 2], offsets: [0, 8] } }),
      /needs 12 bytes, its data_offsets give 8/,
    ],
    [
      '__metadata__ that is not strings',
      () => safetensorsBytes(exactFile('F32'), { metadata: { density: 0.3 } }),
      /__metadata__ is not an object of strings/,
    ],
    [
      'an array over the caps',
      () => safetensorsBytes({ W1: { dtype: 'F32', shape: [33, 200, 1000], offsets: [0, 4] } }),
      new RegExp(`more than the ${IMPORT_CAPS.elementsPerArray.toLocaleString('en')}`),
    ],
  ])('%s', (_, make, message) => {
    expect(error(make())).toMatch(message);
  });

  it('a file named .safetensors that does not start like one gets the format’s reason', () => {
    expect(error(new Uint8Array([1, 2, 3]), 'model.safetensors')).toMatch(/too short to hold its header length/);
  });
});

describe('writing safetensors', () => {
  const sweep = parseWeightsFile(JSON.parse(readFileSync('public/weights/sweep.json', 'utf8')));

  it('the shipped sweep round-trips: the same arrays, and the same model when read back', () => {
    const bytes = weightsFileToSafetensors(sweep);
    const { arrays } = readSafetensors(bytes);
    for (const [name, array] of weightsFileArrays(sweep)) {
      expect(arrays.get(name)?.shape).toEqual(array.shape);
      expect(arrays.get(name)?.data).toEqual(array.data);
    }
    const loaded = model(bytes);
    expect(loaded.instances).toEqual(sweep.instances.map(({ W1, W2, b }) => ({ W1, W2, b })));
    expect(loaded.densities).toEqual(sweep.instances.map((i) => i.density));
    // Hugging Face's writer aligns the data to 8 bytes.
    expect(Number(new DataView(bytes.buffer).getBigUint64(0, true)) % 8).toBe(0);
  });

  it('a loaded model (here from BF16) writes as safetensors and reads back as the same model', () => {
    const loaded = model(safetensorsBytes(exactFile('BF16')));
    const again = model(importedModelToSafetensors(loaded));
    expect(again.instances).toEqual(loaded.instances);
  });
});

describe('files written by Hugging Face’s safetensors (scripts/safetensors-fixtures.py)', () => {
  const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
  const family = [0, 1].map((k) => expectedInstance(k, 6, 4));
  const maxDifference = (a: readonly number[], b: readonly number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

  it('ARENA’s names in F32 with a float32 density and importances: the file’s values, densities as written', () => {
    const loaded = model(fixture('arena-float32.safetensors'));
    loaded.instances.forEach((x, k) => {
      expect(x.W1.flat()).toEqual(family[k]!.W1.flat().map(Math.fround));
      expect(x.W2.flat()).toEqual(family[k]!.W2.flat().map(Math.fround));
    });
    expect(loaded.densities).toEqual([0.3, 0.03]);
    expect(loaded.importanceDecay).toBeCloseTo(0.9, 6);
    expect(loaded.reading[0]).toMatch(/“W1” \(float32\).*__metadata__ \(“format”\) is not used/);
  });

  it('a state_dict of nn.Linear layers in F16, with a hidden bias', () => {
    const loaded = model(fixture('state-dict-float16.safetensors'));
    expect(loaded.instances).toHaveLength(1);
    expect(maxDifference(loaded.instances[0]!.W1.flat(), family[0]!.W1.flat())).toBeLessThan(1e-3);
    expect(maxDifference(loaded.instances[0]!.W2.flat(), family[0]!.W2.flat())).toBeLessThan(1e-3);
    expect(loaded.instances[0]!.b1).toEqual([0.5, 0, -0.25, 0.125]);
  });

  it('W_in [k, n, m] and W_out [k, m, n] in F64: exactly the family', () => {
    expect(model(fixture('w-in-out-float64.safetensors')).instances).toEqual(family);
  });
});
