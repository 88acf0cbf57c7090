import { describe, expect, it } from 'vitest';
import { MAX_TRAINING_WORKERS, threadsPerWorker, trainingParallelism, WASM_THREAD_POOL } from '../../../src/training/parallelism';

describe('the pool sized to the machine', () => {
  it.each([
    [1, 1, 1],
    [2, 2, 1],
    [3, 3, 1],
    [4, 4, 1],
    [8, 4, 1],
    [16, 4, 1],
    [31, 4, 1],
    [32, 4, 8],
    [64, 4, 16],
  ])('at %i cores runs %i workers of %i wasm threads each', (cores, workers, threads) => {
    expect(trainingParallelism(cores)).toEqual({ workers, threadsPerWorker: threads });
  });

  it('never asks for more threads than cores, and at least one worker of one thread', () => {
    for (let cores = 1; cores <= 128; cores++) {
      const { workers, threadsPerWorker: threads } = trainingParallelism(cores);
      expect(workers).toBeGreaterThanOrEqual(1);
      expect(workers).toBeLessThanOrEqual(MAX_TRAINING_WORKERS);
      expect(threads).toBeGreaterThanOrEqual(1);
      expect(workers * threads).toBeLessThanOrEqual(cores);
    }
  });

  it('threads a worker only when its share covers the threaded build’s pool of workers', () => {
    expect(WASM_THREAD_POOL).toBe(8);
    for (let cores = 1; cores <= 128; cores++) {
      const { threadsPerWorker: threads } = trainingParallelism(cores);
      expect(threads === 1 || threads >= WASM_THREAD_POOL).toBe(true);
    }
  });

  it('reads a missing, zero or non-finite core count as one core, and rounds a fractional one down', () => {
    for (const cores of [0, -3, Number.NaN, Number.POSITIVE_INFINITY, 0.5]) {
      expect(trainingParallelism(cores)).toEqual({ workers: 1, threadsPerWorker: 1 });
    }
    expect(trainingParallelism(33.9)).toEqual({ workers: 4, threadsPerWorker: 8 });
  });

  it('gives each of a named number of workers its share of the cores, at least one thread', () => {
    expect(threadsPerWorker(16, 1)).toBe(16);
    expect(threadsPerWorker(16, 2)).toBe(8);
    expect(threadsPerWorker(16, 3)).toBe(1);
    expect(threadsPerWorker(16, 7)).toBe(1);
    expect(threadsPerWorker(2, 7)).toBe(1);
    expect(threadsPerWorker(16, 0)).toBe(16);
  });
});
