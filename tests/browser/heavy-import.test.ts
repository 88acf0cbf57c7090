/**
 * A dense model at the import caps never freezes the page (issue 27): a safetensors file of 32
 * instances of n = 1,000 features × m = 200 neurons, every weight non-zero (51 MB of float32), is
 * chosen in the "Load weights" picker; while it is read, analysed and drawn (one instance at a time,
 * the first and then the last chosen in the menu) no main-thread task lasts over 200 ms, and once every instance is drawn the page's JS heap after garbage collection is under
 * 400 MB. Chromium runs with --expose-gc; the numbers measured are printed for the record.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../build/site';
import { IMPORT_CAPS } from '../../src/model/import/caps';
import { createRng } from '../../src/model/random';
import { collectErrors } from './browser';

const baseUrl = inject('baseUrl');
/** The limits: the longest main-thread task, ms, and the heap kept after garbage collection, MB. */
const LONGEST_TASK_MS = 200;
const HEAP_MB = 400;

const { instances: K, n: N, m: M } = IMPORT_CAPS;

/** The bytes of a safetensors file holding `arrays` as little-endian F32. */
function safetensors(arrays: readonly (readonly [name: string, shape: readonly number[], data: Float32Array])[]): Uint8Array {
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, shape, data] of arrays) {
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + data.byteLength] };
    offset += data.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(new TextEncoder().encode(json), 8);
  let at = 8 + json.length;
  for (const [, , data] of arrays) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    at += data.byteLength;
  }
  return out;
}

/** K instances of dense random weights, W2 the transpose of W1 (the paper's tied form), a small bias. */
function denseModelAtCaps(): Uint8Array {
  const rng = createRng(27, 1);
  const W1 = new Float32Array(K * M * N);
  for (let e = 0; e < W1.length; e++) W1[e] = rng.next() * 2 - 1;
  const W2 = new Float32Array(K * N * M);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < M; j++) for (let i = 0; i < N; i++) W2[(k * N + i) * M + j] = W1[(k * M + j) * N + i]!;
  }
  const b = Float32Array.from({ length: K * N }, () => -0.01 * rng.next());
  return safetensors([
    ['W1', [K, M, N], W1],
    ['W2', [K, N, M], W2],
    ['b', [K, N], b],
  ]);
}

let browser: Browser | undefined;
let folder = '';
beforeAll(async () => {
  browser = await launchChromium(['--js-flags=--expose-gc']);
  folder = mkdtempSync(join(tmpdir(), 'heavy-import-'));
  // Playwright hands over files of more than 50 MB only by path.
  writeFileSync(join(folder, 'dense-at-caps.safetensors'), denseModelAtCaps());
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Starts recording main-thread long tasks, and waits until none has ended for 3 s (the page's own start is over). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    for (const start = performance.now(); performance.now() - start < 90_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const last = w.longTasks.at(-1);
      if (!last || performance.now() - (last.start + last.duration) > 3000) break;
    }
    w.longTasks = [];
  });
}

/** The page's JS heap after a full garbage collection, MB. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => (window as unknown as { gc: () => void }).gc());
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/**
 * The page's main-thread tasks in a Chromium trace: each one's wall time and its thread (CPU) time,
 * ms. On a machine whose cores are shared by many processes, a task's wall time counts the time
 * the thread waited for a core; its thread time is the work the page did.
 */
function mainThreadTasks(trace: Buffer): { wall: number; cpu: number }[] {
  type TraceEvent = { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  return (
    events
      // A top-level task: "ThreadControllerImpl::RunTask" in current Chromium, "RunTask" in older ones.
      .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name.endsWith('::RunTask')) && mains.has(`${e.pid}:${e.tid}`))
      .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 }))
  );
}

describe('a dense model at the import caps', () => {
  it('is read, analysed and drawn with no main-thread task over 200 ms, and under 400 MB of heap', { timeout: 900_000 }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    // A shipped configuration: nothing trains beside the import.
    await page.goto(`${baseUrl}?section=your-model&density=0.1&steps=10000&lr=0.001`);
    await page.locator('#sweep-figure neuron-stack-plot').first().waitFor();
    await recordLongTasks(page);
    await browser!.startTracing(page, { categories: ['toplevel'] });
    const started = Date.now();
    await page.locator('#load-weights').setInputFiles(join(folder, 'dense-at-caps.safetensors'));
    // From here on the test only looks with plain DOM queries polled once a second: Playwright's
    // locators walk every shadow root, which on this page would be main-thread work of the test's own.
    // (A function, not a string: the page's CSP refuses eval.)
    const until = (selector: string, columns: number, timeout: number) =>
      page.waitForFunction(
        ([s, c]) => {
          const el = document.querySelector(s as string);
          return c === 0 ? el !== null : el?.shadowRoot?.querySelectorAll('.column').length === c;
        },
        [selector, columns] as const,
        { polling: 1000, timeout },
      );
    await until('#your-model-result', 0, 120_000);
    // The reader is told how far the analysis is.
    expect(await page.evaluate(() => document.querySelector('#your-model-result .status-line')?.textContent?.trim())).toMatch(
      /^Analysing instance \d+ of 32…$|^32 instances analysed\.$/,
    );
    await until('#your-model-result[data-analysing="false"]', 0, 840_000);
    const analysedMs = Date.now() - started;
    expect(await page.evaluate(() => document.querySelector('#your-model-result')?.getAttribute('data-analysed'))).toBe(String(K));
    // The model is drawn one instance at a time: the first, then the last chosen in the menu, each column there.
    for (const k of [0, K - 1]) {
      await page.evaluate((shown) => {
        const menu = document.querySelector<HTMLSelectElement>('#your-instance-shown')!;
        menu.value = String(shown);
        menu.dispatchEvent(new Event('change'));
        menu.scrollIntoView();
      }, k);
      await until(`#your-plot-${k}`, M, 60_000);
    }
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: { duration: number }[] }).longTasks.map((t) => t.duration));
    const traced = mainThreadTasks(await browser!.stopTracing());
    const longestCpu = Math.max(0, ...traced.map((t) => t.cpu));
    const heap = await heapAfterGc(page);
    const nodes = await page.evaluate(() => {
      let count = 0;
      const walk = (root: Document | ShadowRoot): void => {
        for (const el of root.querySelectorAll('*')) {
          count++;
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return count;
    });
    const longest = Math.max(0, ...tasks);
    console.log(
      `dense model at the caps: analysed and drawn in ${(analysedMs / 1000).toFixed(1)} s; ${tasks.length} long tasks (> 50 ms), ` +
        `longest ${longest.toFixed(0)} ms, total ${tasks.reduce((s, t) => s + t, 0).toFixed(0)} ms; ` +
        `traced: ${traced.length} main-thread tasks, longest ${Math.max(0, ...traced.map((t) => t.wall)).toFixed(0)} ms wall, ` +
        `${longestCpu.toFixed(0)} ms of thread time; heap after gc ${heap.toFixed(1)} MB; ${nodes} elements`,
    );
    // The limit holds for the work a task does (its thread time): on two cores shared by a dozen
    // processes a task's wall time (what 'longtask' reports, printed above) measures the machine.
    expect(traced.length).toBeGreaterThan(100);
    expect(longestCpu).toBeLessThanOrEqual(LONGEST_TASK_MS);
    expect(heap).toBeLessThan(HEAP_MB);
    expect(errors).toEqual([]);
    await page.close();
  });
});
