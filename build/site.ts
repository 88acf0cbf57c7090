/**
 * What the browser tests and the benchmark share: building the site as it ships, serving it with
 * `vite preview`, and launching Chromium (build/chromium.ts says which) with the flags this machine needs.
 */
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { BenchResult } from '../bench/bench-page';
import { chromiumExecutable } from './chromium';
import type { PoolResult } from '../bench/pool-page';
import { STATUS_ATTRIBUTES } from '../src/article/figures/exposed-state';
import { build, preview } from 'vite';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
];

/** `extraArgs`: the benchmark adds --enable-unsafe-webgpu, without which headless Chromium offers no WebGPU adapter. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executable = await chromiumExecutable();
  return chromium.launch({ executablePath: executable.path, args: [...CHROMIUM_ARGS, ...executable.args, ...extraArgs] });
}

/** What the benchmark pages publish on `window` when their run has ended. */
interface PublishedResults {
  readonly benchResult: BenchResult;
  readonly poolResult: PoolResult;
}

/** Opens `url` in a new page and returns what the page published on `window[key]` when its run ended. */
async function publishedResult<K extends keyof PublishedResults>(
  browser: Browser,
  url: string,
  key: K,
  timeoutMs: number,
): Promise<PublishedResults[K]> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction((name) => window[name] !== undefined, key, { timeout: timeoutMs });
    return (await page.evaluate((name) => window[name], key)) as PublishedResults[K];
  } finally {
    await page.close();
  }
}

/** Opens the worker-pool page (bench/pool.html) at `url` and returns what it published when its run ended. */
export function poolPage(browser: Browser, url: string, timeoutMs = 300_000): Promise<PoolResult> {
  return publishedResult(browser, url, 'poolResult', timeoutMs);
}

/** Opens the benchmark page at `url` in a new page and returns what it published when its run ended. */
export function benchPage(browser: Browser, url: string, timeoutMs = 300_000): Promise<BenchResult> {
  return publishedResult(browser, url, 'benchResult', timeoutMs);
}

export interface ServedSite {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The benchmark's site: the article and bench/index.html, built into artifacts/bench-site. */
export const BENCH_SITE_CONFIG = fileURLToPath(new URL('../bench/vite.config.ts', import.meta.url));

/**
 * Builds a site in production mode and serves it on a free port: by default dist/, what ships;
 * with `configFile` (BENCH_SITE_CONFIG), the site that config builds.
 */
export async function buildAndServe(configFile?: string): Promise<ServedSite> {
  // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build; measure and test what ships.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', ...(configFile ? { configFile } : {}) });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn', ...(configFile ? { configFile } : {}) });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  return { baseUrl, close: () => server.close() };
}

/** The live status line as the page exposes it (src/article/exposed-state.ts). */
export interface LiveStatus {
  readonly phase: string;
  readonly step: number;
  readonly totalSteps: number;
  /** NaN before the first report. */
  readonly loss: number;
  readonly backend: string;
  /** The live-run state machine's phase. */
  readonly liveRun: string;
  /** NaN before the worker finished a run. */
  readonly workerTensors: number;
}

/** Reads the live status line's data attributes, in one round trip. */
export async function liveStatus(page: Page): Promise<LiveStatus> {
  const values = await page.evaluate((names) => {
    const line = document.querySelector('#live-status');
    return Object.fromEntries(Object.entries(names).map(([key, name]) => [key, line?.getAttribute(name) ?? '']));
  }, STATUS_ATTRIBUTES);
  const numberOr = (value: string | undefined) => (value ? Number(value) : Number.NaN);
  return {
    phase: values['phase']!,
    step: Number(values['step']),
    totalSteps: Number(values['totalSteps']),
    loss: numberOr(values['loss']),
    backend: values['backend']!,
    liveRun: values['liveRun']!,
    workerTensors: numberOr(values['workerTensors']),
  };
}

/** Waits until the live run reports at least step `atLeast` (of a live run, in any phase). */
export async function waitForLiveStep(page: Page, atLeast: number, timeout = 90_000): Promise<LiveStatus> {
  await page.waitForFunction(
    ([name, min]) => Number(document.querySelector('#live-status')?.getAttribute(name) ?? 0) >= min,
    [STATUS_ATTRIBUTES.step, atLeast] as const,
    { timeout },
  );
  return liveStatus(page);
}

/** Waits until the live status line's phase is one of `phases`. */
export async function waitForLivePhase(page: Page, phases: readonly string[], timeout = 90_000): Promise<LiveStatus> {
  await page.waitForFunction(
    ([name, wanted]) => wanted.includes(document.querySelector('#live-status')?.getAttribute(name) ?? ''),
    [STATUS_ATTRIBUTES.phase, phases] as const,
    { timeout },
  );
  return liveStatus(page);
}
