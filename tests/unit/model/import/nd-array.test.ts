/**
 * The float conversions the readers use: float16 bits both ways (IEEE 754 binary16, ties to even),
 * and the shortest decimal a stored float32 or float16 reads back as (a float32 0.3 is 0.3).
 */
import { describe, expect, it } from 'vitest';
import { floatToHalf, halfToFloat, roundToStored, storedDecimal } from '../../../../src/model/import/nd-array';

describe('float16', () => {
  it.each([
    [0, 0x0000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff],
    [2 ** -24, 0x0001],
    [2 ** -14, 0x0400],
    [Number.POSITIVE_INFINITY, 0x7c00],
  ])('%d has the bits %i', (value, bits) => {
    expect(floatToHalf(value)).toBe(bits);
    expect(halfToFloat(bits)).toBe(value);
  });

  it('rounds to nearest, ties to even, and overflows to Infinity past 65519', () => {
    expect(halfToFloat(floatToHalf(1 + 2 ** -11))).toBe(1); // halfway between 1 and 1 + 2^-10: to the even 1
    expect(halfToFloat(floatToHalf(1 + 3 * 2 ** -11))).toBe(1 + 2 ** -9); // halfway: to the even mantissa 2
    expect(halfToFloat(floatToHalf(0.3))).toBe(0.300048828125); // mantissa 204.8 rounds to 205
    expect(halfToFloat(floatToHalf(65520))).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(halfToFloat(floatToHalf(Number.NaN)))).toBe(true);
  });

  it('every one of the 63,488 finite half values survives a round trip', () => {
    for (let bits = 0; bits < 0x7c00; bits++) {
      expect(floatToHalf(halfToFloat(bits))).toBe(bits);
    }
  });
});

describe('the decimal a stored float stands for', () => {
  it('float32 0.3, 0.03 and 0.001 are shown as written; float64 values are left alone', () => {
    expect(storedDecimal(Math.fround(0.3), 'float32')).toBe(0.3);
    expect(storedDecimal(Math.fround(0.03), 'float32')).toBe(0.03);
    expect(storedDecimal(Math.fround(0.001), 'float32')).toBe(0.001);
    expect(storedDecimal(0.30000001192092896)).toBe(0.30000001192092896);
  });

  it('a float16 0.3 (0.300048828125) is 0.3; a bfloat16 0.1 is 0.1; each reads back as the stored value', () => {
    expect(storedDecimal(0.300048828125, 'float16')).toBe(0.3);
    const bf = roundToStored(0.1, 'bfloat16');
    expect(bf).not.toBe(0.1);
    expect(storedDecimal(bf, 'bfloat16')).toBe(0.1);
    expect(roundToStored(storedDecimal(bf, 'bfloat16'), 'bfloat16')).toBe(bf);
  });
});
