/**
 * The few browser globals the article's controllers touch, faked for Node: a window that is an
 * EventTarget with a location and a history (back/forward fire popstate), animation frames run on
 * demand, and Intersection/Resize observers whose reports the test makes. `installBrowser` stubs
 * them as globals; call `vi.unstubAllGlobals()` after each test.
 */
import { vi } from 'vitest';

export const ORIGIN = 'https://example.org';

export class FakeLocation {
  origin = ORIGIN;
  pathname = '/';
  search = '';
  hash = '';
  constructor(url: string) {
    this.assign(url);
  }
  /** Moves to `url` (relative to the origin) without any event. */
  assign(url: string): void {
    const parsed = new URL(url, ORIGIN);
    this.pathname = parsed.pathname;
    this.search = parsed.search;
    this.hash = parsed.hash;
  }
  get href(): string {
    return `${this.origin}${this.pathname}${this.search}${this.hash}`;
  }
}

/** Session history: entries are URLs; back and forward move through them and fire popstate, as a browser does. */
export class FakeHistory {
  readonly entries: string[];
  index = 0;
  pushes = 0;
  replaces = 0;
  constructor(private readonly window: FakeWindow) {
    this.entries = [window.location.href];
  }
  get length(): number {
    return this.entries.length;
  }
  pushState(_data: unknown, _unused: string, url: string): void {
    this.pushes++;
    this.entries.splice(this.index + 1, Number.POSITIVE_INFINITY, new URL(url, ORIGIN).href);
    this.index++;
    this.window.location.assign(url);
  }
  replaceState(_data: unknown, _unused: string, url: string): void {
    this.replaces++;
    this.entries[this.index] = new URL(url, ORIGIN).href;
    this.window.location.assign(url);
  }
  back(): void {
    this.go(-1);
  }
  forward(): void {
    this.go(1);
  }
  /** A same-document navigation (a footnote's fragment link): a new entry and a popstate. */
  followFragment(hash: string): void {
    const { pathname, search } = this.window.location;
    this.pushState(null, '', `${pathname}${search}${hash}`);
    this.window.dispatchEvent(new Event('popstate'));
  }
  private go(delta: number): void {
    const target = this.index + delta;
    const url = this.entries[target];
    if (url === undefined) return;
    this.index = target;
    this.window.location.assign(url);
    this.window.dispatchEvent(new Event('popstate'));
  }
}

export class FakeWindow extends EventTarget {
  readonly location: FakeLocation;
  readonly history: FakeHistory;
  innerHeight = 800;
  constructor(url: string) {
    super();
    this.location = new FakeLocation(url);
    this.history = new FakeHistory(this);
  }
}

/** requestAnimationFrame's queue, run when the test says a frame has passed. */
export class AnimationFrames {
  private next = 1;
  private readonly pending = new Map<number, FrameRequestCallback>();
  readonly request = (callback: FrameRequestCallback): number => {
    this.pending.set(this.next, callback);
    return this.next++;
  };
  readonly cancel = (handle: number): void => {
    this.pending.delete(handle);
  };
  get waiting(): number {
    return this.pending.size;
  }
  /** Runs the callbacks waiting now (not those they request). */
  run(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const callback of due) callback(0);
  }
}

/** An IntersectionObserver whose entries the test reports. */
export class FakeIntersectionObserver {
  readonly targets = new Set<Element>();
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {}
  observe(target: Element): void {
    this.targets.add(target);
    this.disconnected = false;
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
    this.disconnected = true;
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  /** Reports `target` coming into (or out of) the observed area; a target not observed reports nothing. */
  report(target: Element, isIntersecting: boolean): void {
    if (!this.targets.has(target)) return;
    this.callback([{ target, isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

/** A ResizeObserver whose resizes the test reports. */
export class FakeResizeObserver {
  readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.targets.add(target);
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
  }
  /** Reports a change in size of every observed element; none when nothing is observed. */
  resize(): void {
    if (this.targets.size === 0) return;
    const entries = [...this.targets].map((target) => ({ target }) as ResizeObserverEntry);
    this.callback(entries, this as unknown as ResizeObserver);
  }
}

export interface FakeBrowser {
  readonly window: FakeWindow;
  readonly history: FakeHistory;
  readonly frames: AnimationFrames;
  /** Every IntersectionObserver made since install, in order. */
  readonly intersections: FakeIntersectionObserver[];
  /** Every ResizeObserver made since install, in order. */
  readonly resizes: FakeResizeObserver[];
}

/** Stubs window, location, history, document.baseURI, animation frames and the observers as globals, the page at `url`. */
export function installBrowser(url = '/'): FakeBrowser {
  const window = new FakeWindow(url);
  const frames = new AnimationFrames();
  const intersections: FakeIntersectionObserver[] = [];
  const resizes: FakeResizeObserver[] = [];
  vi.stubGlobal('window', window);
  vi.stubGlobal('location', window.location);
  vi.stubGlobal('history', window.history);
  vi.stubGlobal('document', { baseURI: `${ORIGIN}/` });
  vi.stubGlobal('requestAnimationFrame', frames.request);
  vi.stubGlobal('cancelAnimationFrame', frames.cancel);
  vi.stubGlobal(
    'IntersectionObserver',
    class extends FakeIntersectionObserver {
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        super(callback, options);
        intersections.push(this);
      }
    },
  );
  vi.stubGlobal(
    'ResizeObserver',
    class extends FakeResizeObserver {
      constructor(callback: ResizeObserverCallback) {
        super(callback);
        resizes.push(this);
      }
    },
  );
  return { window, history: window.history, frames, intersections, resizes };
}

/**
 * Enough of a Lit host for a controller: it records the controllers added and counts update
 * requests. `connect`/`disconnect` call the controllers' hooks, as Lit does on (dis)connection.
 */
export class FakeHost {
  readonly controllers = new Set<{ hostConnected?(): void; hostDisconnected?(): void; hostUpdate?(): void }>();
  updates = 0;
  updateComplete: Promise<boolean> = Promise.resolve(true);
  addController(controller: { hostConnected?(): void; hostDisconnected?(): void }): void {
    this.controllers.add(controller);
  }
  removeController(controller: object): void {
    this.controllers.delete(controller);
  }
  requestUpdate(): void {
    this.updates++;
  }
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
  /** Lit's update: each controller's hostUpdate before rendering. */
  update(): void {
    for (const c of this.controllers) c.hostUpdate?.();
  }
}
