/**
 * The computation figure's drag update (issue 23: within one frame, 16 ms): on bench/computation.html
 * the page sets the input 200 times, each a recompute (computeForward) and a redraw of
 * <computation-figure>, as a reader's drag does, and reports the median and the largest time per
 * update, and how many of the 200 took over one frame (16 ms). Measured on a 1 − S = 0.01 converged model (n = 100, m = 40) and on the motif model.
 */
import type { Browser } from 'playwright-core';

export interface ComputationUpdate {
  readonly page: string;
  readonly updates: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Updates that took longer than one 60 Hz frame (16 ms). */
  readonly over16Ms: number;
}

export async function computationUpdates(browser: Browser, baseUrl: string): Promise<ComputationUpdate[]> {
  const results: ComputationUpdate[] = [];
  for (const query of ['model=converged&seed=0&density=0.01', 'model=motif']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${baseUrl}bench/computation.html?${query}&bench`);
      await page.waitForFunction(() => window.computationBench !== undefined, null, { timeout: 120_000 });
      const bench = await page.evaluate(() => window.computationBench!);
      results.push({
        page: query,
        updates: bench.updates,
        medianMs: bench.medianMs,
        p95Ms: bench.p95Ms,
        maxMs: bench.maxMs,
        over16Ms: bench.over16Ms,
      });
    } finally {
      await page.close();
    }
  }
  return results;
}
