/**
 * The shipped loader, each file on its own, against a fake fetch serving public/weights/: first
 * only the first view's file and the motif model, the converged sweep when the page asks (once the
 * first figure is drawn), then the replication sweep. A motif
 * file that never answers holds back neither the converged sweep nor the replication sweep; when
 * its silence limit passes it fails with a sentence naming it, and Retry fetches that file alone.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SILENCE_LIMIT_MS } from '../../../../src/article/shipped/fetch-weights';
import { ShippedLoader } from '../../../../src/article/shipped/shipped-loader';
import type { ShippedFile } from '../../../../src/article/shipped/shipped-models';
import { FIRST_VIEW_MODEL, FIRST_VIEW_PATH } from '../../../../src/article/shipped/first-view';
import { SHIPPED_CONVERGED_SEEDS, shippedWeightsPath } from '../../../../src/model/weights-file';
import { FakeHost, installBrowser, ORIGIN } from '../../support/fake-browser';

const serve = (path: string): string => readFileSync(new URL(`../../../../public/${path}`, import.meta.url), 'utf8');

/** The paths fetched, in order, and the ones that never answer. */
let fetched: string[];
let stalled: Set<string>;

beforeEach(() => {
  vi.useFakeTimers();
  installBrowser('/');
  fetched = [];
  stalled = new Set();
  vi.stubGlobal('fetch', (url: URL, init?: RequestInit) => {
    const path = url.href.slice(`${ORIGIN}/`.length);
    fetched.push(path);
    if (stalled.has(path))
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    return Promise.resolve(new Response(serve(path), { headers: { 'content-type': 'application/json' } }));
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the shipped loader', () => {
  it('fetches only the first view’s file and the motif model until asked for the rest, then the converged seeds and the replication sweep', async () => {
    const loader = new ShippedLoader(new FakeHost(), () => {});
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS * 2);
    expect(fetched).toEqual([FIRST_VIEW_PATH, 'weights/motif.json']);
    expect(loader.firstView.value?.models.map((m) => m.density)).toEqual([FIRST_VIEW_MODEL.density]);
    expect(loader.models).toBeUndefined();
    expect(loader.restStarted).toBe(false);
    loader.startRest();
    loader.startRest();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched).toEqual([
      FIRST_VIEW_PATH,
      'weights/motif.json',
      ...SHIPPED_CONVERGED_SEEDS.map((seed) => shippedWeightsPath('converged', seed)),
      shippedWeightsPath('replication', 0),
    ]);
    expect(loader.models?.converged).toHaveLength(SHIPPED_CONVERGED_SEEDS.length);
    expect(loader.replication).not.toBeNull();
  });

  it('names a first view’s file that failed until its seed’s converged file is there', async () => {
    stalled.add(FIRST_VIEW_PATH);
    const loader = new ShippedLoader(new FakeHost(), () => {});
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS);
    expect(loader.firstView.failure).toMatch(
      /^The first figure’s model, 1 − S = 0.01, seed 0 \(weights\/computation-default.json\) could not be loaded/,
    );
    loader.startRest();
    await vi.advanceTimersByTimeAsync(0);
    expect(loader.models?.converged).toHaveLength(SHIPPED_CONVERGED_SEEDS.length);
  });

  it('draws the sweep and loads the replication sweep while motif.json never answers; then names it with a Retry', async () => {
    stalled.add('weights/motif.json');
    const settled: (ShippedFile | null)[] = [];
    const loader = new ShippedLoader(new FakeHost(), (replication) => settled.push(replication));
    loader.startRest();
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1);
    expect(loader.models?.converged.map((s) => s.seed)).toEqual([...SHIPPED_CONVERGED_SEEDS]);
    expect(loader.models?.motif).toBeNull();
    expect(loader.motif.state.status).toBe('loading');
    expect(loader.replication).not.toBeNull();
    expect(settled).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loader.motif.failure).toBe(
      `The precomputed motif model (weights/motif.json) could not be loaded (weights/motif.json sent nothing for ${SILENCE_LIMIT_MS / 1000} s).`,
    );
    stalled.clear();
    fetched = [];
    await loader.motif.retry();
    expect(fetched).toEqual(['weights/motif.json']);
    expect(loader.models?.motif?.file.config.n).toBe(10);
    expect(loader.motif.failure).toBeNull();
  });

  it('a converged seed that never answers holds the sweep back only until its limit, then the other seeds draw', async () => {
    stalled.add('weights/sweep-converged-seed1.json');
    const loader = new ShippedLoader(new FakeHost(), () => {});
    loader.startRest();
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1);
    expect(loader.models).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(loader.models?.converged.map((s) => s.seed)).toEqual(SHIPPED_CONVERGED_SEEDS.filter((s) => s !== 1));
    expect(loader.seeds[1]?.file.failure).toMatch(
      /^The converged sweep’s seed 1 \(weights\/sweep-converged-seed1.json\) could not be loaded/,
    );
    // Retrying it keeps the sweep drawn meanwhile.
    stalled.clear();
    const retry = loader.seeds[1]!.file.retry();
    expect(loader.models?.converged).toHaveLength(SHIPPED_CONVERGED_SEEDS.length - 1);
    await retry;
    expect(loader.models?.converged).toHaveLength(SHIPPED_CONVERGED_SEEDS.length);
  });
});
