import { describe, expect, it } from 'vitest';
import { compactRowCount, createInstanceData, ROW_BUCKET } from '../../../src/model/data';
import { createRng } from '../../../src/model/random';

function statistics(density: number, batches: number, n = 100, batch = 1024) {
  const generator = createInstanceData(density, n, batch, 7, 1);
  let nonZero = 0;
  let cells = 0;
  let inRange = true;
  let sum = 0;
  let sumAbs = 0;
  for (let k = 0; k < batches; k++) {
    const sample = generator.next();
    let weightSum = 0;
    for (let r = 0; r < sample.rows; r++) weightSum += sample.rowWeights[r]!;
    expect(weightSum).toBe(batch);
    for (const v of sample.x) {
      if (v !== 0) {
        nonZero++;
        sum += v;
        sumAbs += Math.abs(v);
        if (v < -1 || v > 1) inRange = false;
      }
    }
    cells += n * batch;
  }
  return { density: nonZero / cells, nonZero, mean: sum / nonZero, meanAbs: sumAbs / nonZero, inRange };
}

describe('sparse data generator', () => {
  it.each([1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001])(
    'at density %f the share of non-zero features matches within 4 standard errors, values uniform on [-1, 1]',
    (density) => {
      const batches = density >= 0.01 ? 5 : 40;
      const stats = statistics(density, batches);
      const cells = 100 * 1024 * batches;
      const standardError = Math.sqrt((density * (1 - density)) / cells);
      expect(Math.abs(stats.density - density)).toBeLessThanOrEqual(4 * standardError + 1e-12);
      expect(stats.inRange).toBe(true);
      // Uniform on [-1, 1]: mean 0 (sd 1/√3), mean |x| = 1/2 (sd 1/√12).
      expect(Math.abs(stats.mean)).toBeLessThan(4 / Math.sqrt(3 * stats.nonZero));
      expect(Math.abs(stats.meanAbs - 0.5)).toBeLessThan(4 / Math.sqrt(12 * stats.nonZero));
    },
  );

  it('gives the same batch for the same seed and stream, and a different one for another stream', () => {
    const a = createInstanceData(0.03, 100, 256, 42, 3).next();
    const b = createInstanceData(0.03, 100, 256, 42, 3).next();
    const c = createInstanceData(0.03, 100, 256, 42, 5).next();
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.rowWeights)).toEqual(Array.from(b.rowWeights));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  it('compacts all-zero examples into one weighted row, padded to the row bucket', () => {
    const sample = createInstanceData(0.001, 100, 1024, 1, 1).next();
    expect(sample.rows % ROW_BUCKET === 0 || sample.rows === 1024).toBe(true);
    expect(sample.rows).toBeLessThan(1024);
    const zeroRow = sample.x.subarray(sample.activeExamples * 100, (sample.activeExamples + 1) * 100);
    expect(zeroRow.every((v) => v === 0)).toBe(true);
    expect(sample.rowWeights[sample.activeExamples]).toBe(1024 - sample.activeExamples);
    for (let r = 0; r < sample.activeExamples; r++) {
      expect(sample.x.subarray(r * 100, (r + 1) * 100).some((v) => v !== 0)).toBe(true);
    }
  });

  it('needs no zero row when every example is active', () => {
    expect(compactRowCount(1024, 1024)).toBe(1024);
    expect(compactRowCount(63, 1024)).toBe(64);
    expect(compactRowCount(64, 1024)).toBe(128);
    expect(compactRowCount(1000, 1024)).toBe(1024);
  });
});

describe('transposed batch', () => {
  it.each([0.3, 0.003])('xT is x transposed at density %f', (density) => {
    const sample = createInstanceData(density, 100, 1024, 5, 2).next();
    for (let r = 0; r < sample.rows; r++) {
      for (let i = 0; i < 100; i++) expect(sample.xT[i * sample.rows + r]).toBe(sample.x[r * 100 + i]);
    }
  });
});

describe('seeded generator', () => {
  it('bulk draws are the same numbers as draws one at a time, across fills of any length', () => {
    const single = createRng(11, 42);
    const bulk = createRng(11, 42);
    const expected = Array.from({ length: 5000 }, () => single.next());
    const got: number[] = [];
    for (const length of [1, 7, 4096, 896]) {
      const out = new Float64Array(length);
      bulk.fill(out);
      got.push(...out);
    }
    expect(got).toEqual(expected);
    expect(Math.min(...got)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...got)).toBeLessThan(1);
  });
});
