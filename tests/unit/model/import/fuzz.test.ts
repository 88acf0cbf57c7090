/**
 * Hostile bytes: random strings (some opening like a zip, an .npy, safetensors or JSON), every truncation step
 * of valid files, and valid files with bytes flipped. The reader must answer each with a model or
 * a short sentence: never an uncaught exception, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { readModelFiles, writeNpy, writeSafetensors } from '../../../../src/model/import';
import { createRng } from '../../../../src/model/random';
import { familyArrays, npzFile } from './make-files';

const rng = createRng(16, 0);
const randomInt = (below: number): number => Math.floor(rng.next() * below);
const randomBytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => randomInt(256));

const { W1, W2, b } = familyArrays({ k: 2, n: 9, m: 5 });
const validNpz = npzFile({ W1, W2, b }).bytes;
const validNpy = writeNpy(W1);
const validSafetensors = writeSafetensors([
  ['W1', W1],
  ['W2', W2],
  ['b', b],
]);
const validJson = new TextEncoder().encode(JSON.stringify({ W1: [[[1, 2]]], W2: [[[1], [2]]], b: [[0, 0]] }));
const PREFIXES = [
  new Uint8Array(0),
  Uint8Array.of(0x50, 0x4b, 3, 4),
  Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0),
  Uint8Array.of(0x7b),
  validNpz.subarray(0, 60),
  validSafetensors.subarray(0, 40),
];

/** Reads `bytes` and checks the answer; returns the milliseconds it took. */
function answer(bytes: Uint8Array, name = 'fuzz.npz'): number {
  const start = performance.now();
  const outcome = readModelFiles([{ name, bytes }]);
  const took = performance.now() - start;
  if (!outcome.ok) {
    expect(typeof outcome.error).toBe('string');
    expect(outcome.error.length).toBeGreaterThan(10);
    expect(outcome.error.length).toBeLessThan(700);
  } else {
    expect(outcome.model.instances.length).toBeGreaterThan(0);
  }
  return took;
}

describe('reading hostile bytes', () => {
  it('answers 400 random byte strings, some opening like a model file, each in well under a second', () => {
    let slowest = 0;
    for (let t = 0; t < 400; t++) {
      const prefix = PREFIXES[t % PREFIXES.length]!;
      const bytes = new Uint8Array(prefix.length + randomInt(t % 10 === 0 ? 70_000 : 2_000));
      bytes.set(prefix);
      bytes.set(randomBytes(bytes.length - prefix.length), prefix.length);
      slowest = Math.max(slowest, answer(bytes));
    }
    expect(slowest).toBeLessThan(1000);
  });

  it('answers every truncation of a valid .npz, .npy, safetensors and JSON file', () => {
    let slowest = 0;
    for (const [whole, name] of [
      [validNpz, 'm.npz'],
      [validNpy, 'W.npy'],
      [validJson, 'm.json'],
      [validSafetensors, 'm.safetensors'],
    ] as const) {
      const step = Math.max(1, Math.floor(whole.length / 150));
      for (let length = 0; length < whole.length; length += step) {
        slowest = Math.max(slowest, answer(whole.subarray(0, length), name));
        expect(readModelFiles([{ name, bytes: whole.subarray(0, length) }]).ok).toBe(false);
      }
    }
    expect(slowest).toBeLessThan(1000);
  });

  it('answers 300 valid files with one to eight bytes overwritten', () => {
    let slowest = 0;
    for (let t = 0; t < 300; t++) {
      const source = t % 3 === 0 ? validNpy : t % 3 === 1 ? validSafetensors : validNpz;
      const bytes = source.slice();
      for (let f = 1 + randomInt(8); f > 0; f--) bytes[randomInt(bytes.length)] = randomInt(256);
      slowest = Math.max(slowest, answer(bytes, t % 3 === 0 ? 'W.npy' : t % 3 === 1 ? 'm.safetensors' : 'm.npz'));
    }
    expect(slowest).toBeLessThan(1000);
  });
});
