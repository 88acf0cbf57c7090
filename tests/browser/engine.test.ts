/**
 * The training engine on the browser's own backends (bench.html in headless Chromium): the stacked
 * formulation meant for GPUs runs on WebGL and trains the same sweep as the per-instance
 * formulation on wasm. Unit tests check this on cpu in Node; here it meets WebGL's own kernels
 * (batched matMul with transposed operands, a rank-3 fused bias), on SwiftShader for want of a GPU.
 */
import { describe, expect, inject, it } from 'vitest';
import type { BenchResult } from '../../src/training/bench-page';
import { benchPage } from '../../scripts/browser-harness';
import { sharedBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const run = (query: string): Promise<BenchResult> => benchPage(browser(), `${baseUrl}bench.html?${query}`, 180_000);

describe('the engine in Chromium', () => {
  it('the stacked formulation on WebGL trains the same seven models as the per-instance one on wasm', { timeout: 300_000 }, async () => {
    const stacked = await run('backend=webgl&trainer=engine&formulation=stacked&steps=12');
    const perInstance = await run('backend=wasm&trainer=engine&formulation=per-instance&steps=12');
    expect(stacked.error).toBeUndefined();
    expect(stacked.formulation).toBe('stacked');
    expect(perInstance.formulation).toBe('per-instance');
    // Same data, same initial weights, 16 Adam steps: the batch losses agree to float rounding.
    expect(stacked.losses).toHaveLength(7);
    stacked.losses!.forEach((loss, k) => expect(Math.abs(loss - perInstance.losses![k]!) / perInstance.losses![k]!).toBeLessThan(1e-3));
  });
});
