/**
 * The first view (issue 24): on the built article at 1280×800 and 390×844, each in a fresh
 * browser context (an empty cache), the time from navigation to the first figure drawn (the
 * page's 'first-figure' mark: the computation figure has drawn its neurons) and to Figure 1's
 * stack plots ('first-stack-plot'), and what was transferred before the first figure: the sum of
 * `transferSize` over the navigation entry and every resource entry whose `responseEnd` is at or
 * before the mark (compressed bytes on the wire, headers included, as Resource Timing counts
 * them), the number of those requests and each one's path and bytes.
 */
import type { Browser } from 'playwright-core';
import { median, round } from './bench-stats';

/** The viewports measured: a laptop's and a phone's. */
export const FIRST_VIEW_VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

/** One request made before the first figure. */
export interface FetchedBefore {
  /** The path on the site (query and hash dropped). */
  readonly path: string;
  /** Bytes transferred (transferSize). */
  readonly bytes: number;
}

interface FirstViewSample {
  readonly firstFigureMs: number;
  readonly firstStackPlotMs: number;
  readonly fetched: readonly FetchedBefore[];
}

export interface FirstViewReport {
  readonly viewport: string;
  /** Navigation to the 'first-figure' mark, ms: median and samples. */
  readonly firstFigureMs: { readonly median: number; readonly samples: readonly number[] };
  /** Navigation to the 'first-stack-plot' mark (Figure 1, fetched after the first figure), ms. */
  readonly firstStackPlotMs: { readonly median: number; readonly samples: readonly number[] };
  /** Bytes transferred before the first figure: median over the samples. */
  readonly bytesBeforeFirstFigure: number;
  /** Requests before the first figure (the navigation included), in the median-bytes sample. */
  readonly requestsBeforeFirstFigure: number;
  /** What those requests fetched, in the median-bytes sample, in order of their end. */
  readonly fetchedBeforeFirstFigure: readonly FetchedBefore[];
}

async function sample(browser: Browser, baseUrl: string, viewport: { width: number; height: number }): Promise<FirstViewSample> {
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(baseUrl);
    // Inline functions only: tsx names the arrow functions it sees assigned, which the page cannot run.
    await page.waitForFunction(() => performance.getEntriesByName('first-figure').length > 0, null, { timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('first-stack-plot').length > 0, null, { timeout: 60_000 });
    return await page.evaluate(() => {
      const mark = performance.getEntriesByName('first-figure')[0]!.startTime;
      const navigation = performance.getEntriesByType('navigation') as PerformanceResourceTiming[];
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const fetched = [...navigation, ...resources.filter((r) => r.responseEnd <= mark)]
        .sort((a, b) => a.responseEnd - b.responseEnd)
        .map((r) => ({ path: new URL(r.name).pathname, bytes: r.transferSize }));
      return { firstFigureMs: mark, firstStackPlotMs: performance.getEntriesByName('first-stack-plot')[0]!.startTime, fetched };
    });
  } finally {
    await page.close();
  }
}

const total = (s: FirstViewSample): number => s.fetched.reduce((sum, f) => sum + f.bytes, 0);

/** The first view at each viewport, `repeats` fresh loads each. */
export async function firstViewReports(browser: Browser, baseUrl: string, repeats: number): Promise<FirstViewReport[]> {
  const reports: FirstViewReport[] = [];
  for (const viewport of FIRST_VIEW_VIEWPORTS) {
    const samples: FirstViewSample[] = [];
    for (let r = 0; r < repeats; r++) samples.push(await sample(browser, baseUrl, viewport));
    const byBytes = [...samples].sort((a, b) => total(a) - total(b));
    const typical = byBytes[(byBytes.length - 1) >> 1]!;
    const figure = samples.map((s) => round(s.firstFigureMs));
    const plot = samples.map((s) => round(s.firstStackPlotMs));
    reports.push({
      viewport: `${viewport.width}x${viewport.height}`,
      firstFigureMs: { median: round(median(figure)), samples: figure },
      firstStackPlotMs: { median: round(median(plot)), samples: plot },
      bytesBeforeFirstFigure: total(typical),
      requestsBeforeFirstFigure: typical.fetched.length,
      fetchedBeforeFirstFigure: typical.fetched,
    });
  }
  return reports;
}
