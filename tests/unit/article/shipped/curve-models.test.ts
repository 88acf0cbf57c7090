/**
 * The curve loader through its transitions, against a fake IntersectionObserver and a fake fetch:
 * nothing is fetched until a watched section nears the screen (or the loader is asked), then each
 * seed's file once; a file that fails is reported in a plain sentence while the others make the
 * curve; and the observer is let go when the article leaves the page.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CURVE_SEEDS, CurveLoader, curvePath } from '../../../../src/article/shipped/curve-models';
import { type FakeBrowser, FakeHost, installBrowser, ORIGIN } from '../../support/fake-browser';

/** A small weights file the page ships (the motif model), served in place of each seed's grid file. */
const WEIGHTS = readFileSync(new URL('../../../../public/weights/motif.json', import.meta.url), 'utf8');

let browser: FakeBrowser;
/** The paths the page fetched, in order. */
let fetched: string[];
/** The seeds whose file the server does not have. */
let missing: Set<number>;

beforeEach(() => {
  vi.useFakeTimers();
  browser = installBrowser('/');
  fetched = [];
  missing = new Set();
  vi.stubGlobal('fetch', async (url: URL) => {
    const path = url.href.slice(`${ORIGIN}/`.length);
    fetched.push(path);
    const seed = CURVE_SEEDS.find((s) => curvePath(s) === path);
    if (seed === undefined || missing.has(seed)) return new Response('not found', { status: 404 });
    return new Response(WEIGHTS, { headers: { 'content-type': 'application/json' } });
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setUp() {
  const host = new FakeHost();
  const loader = new CurveLoader(host);
  host.connect();
  const curve = { id: 'curve' } as unknown as Element;
  const live = { id: 'live' } as unknown as Element;
  /** The loader's observer (it makes one, on the first section it watches). */
  const observer = () => {
    expect(browser.intersections).toHaveLength(1);
    return browser.intersections[0]!;
  };
  /** Lets the fetches and the analyses between them run. */
  const finish = async () => {
    await vi.runAllTimersAsync();
  };
  return { host, loader, curve, live, observer, finish };
}

const ALL_FILES = CURVE_SEEDS.map(curvePath);

describe('the curve loader', () => {
  it('fetches nothing until a watched section comes within a screen of the viewport, then each seed’s file', async () => {
    const { loader, curve, observer, finish } = setUp();
    loader.observe(curve);
    expect(observer().options).toEqual({ rootMargin: '100% 0px' });
    observer().report(curve, false);
    expect(fetched).toEqual([]);
    expect(loader.loading).toBe('pending');
    observer().report(curve, true);
    await finish();
    expect(fetched).toEqual(ALL_FILES);
    expect(loader.loading).toBe('ready');
    expect(loader.value).toMatchObject({ seeds: [0, 1, 2], errors: [] });
    expect(loader.value?.levels.length).toBeGreaterThan(0);
  });

  it('fetches once per page: another section nearing, or a request, fetches nothing more', async () => {
    const { loader, curve, live, observer, finish } = setUp();
    loader.observe(curve);
    loader.observe(live);
    observer().report(live, true);
    observer().report(curve, true);
    loader.request();
    await finish();
    loader.observe(curve);
    loader.request();
    await finish();
    expect(fetched).toEqual(ALL_FILES);
  });

  it('once loading has begun it stops watching', async () => {
    const { loader, curve, live, observer, finish } = setUp();
    loader.observe(curve);
    loader.observe(live);
    observer().report(curve, true);
    expect(observer().targets.size).toBe(0);
    await finish();
    loader.observe(live);
    expect(observer().targets.size).toBe(0);
  });

  it('a request (a permalink to the section) loads at once, with no section watched', async () => {
    const { loader, finish } = setUp();
    loader.request();
    await finish();
    expect(fetched).toEqual(ALL_FILES);
    expect(browser.intersections).toEqual([]);
  });

  it('watches each section once, and nothing for a section not in the page', () => {
    const { loader, curve, observer } = setUp();
    loader.observe(null);
    expect(browser.intersections).toEqual([]);
    loader.observe(curve);
    const observe = vi.spyOn(observer(), 'observe');
    loader.observe(curve);
    expect(observe).not.toHaveBeenCalled();
  });

  it('a seed that fails is reported in a plain sentence, and the seeds that loaded still make the curve', async () => {
    missing.add(1);
    const { loader, finish } = setUp();
    loader.request();
    await finish();
    expect(loader.loading).toBe('ready');
    expect(loader.value?.seeds).toEqual([0, 2]);
    expect(loader.value?.errors).toEqual([
      'Seed 1 of the density curve (weights/curve-converged-seed1.json) could not be loaded (weights/curve-converged-seed1.json was not found (HTTP 404)).',
    ]);
    expect(loader.value?.levels.every((level) => level.seeds.join() === '0,2')).toBe(true);
  });

  it('when every seed fails there is no curve, a sentence saying so, and one Retry per seed that fetches only that file', async () => {
    for (const seed of CURVE_SEEDS) missing.add(seed);
    const { loader, finish } = setUp();
    loader.request();
    await finish();
    expect(loader.value).toBeNull();
    expect(loader.loading).toEqual({ error: 'None of the density curve’s files could be loaded.' });
    expect(loader.files.map(({ file }) => file.state.status)).toEqual(['failed', 'failed', 'failed']);
    missing.delete(2);
    fetched = [];
    void loader.files[2]!.file.retry();
    await finish();
    expect(fetched).toEqual([curvePath(2)]);
    expect(loader.value?.seeds).toEqual([2]);
  });

  it('lets its observer go when the article leaves the page, and watches again when it returns', () => {
    const { host, loader, curve, live, observer } = setUp();
    loader.observe(curve);
    loader.observe(live);
    host.disconnect();
    expect(observer().targets.size).toBe(0);
    observer().report(curve, true);
    expect(loader.loading).toBe('pending');
    // Back in the page, the article watches its sections again after rendering.
    host.connect();
    loader.observe(curve);
    expect(observer().targets.has(curve)).toBe(true);
    observer().report(curve, true);
    expect(loader.loading).toBe('loading');
  });
});
