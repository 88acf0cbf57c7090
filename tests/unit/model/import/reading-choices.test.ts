/**
 * What the reader never gets silently: a lone array whose shape leaves open what it is (a
 * question or a refusal, never a guessed tie), names that are Object members, weights whose loss
 * overflows, and float32 metadata shown with float64 noise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ChosenFile, type ReadOptions, readModelFiles, writeNpy } from '../../../../src/model/import';
import { expectedInstance, familyArrays, npyBytes, npzFile, tensor } from './make-files';

const read = (files: ChosenFile | ChosenFile[], options?: ReadOptions) => readModelFiles(Array.isArray(files) ? files : [files], options);

const N = 7;
const M = 4;
const one = expectedInstance(0, N, M);

describe('a lone .npy array', () => {
  const w1 = tensor([M, N], (j, i) => one.W1[j!]![i!]!);

  it('shaped [m, n] (fewer rows than columns) is not read as tied: the page asks W1 or tied, and says how to name it', () => {
    const outcome = read({ name: 'w1.npy', bytes: writeNpy(w1) });
    if (outcome.ok) throw new Error('expected a question');
    expect(outcome.error).toMatch(/“w1.npy” is one array of shape \[4, 7\], which could be W1 \(4 neurons × 7 features\) or the tied W/);
    expect(outcome.error).toMatch(
      /Name the file W.npy to read it as the tied W, or name it W1.npy and choose it together with W2.npy and b.npy/,
    );
    expect(outcome.question?.choices.map((c) => c.answer)).toEqual(['W1', 'tied']);
  });

  it('answered "tied", it is read as the tied W, and the reading says the reader chose it', () => {
    const outcome = read({ name: 'w1.npy', bytes: writeNpy(w1) }, { loneArray: 'tied' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.model.instances[0]!.W1).toEqual(one.W1);
    expect(outcome.model.reading[0]).toMatch(/as the reader said/);
  });

  it('answered "W1", it is refused with the files still missing', () => {
    const outcome = read({ name: 'w1.npy', bytes: writeNpy(w1) }, { loneArray: 'W1' });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.error).toMatch(/holds W1 but no W2.*Choose all the model’s .npy files together/);
    expect(outcome.question).toBeUndefined();
  });

  it('square [n, n] asks too; one named W.npy is the tied W as the reader named it', () => {
    const square = tensor([2, 5, 5], (k, i, j) => k! + i! / 10 - j! / 20);
    expect(read({ name: 'model.npy', bytes: writeNpy(square) })).toMatchObject({ ok: false, question: { choices: [{}, {}] } });
    expect(read({ name: 'W.npy', bytes: writeNpy(square) }).ok).toBe(true);
  });
});

describe('names the page does not know', () => {
  it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'])('an array named %s is refused as unknown', (name) => {
    const { W1, W2, b } = familyArrays({ k: 1, n: N, m: M, instanceAxis: false });
    const outcome = read(npzFile({ W1, W2, b, [name]: { shape: [], data: Float64Array.of(1) } }));
    expect(outcome).toMatchObject({ ok: false });
    expect(!outcome.ok && outcome.error).toMatch(new RegExp(`array named “${name}”, which the page does not know`));
  });

  it('a JSON key __proto__ is refused the same way', () => {
    const text = `{"W1": ${JSON.stringify(one.W1)}, "W2": ${JSON.stringify(one.W2)}, "__proto__": [1]}`;
    const outcome = read({ name: 'model.json', bytes: new TextEncoder().encode(text) });
    expect(!outcome.ok && outcome.error).toMatch(/array named “__proto__”/);
  });

  it('a .npy dtype named like an Object member is an unknown dtype', () => {
    const outcome = read({ name: 'W.npy', bytes: npyBytes({ descr: 'constructor', shape: [1], raw: new Uint8Array(8) }) });
    expect(!outcome.ok && outcome.error).toMatch(/weights must be float16, float32 or float64/);
  });
});

describe('weights the page cannot evaluate', () => {
  it('finite but huge weights (1e300) are refused with the reason, not evaluated to NaN ± NaN', () => {
    const { W1, W2, b } = familyArrays({ k: 2, n: N, m: M });
    const huge = { shape: W1.shape, data: W1.data.map((v, e) => (e === 3 ? 1e300 : v)) };
    const outcome = read(npzFile({ W1: huge, W2, b }));
    expect(!outcome.ok && outcome.error).toMatch(
      /^Instance 0 has weights as large as 1\.00e\+300: its outputs could reach .*, so its loss overflows float64 and the model cannot be evaluated/,
    );
  });

  it('this page’s own weights JSON with a weight of 1e300 is refused the same way', () => {
    const file = JSON.parse(readFileSync('public/weights/motif.json', 'utf8'));
    file.instances[0].W2[3][2] = 1e300;
    const outcome = read({ name: 'motif.json', bytes: new TextEncoder().encode(JSON.stringify(file)) });
    expect(!outcome.ok && outcome.error).toMatch(/^The model has weights as large as 1\.00e\+300/);
  });

  it('large but evaluable weights (1e6) are read', () => {
    const { W1, W2, b } = familyArrays({ k: 1, n: N, m: M });
    expect(read(npzFile({ W1: { shape: W1.shape, data: W1.data.map((v) => v * 1e6) }, W2, b })).ok).toBe(true);
  });
});

describe('metadata at the precision it was stored in', () => {
  it('a float32 density 0.3 reads as 0.3, a float16 one as the shortest decimal float16 gives back', () => {
    const { W1, W2, b } = familyArrays({ k: 2, n: N, m: M });
    const files = (descr: string, values: number[]): ChosenFile[] => [
      { name: 'W1.npy', bytes: writeNpy(W1) },
      { name: 'W2.npy', bytes: writeNpy(W2) },
      { name: 'b.npy', bytes: writeNpy(b) },
      { name: 'density.npy', bytes: npyBytes({ descr, shape: [2], values }) },
    ];
    const f32 = read(files('<f4', [0.3, 0.001]));
    expect(f32.ok && f32.model.densities).toEqual([0.3, 0.001]);
    // 0.5 and 0.25 are exact in float16; a float16 0.3 is 0.300048828125, shown as 0.3 (tests/unit/model/import/nd-array.test.ts).
    const f16 = read(files('<f2', [0.5, 0.25]));
    expect(f16.ok && f16.model.densities).toEqual([0.5, 0.25]);
  });
});
