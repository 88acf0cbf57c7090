import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ChosenFile, IMPORT_CAPS, type ImportedModel, readModelFiles, writeNpy } from '../../../../src/model/import';
import { parseWeightsFile } from '../../../../src/model/weights-file';
import { expectedInstance, familyArrays, npyBytes, npzFile, tensor, zipOf } from './make-files';

function model(files: ChosenFile | ChosenFile[]): ImportedModel {
  const outcome = readModelFiles(Array.isArray(files) ? files : [files]);
  if (!outcome.ok) throw new Error(`expected a model, got: ${outcome.error}`);
  return outcome.model;
}

function error(files: ChosenFile | ChosenFile[]): string {
  const outcome = readModelFiles(Array.isArray(files) ? files : [files]);
  if (outcome.ok) throw new Error('expected an error');
  return outcome.error;
}

const K = 3;
const N = 7;
const M = 4;
const expected = Array.from({ length: K }, (_, k) => expectedInstance(k, N, M));

describe('reading each supported layout', () => {
  it('this page’s names and layout: W1 [k, m, n], W2 [k, n, m], b [k, n], with its metadata', () => {
    const { W1, W2, b } = familyArrays({ k: K, n: N, m: M });
    const density = { shape: [K], data: Float64Array.of(1, 0.1, 0.01) };
    const loaded = model(npzFile({ W1, W2, b, density, importance_decay: { shape: [], data: Float64Array.of(0.9) } }));
    expect(loaded.instances).toEqual(expected);
    expect([loaded.n, loaded.m]).toEqual([N, M]);
    expect(loaded.densities).toEqual([1, 0.1, 0.01]);
    expect(loaded.importanceDecay).toBe(0.9);
    expect(loaded.reading.join(' ')).toMatch(/W1 \[3, 4, 7\] read as instances × \[m, n\] \(a row per neuron\)/);
  });

  it('ARENA’s computation model: W1, W2 and b_final, with feature_probability [k, 1] and importance 0.75^(1…n)', () => {
    const { W1, W2, b } = familyArrays({ k: K, n: N, m: M });
    const feature_probability = { shape: [K, 1], data: Float64Array.of(0.3, 0.1, 0.03) };
    const importance = tensor([1, N], (_, i) => 0.75 ** (i! + 1));
    const loaded = model(npzFile({ W1, W2, b_final: b, feature_probability, importance }));
    expect(loaded.instances).toEqual(expected);
    expect(loaded.densities).toEqual([0.3, 0.1, 0.03]);
    expect(loaded.importanceDecay).toBe(0.75);
    expect(loaded.reading.join(' ')).toMatch(/importance starts at 0\.75 rather than 1/);
  });

  it('W_in [n, m] and W_out [m, n] with b_out, one instance without an instances axis', () => {
    const { W1, W2, b } = familyArrays({ k: 1, n: N, m: M, w1Rows: 'features', w2Rows: 'neurons', instanceAxis: false });
    const loaded = model(npzFile({ W_in: W1, W_out: W2, b_out: b }));
    expect(loaded.instances).toEqual([expected[0]]);
    expect(loaded.reading.join(' ')).toMatch(
      /W_in \[7, 4\] read as \[n, m\] \(a row per feature\), transposed into W1; W_out \[4, 7\] as \[m, n\]/,
    );
  });

  it.each([
    ['neurons', 'neurons'],
    ['features', 'features'],
    ['features', 'neurons'],
  ] as const)('W1 with rows of %s and W2 with rows of %s: orientation from b’s length', (w1Rows, w2Rows) => {
    const { W1, W2, b } = familyArrays({ k: K, n: N, m: M, w1Rows, w2Rows });
    expect(model(npzFile({ W1, W2, b })).instances).toEqual(expected);
  });

  it('Anthropic’s tied W [k, n, m] with b_final: W1 = Wᵀ, W2 = W, and the missing hidden ReLU said', () => {
    const W = tensor([K, N, M], (k, i, j) => expectedInstance(k!, N, M).W1[j!]![i!]!);
    const { b } = familyArrays({ k: K, n: N, m: M });
    const loaded = model(npzFile({ W, b_final: b }));
    expect(loaded.instances.map((x) => x.W1)).toEqual(expected.map((x) => x.W1));
    expect(loaded.instances[1]!.W2).toEqual(expected[1]!.W1[0]!.map((_, i) => expected[1]!.W1.map((row) => row[i]!)));
    expect(loaded.reading.join(' ')).toMatch(
      /Tied weights: W \[n, m\] \(a row per feature\) is used as W1 = Wᵀ and W2 = W.*analysed here as if it had one/,
    );
  });

  it('a tied W [k, m, n] (ARENA’s NeuronModel) is read the other way round', () => {
    const W = tensor([K, M, N], (k, j, i) => expectedInstance(k!, N, M).W1[j!]![i!]!);
    const { b } = familyArrays({ k: K, n: N, m: M });
    const loaded = model(npzFile({ W, b }));
    expect(loaded.instances.map((x) => x.W1)).toEqual(expected.map((x) => x.W1));
    expect(loaded.reading.join(' ')).toMatch(/W \[m, n\] \(a row per neuron\) is used as W1 = W and W2 = Wᵀ/);
  });

  it('without an output bias, takes the longer axis as the features, a zero bias, and says both', () => {
    const { W1, W2 } = familyArrays({ k: K, n: N, m: M, w1Rows: 'features', w2Rows: 'neurons' });
    const loaded = model(npzFile({ W1, W2 }));
    expect([loaded.n, loaded.m]).toEqual([N, M]);
    expect(loaded.instances.map((x) => x.W1)).toEqual(expected.map((x) => x.W1));
    expect(loaded.instances[0]!.b).toEqual(Array(N).fill(0));
    expect(loaded.reading.join(' ')).toMatch(/No output bias in the file: the longer axis is taken as the features \(n = 7, m = 4/);
  });

  it('when n = m the shapes cannot decide: each name’s usual orientation, said', () => {
    const { W1, W2, b } = familyArrays({ k: 2, n: 5, m: 5 });
    const loaded = model(npzFile({ W1, W2, b }));
    expect(loaded.instances).toEqual([0, 1].map((k) => expectedInstance(k, 5, 5)));
    expect(loaded.reading.join(' ')).toMatch(/n = m = 5, so the shapes cannot tell the axes apart/);
  });

  it('a hidden bias b1 [k, m] joins the weights', () => {
    const { W1, W2, b } = familyArrays({ k: K, n: N, m: M });
    const b1 = tensor([K, M], (k, j) => k! - j!);
    expect(model(npzFile({ W1, W2, b, b1 })).instances[2]!.b1).toEqual([2, 1, 0, -1]);
  });

  it('.npy files chosen together, named by their files (browser suffixes like “ (1)” dropped)', () => {
    const { W1, W2, b } = familyArrays({ k: K, n: N, m: M });
    const files = [
      { name: 'W1.npy', bytes: writeNpy(W1) },
      { name: 'W2 (1).npy', bytes: writeNpy(W2) },
      { name: 'b.npy', bytes: writeNpy(b) },
    ];
    expect(model(files).instances).toEqual(expected);
  });

  it('a lone .npy array shaped [n, m] with n > m is the tied W, whatever the file is called', () => {
    const W = tensor([N, M], (i, j) => expected[0]!.W1[j!]![i!]!);
    const loaded = model({ name: 'weights_final.npy', bytes: writeNpy(W) });
    expect(loaded.instances[0]!.W1).toEqual(expected[0]!.W1);
    expect(loaded.reading[0]).toMatch(
      /One .npy array, “weights_final.npy”, read as the tied weights W of Anthropic’s notebook: its shape \[7, 4\] has more rows than columns/,
    );
  });

  it('a JSON object of named nested lists, as json.dump of .tolist() writes it', () => {
    const nested = (w: number[][][]) => w;
    const json = JSON.stringify({
      W1: nested(expected.map((x) => x.W1 as number[][])),
      W2: nested(expected.map((x) => x.W2 as number[][])),
      b: expected.map((x) => x.b),
      density: [1, 0.3, 0.1],
    });
    const loaded = model({ name: 'model.json', bytes: new TextEncoder().encode(json) });
    expect(loaded.instances).toEqual(expected);
    expect(loaded.densities).toEqual([1, 0.3, 0.1]);
  });

  it.each(['sweep', 'motif'])('this page’s own %s.json, exactly as shipped', (name) => {
    const text = readFileSync(`public/weights/${name}.json`, 'utf8');
    const file = parseWeightsFile(JSON.parse(text));
    const loaded = model({ name: `${name}.json`, bytes: new TextEncoder().encode(text) });
    expect(loaded.instances.map((x) => x.W1)).toEqual(file.instances.map((x) => x.W1));
    expect(loaded.instances.map((x) => x.b)).toEqual(file.instances.map((x) => x.b));
    expect(loaded.densities).toEqual(file.config.densities);
    expect(loaded.importanceDecay).toBe(file.config.importanceDecay);
    expect(loaded.reading[0]).toMatch(/This page’s own weights file \(JSON\)/);
  });
});

describe('refusing malformed files with a specific message', () => {
  const { W1, W2, b } = familyArrays({ k: K, n: N, m: M });

  it('unknown and duplicated names, and weights that are missing or mixed', () => {
    expect(error(npzFile({ W1, W2, b, optimizer_state: b }))).toMatch(
      /holds an array named “optimizer_state”, which the page does not know\. It reads W1 and W2/,
    );
    expect(error(npzFile({ W1, W2, b, b_final: b }))).toBe('The file holds both b and b_final, which mean the same thing; keep one.');
    expect(error(npzFile({ W1, b }))).toBe('The file holds W1 but no W2; the model needs both.');
    expect(error(npzFile({ W_out: W2, b }))).toBe('The file holds W_out but no W_in; the model needs both.');
    expect(error(npzFile({ W: W1, W1, b }))).toMatch(/holds the tied W and W1/);
    expect(error(npzFile({ b }))).toMatch(/^The file holds no weights\./);
  });

  it('shapes that do not fit together', () => {
    const W2short = tensor([K, N, M - 1], () => 0);
    expect(error(npzFile({ W1, W2: W2short, b }))).toBe(
      'W2 has shape [3, 7, 3], but W1 and b give n = 7 features and m = 4 neurons: expected [7, 4] or [4, 7].',
    );
    expect(error(npzFile({ W1, W2, b: tensor([K, N + 1], () => 0) }))).toMatch(/W1 has shape \[3, 4, 7\], but b gives n = 8 features/);
    expect(error(npzFile({ W1, W2: tensor([2, N, M], () => 0), b }))).toMatch(/they disagree on the number of instances/);
    expect(error(npzFile({ W1, W2, b: tensor([N], () => 0) }))).toBe(
      'b has shape [7], but the weights give 3 instances of n = 7 features: expected [3, 7].',
    );
    expect(error(npzFile({ W1: tensor([N], () => 0), W2, b }))).toMatch(/W1 has shape \[7\]; a weight matrix is \[rows, columns\]/);
    expect(error(npzFile({ W1: tensor([K, 0, N], () => 0), W2, b }))).toMatch(/W1 has an empty axis/);
    expect(error(npzFile({ W1, W2, b, b1: tensor([K, N], () => 0) }))).toMatch(
      /b1 has shape \[3, 7\], but .* m = 4 neurons: expected \[3, 4\]/,
    );
    const { W1: u, W2: v } = familyArrays({ k: 1, n: N, m: M });
    expect(error(npzFile({ W1: u, W2: tensor([1, N + 1, M], () => 0) }))).toMatch(/do not fit together as \[m, n\] and \[n, m\]/);
    expect(readModelFiles([npzFile({ W1: u, W2: v })]).ok).toBe(true);
  });

  it('NaN and Infinity, with where they are', () => {
    const nan = tensor([K, M, N], (k, j, i) => (k === 2 && j === 1 && i === 5 ? Number.NaN : 0));
    expect(error(npzFile({ W1: nan, W2, b }))).toBe('W1 holds NaN at [2, 1, 5]: a model with non-finite weights cannot be analysed.');
    const inf = tensor([K, N], (k, i) => (k === 0 && i === 3 ? -Infinity : 0));
    expect(error(npzFile({ W1, W2, b: inf }))).toMatch(/^b holds −Infinity at \[0, 3\]/);
    expect(error({ name: 'm.json', bytes: new TextEncoder().encode('{"W1": [[NaN]]}') })).toMatch(/holds NaN or Infinity/);
    expect(error({ name: 'm.json', bytes: new TextEncoder().encode('{"W1": [[1, null]], "W2": [[1]]}') })).toMatch(
      /“W1” holds null .* at \[0, 1\]/,
    );
  });

  it('sizes over the caps, each named', () => {
    const n = IMPORT_CAPS.n + 1;
    expect(error(npzFile({ W1: tensor([1, 2, n], () => 0), W2: tensor([1, n, 2], () => 0), b: tensor([1, n], () => 0) }))).toBe(
      'The model has n = 1,001 features, over the page’s cap of 1,000.',
    );
    const m = IMPORT_CAPS.m + 1;
    expect(error(npzFile({ W1: tensor([m, 3], () => 0), W2: tensor([3, m], () => 0), b: tensor([3], () => 0) }))).toBe(
      'The model has m = 201 neurons, over the page’s cap of 200.',
    );
    const k = IMPORT_CAPS.instances + 1;
    expect(error(npzFile({ W1: tensor([k, 2, 3], () => 0), W2: tensor([k, 3, 2], () => 0), b: tensor([k, 3], () => 0) }))).toBe(
      'The file holds 33 instances, over the page’s cap of 32.',
    );
    expect(error({ name: 'huge.npz', bytes: new Uint8Array(IMPORT_CAPS.bytes + 1) })).toMatch(/over the page’s cap of 128 MiB/);
  });

  it('metadata out of range', () => {
    expect(error(npzFile({ W1, W2, b, density: { shape: [K], data: Float64Array.of(1, 1.5, 0.1) } }))).toBe(
      'density of instance 1 is 1.5, not a probability in (0, 1].',
    );
    expect(error(npzFile({ W1, W2, b, importance_decay: { shape: [2], data: Float64Array.of(0.8, 0.8) } }))).toMatch(
      /importance_decay must be one number in \(0, 1\]/,
    );
  });

  it('files that are not model files at all', () => {
    expect(error({ name: 'empty.npz', bytes: new Uint8Array(0) })).toBe('“empty.npz” is empty.');
    expect(error({ name: 'cat.png', bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3) })).toMatch(/is not a model file the page reads/);
    const whole = npzFile({ W1, W2, b }).bytes;
    expect(error({ name: 'cut.npz', bytes: whole.subarray(0, whole.length - 30) })).toMatch(/^The .npz archive is damaged or truncated/);
    expect(error(zipOf({ 'archive/data.pkl': Uint8Array.of(0x80, 2), 'archive/data/0': new Uint8Array(8) }))).toMatch(
      /This is a PyTorch checkpoint \(torch.save\), not a NumPy archive/,
    );
    expect(error(zipOf({ 'readme.txt': new TextEncoder().encode('hello') }))).toBe(
      'The archive holds “readme.txt”, which is not a NumPy array (.npy).',
    );
    expect(error(zipOf({ 'W1.npy': npyBytes({ descr: '<i4', shape: [1], raw: new Uint8Array(4) }) }))).toMatch(/“W1” holds integers/);
    expect(error({ name: 'x.json', bytes: new TextEncoder().encode('{"config": {"n": 3}, "instances": []}') })).toMatch(
      /looks like this page’s weights JSON but is not one: missing or invalid config/,
    );
    expect(error({ name: 'x.json', bytes: new TextEncoder().encode('{"W1": [[1, 2], [3]]}') })).toMatch(/“W1” is ragged/);
    expect(
      error([
        { name: 'W1.npy', bytes: writeNpy(W1) },
        { name: 'b.txt', bytes: new Uint8Array(4) },
      ]),
    ).toMatch(/“b.txt” is not a NumPy .npy array; several files chosen together must all be .npy arrays/);
  });

  it('never puts control characters or long strings from the file into a message', () => {
    const name = `evil\u0000\u001b[31m\u202e${'x'.repeat(200)}`;
    const message = error(npzFile({ W1, W2, b, [name]: b }));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none got through
    expect(message).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(message).toMatch(/“evil\[31mx+…”/);
  });
});
