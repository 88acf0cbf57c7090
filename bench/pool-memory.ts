/**
 * The bench's "parallelism" part: the sweep retrain through the article's TrainerPool
 * (bench/pool.html?workers=auto) sized for 1, 2 and 16 cores (the page's `cores`: an init script
 * that overrode navigator.hardwareConcurrency was not seen by the cross-origin-isolated pool page
 * here, which kept reading 2), and once in the shape the pool had before it shared the cores out (4 workers, each with
 * 16 wasm threads). For each: the workers and wasm threads per worker the pool chose, the dedicated
 * workers Chromium runs (DevTools targets: training workers and their wasm threads), and the
 * resident memory of the renderer processes as Linux counts it (/proc), both after `MEASURE_AT`
 * steps. (performance.measureUserAgentSpecificMemory answered "not available" on this page.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { PoolResult } from './pool-page';
import { round } from './bench-stats';

const STEPS = 400;
const MEASURE_AT = 200;

/** One process's command line and parent, or null once it has gone. */
function processInfo(pid: number): { cmdline: string; ppid: number; rssKb: number } | null {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cmdline, ppid, rssKb: rss ? Number(rss[1]) : 0 };
  } catch {
    return null;
  }
}

/** MB resident in the renderer processes of the Chromium this process launched (its child, the browser process). */
function rendererRssMb(): number {
  const all = new Map<number, NonNullable<ReturnType<typeof processInfo>>>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    const info = Number.isInteger(pid) ? processInfo(pid) : null;
    if (info) all.set(pid, info);
  }
  const descends = (pid: number): boolean => {
    for (let p = all.get(pid)?.ppid; p !== undefined && p > 1; p = all.get(p)?.ppid) if (p === process.pid) return true;
    return false;
  };
  const kb = [...all].filter(([pid, p]) => p.cmdline.includes('--type=renderer') && descends(pid)).reduce((sum, [, p]) => sum + p.rssKb, 0);
  return round(kb / 1024);
}

/** The pool at `cores` reported cores (`query` adds to pool.html's), measured mid-run. */
async function measuredPool(browser: Browser, baseUrl: string, cores: number, query: string) {
  const page = await browser.newPage();
  const cdp = await browser.newBrowserCDPSession();
  try {
    await page.goto(`${baseUrl}bench/pool.html?steps=${STEPS}&measure=1&measureAt=${MEASURE_AT}&cores=${cores}&${query}`);
    await page.waitForFunction(() => window.poolTraining === true || window.poolResult !== undefined, null, { timeout: 300_000 });
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string }[] };
    const dedicatedWorkers = targetInfos.filter((t) => t.type === 'worker').length;
    const rendererMb = rendererRssMb();
    await page.waitForFunction(() => window.poolResult !== undefined, null, { timeout: 300_000 });
    const result = (await page.evaluate(() => window.poolResult)) as PoolResult;
    return {
      cores,
      workers: result.workers,
      threadsPerWorker: result.threadsPerWorker ?? null,
      dedicatedWorkers,
      rendererRssMb: rendererMb,
      seconds: round(result.seconds),
      ...(result.error ? { error: result.error } : {}),
    };
  } finally {
    await cdp.detach();
    await page.close();
  }
}

/** The pool's shape and memory at 1, 2 and 16 reported cores, and at 16 in the shape it had before. */
export async function poolParallelism(browser: Browser, baseUrl: string, log: (line: string) => void) {
  const rows = [];
  for (const [cores, query, shape] of [
    [1, 'workers=auto', 'sized'],
    [2, 'workers=auto', 'sized'],
    [16, 'workers=auto', 'sized'],
    [16, 'workers=4&threads=16', 'before: 4 workers × every core'],
  ] as const) {
    rows.push({ shape, ...(await measuredPool(browser, baseUrl, cores, query)) });
    log(`pool at ${cores} cores: ${JSON.stringify(rows.at(-1))}`);
  }
  return { steps: STEPS, measuredAtStep: MEASURE_AT, rows };
}
