/**
 * The training engine on the browser's own backends (bench/index.html, built into the benchmark's own site, in headless Chromium): the stacked
 * formulation meant for GPUs runs on WebGL and trains the same sweep as the per-instance
 * formulation on wasm. Unit tests check this on cpu in Node; here it meets WebGL's own kernels
 * (batched matMul with transposed operands, a rank-3 fused bias), on SwiftShader for want of a GPU.
 * bench/pool.html spreads the sweep over several real workers through the page's TrainerPool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../../bench/bench-page';
import { BENCH_SITE_CONFIG, benchPage, buildAndServe, poolPage, type ServedSite } from '../../build/site';
import { sharedBrowser } from './browser';

const browser = sharedBrowser();
let site: ServedSite | undefined;
beforeAll(async () => {
  site = await buildAndServe(BENCH_SITE_CONFIG);
});
afterAll(() => site?.close());

const run = (query: string): Promise<BenchResult> => benchPage(browser(), `${site!.baseUrl}bench/index.html?${query}`, 180_000);

describe('the engine in Chromium', () => {
  it('the stacked formulation on WebGL trains the same seven models as the per-instance one on wasm', { timeout: 300_000 }, async () => {
    const stacked = await run('backend=webgl&trainer=engine&formulation=stacked&steps=12');
    const perInstance = await run('backend=wasm&trainer=engine&formulation=per-instance&steps=12');
    expect(stacked.error).toBeUndefined();
    expect(stacked.formulation).toBe('stacked');
    // The precision probe finds 32-bit floats here, or the automatic order would pass over every GPU.
    expect(stacked.precision).toBe(32);
    expect(perInstance.formulation).toBe('per-instance');
    // Same data, same initial weights, 16 Adam steps: the batch losses agree to float rounding.
    expect(stacked.losses).toHaveLength(7);
    stacked.losses!.forEach((loss, k) => {
      expect(Math.abs(loss - perInstance.losses![k]!) / perInstance.losses![k]!).toBeLessThan(1e-3);
    });
  });

  it('on a GPU that stores only 16-bit floats, both formulations train without NaN (forced f16 textures)', {
    timeout: 300_000,
  }, async () => {
    // With Adam's ε = 1e-8 every input weight is NaN after one step here; the worker's
    // configuration for 16-bit floats (precision.ts) raises ε, and the choice reports the precision.
    for (const formulation of ['stacked', 'per-instance'] as const) {
      const result = await run(`backend=webgl&f16=1&trainer=engine&formulation=${formulation}&steps=12`);
      expect(result.error).toBeUndefined();
      expect(result.precision).toBe(16);
      expect(result.losses).toHaveLength(7);
      for (const loss of result.losses!) expect(Number.isFinite(loss)).toBe(true);
    }
  });

  it('a sweep spread over three workers trains the same seven models as one worker, bit for bit (wasm)', { timeout: 300_000 }, async () => {
    const one = await poolPage(browser(), `${site!.baseUrl}bench/pool.html?workers=1&steps=40`);
    const three = await poolPage(browser(), `${site!.baseUrl}bench/pool.html?workers=3&steps=40`);
    expect(one.error).toBeUndefined();
    expect(three.error).toBeUndefined();
    expect(three.backend).toBe('wasm');
    expect(one.weights).toHaveLength(7);
    expect(three.weights).toEqual(one.weights);
    expect(three.losses).toEqual(one.losses);
  });
});
