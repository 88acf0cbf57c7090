import { parse as npyjsParse } from 'npyjs';
import { describe, expect, it } from 'vitest';
import { IMPORT_CAPS, readNpy, writeNpy } from '../../../../src/model/import';
import { npyBytes, tensor } from './make-files';

const read = (bytes: Uint8Array) => readNpy(bytes, 'x');
const error = (bytes: Uint8Array): string => {
  try {
    read(bytes);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected readNpy to throw');
};

describe('.npy reading and writing', () => {
  it.each([[[]], [[3]], [[2, 3]], [[2, 3, 4]], [[1, 0]]])('reads back what it writes, shape %j', (shape) => {
    const array = tensor(shape, (...ix) => ix.reduce((a, v, k) => a + v * 10 ** k, 0.5) * (ix[0] === 1 ? -1 : 1));
    const bytes = writeNpy(array);
    expect(read(bytes)).toEqual(array);
    // NumPy's alignment: the data starts at a multiple of 64 bytes.
    expect((bytes.length - array.data.length * 8) % 64).toBe(0);
    // npyjs, the library the page decodes with, reads the writer's output too.
    const decoded = npyjsParse(bytes.slice().buffer);
    expect(decoded.shape).toEqual(shape);
    expect(Array.from(decoded.data as Float64Array)).toEqual(Array.from(array.data));
  });

  it('reads float32 and float16 into float64', () => {
    expect(Array.from(read(npyBytes({ descr: '<f4', shape: [3], values: [0.5, -1.25, 3] })).data)).toEqual([0.5, -1.25, 3]);
    expect(Array.from(read(npyBytes({ descr: '<f2', shape: [2, 2], values: [0.5, -2, 0.25, 1] })).data)).toEqual([0.5, -2, 0.25, 1]);
  });

  it('reorders Fortran-order data (a transposed view saved by NumPy) into C order', () => {
    // [[1, 2, 3], [4, 5, 6]] in column-major order is 1 4 2 5 3 6.
    expect(Array.from(read(npyBytes({ shape: [2, 3], fortranOrder: true, values: [1, 4, 2, 5, 3, 6] })).data)).toEqual([1, 2, 3, 4, 5, 6]);
    const c = tensor([2, 3, 4], (a, b, d) => 100 * a + 10 * b! + d!);
    const fortran: number[] = [];
    for (let d = 0; d < 4; d++) for (let b = 0; b < 3; b++) for (let a = 0; a < 2; a++) fortran.push(100 * a + 10 * b + d);
    expect(read(npyBytes({ shape: [2, 3, 4], fortranOrder: true, values: fortran }))).toEqual(c);
  });

  it('reads format versions 2.0 and 3.0', () => {
    expect(Array.from(read(npyBytes({ shape: [2], values: [1, 2], version: 2 })).data)).toEqual([1, 2]);
    expect(Array.from(read(npyBytes({ shape: [2], values: [1, 2], version: 3 })).data)).toEqual([1, 2]);
  });

  it.each([
    ['<i8', /holds integers; weights must be float16, float32 or float64/],
    ['<u4', /holds integers/],
    ['|b1', /holds booleans/],
    ['<c16', /holds complex numbers/],
    ['<U3', /holds text/],
    ['>f8', /is stored big-endian \(>f8\)/],
    ['|O', /holds Python objects \(a pickled array\), which the page never unpickles/],
    ["[('a', '<f4'), ('b', '<f4')]", /holds records \(a structured dtype\)/],
    ['<V8', /holds the dtype “<V8”/],
  ])('refuses the dtype %s', (descr, message) => {
    expect(error(npyBytes({ descr, shape: [1], raw: new Uint8Array(8) }))).toMatch(message);
  });

  it('names truncated data, trailing bytes and a damaged header', () => {
    const whole = npyBytes({ shape: [2, 3], values: [1, 2, 3, 4, 5, 6] });
    expect(error(whole.subarray(0, whole.length - 8))).toBe('x is truncated: shape [2, 3] needs 48 bytes of data, the file has 40.');
    expect(error(whole.subarray(0, 40))).toBe('x is truncated inside its header.');
    expect(error(whole.subarray(0, 6))).toMatch(/x is truncated: 6 bytes is too short/);
    const longer = new Uint8Array(whole.length + 8);
    longer.set(whole);
    expect(error(longer)).toMatch(/x is damaged: it has 8 bytes after the data/);
    const header = new TextDecoder('latin1').decode(whole.subarray(10, 128));
    const damaged = whole.slice();
    damaged.set(new TextEncoder().encode(header.replace("'shape': (2, 3)", "'shape': [2, 3]")), 10);
    expect(error(damaged)).toBe('x has a damaged .npy header.');
    expect(error(npyBytes({ shape: [2], values: [1, 2], version: 9 }))).toMatch(/format version 9\.0, which the page does not know/);
    expect(error(new TextEncoder().encode('not an array at all'))).toMatch(/does not start with the .npy magic string/);
  });

  it('refuses more axes or more numbers than the page reads, before touching the data', () => {
    expect(error(npyBytes({ shape: [1, 1, 1, 2], values: [1, 2] }))).toMatch(/has 4 axes; the page reads arrays of up to 3/);
    // A header that claims a huge array over a few bytes: refused on the header alone.
    expect(error(npyBytes({ shape: [100_000, 100_000], raw: new Uint8Array(16) }))).toMatch(
      new RegExp(`holds 10,000,000,000 numbers .* more than the ${IMPORT_CAPS.elementsPerArray.toLocaleString('en')}`),
    );
  });
});
