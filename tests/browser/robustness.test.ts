/**
 * What a reader's browser can do to the page: lose the GPU context mid-training, and retrain
 * many times in a row without the worker's tensors or the page's heap growing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { liveStatus, waitForLivePhase } from '../../build/site';
import { ARTIFACTS, collectErrors, scrollIntoView, sharedBrowser } from './browser';
import { TEST_EVENTS } from '../../src/article/figures/exposed-state';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1200, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${baseUrl}${query}`);
  await scrollIntoView(page.locator('#live'));
  return { page, errors };
}

describe('robustness in Chromium', () => {
  it('continues on another backend from the last weights when the WebGL context is lost mid-training', { timeout: 300_000 }, async () => {
    // A shipped configuration, so nothing trains before WebGL is chosen: the worker then starts
    // WebGL first (starting it after wasm and the renderer probe has hung on SwiftShader now and then).
    const { page, errors } = await open('?section=live&density=0.1&steps=10000&lr=0.001');
    await page.locator('#backend-select').selectOption('webgl');
    await page.locator('#train-button').click();
    // WebGL over SwiftShader takes several seconds to start on a machine without a GPU.
    await expect.poll(async () => (await liveStatus(page)).backend, { timeout: 120_000 }).toBe('webgl');
    await expect.poll(async () => (await liveStatus(page)).step, { timeout: 60_000 }).toBeGreaterThanOrEqual(50);
    await page.evaluate((name) => {
      document.querySelector('superposition-article')?.dispatchEvent(new Event(name));
    }, TEST_EVENTS.loseWebGLContext);
    const notice = page.locator('#live .notice[role="alert"]');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/webgl backend failed \(the WebGL context was lost\)/);
    await expect.poll(async () => (await liveStatus(page)).backend, { timeout: 60_000 }).toBe('wasm');
    const resumedAt = (await liveStatus(page)).step;
    await expect.poll(async () => (await liveStatus(page)).step, { timeout: 60_000 }).toBeGreaterThan(resumedAt + 50);
    expect(await page.locator('#live-plot .column').count()).toBe(40);
    await page
      .locator('#live')
      .screenshot({ path: `${ARTIFACTS}/context-lost.png`, timeout: 10_000 })
      .catch(() => undefined);
    expect(errors.filter((e) => !/WebGL|context/i.test(e))).toEqual([]);
    await page.close();
  });

  it('leaves the worker tensor count and the page heap flat over 50 consecutive retrains', { timeout: 300_000 }, async () => {
    const { page, errors } = await open('?section=live&density=0.01&seed=1&steps=100');
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const retrain = async (): Promise<number> => {
      await page.locator('#train-button').click();
      return (await waitForLivePhase(page, ['completed'], 60_000)).workerTensors;
    };
    const tensors: number[] = [];
    let heapAfterWarmup = 0;
    for (let k = 0; k < 50; k++) {
      tensors.push(await retrain());
      if (k === 4) heapAfterWarmup = await heap();
    }
    const heapAtEnd = await heap();
    expect(new Set(tensors.slice(1)).size).toBe(1);
    expect(heapAtEnd - heapAfterWarmup).toBeLessThan(5 * 1024 * 1024);
    expect(errors).toEqual([]);
    await page.close();
  });
});
