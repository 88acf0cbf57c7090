/**
 * The location controller through its transitions, against a fake window and a fake article of
 * 1,000 px sections: opening a link, back/forward, a new history entry for a new configuration and
 * none for the section, a permalink's heading held at the top while the page grows until the
 * reader acts, and the section following only the reader's own scrolling.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LocationHost, LocationController } from '../../../../src/article/state/location-controller';
import {
  type ArticleState,
  DEFAULT_STATE,
  formatState,
  type ParsedState,
  SECTIONS,
  type SectionId,
} from '../../../../src/article/state/url-state';
import { type FakeBrowser, FakeHost, installBrowser } from '../../support/fake-browser';

const SECTION_HEIGHT = 1000;

/** A section or its heading: its top is where it sits in the page less how far the page is scrolled. */
class FakeElement {
  readonly dataset: Record<string, string> = {};
  private readonly attributes = new Set<string>();
  private index = 0;
  focusedWith: FocusOptions | null = null;
  scrolledIntoView = 0;
  constructor(
    private readonly page: FakePage,
    private readonly offset: () => number,
  ) {}
  get tabIndex(): number {
    return this.index;
  }
  set tabIndex(value: number) {
    this.attributes.add('tabindex');
    this.index = value;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  getBoundingClientRect(): { top: number } {
    return { top: this.offset() - this.page.scrollY };
  }
  scrollIntoView(): void {
    this.scrolledIntoView++;
    this.page.scrollY = this.offset();
  }
  focus(options: FocusOptions): void {
    this.focusedWith = options;
  }
}

/** The article's sections, stacked; a section grows when a figure in it renders. */
class FakePage {
  scrollY = 0;
  readonly heights = new Map<SectionId, number>();
  readonly sections = new Map<SectionId, { section: FakeElement; heading: FakeElement }>();
  render(): void {
    for (const id of SECTIONS) {
      this.heights.set(id, SECTION_HEIGHT);
      const section = new FakeElement(this, () => this.offsetOf(id));
      section.dataset['section'] = id;
      this.sections.set(id, { section, heading: new FakeElement(this, () => this.offsetOf(id)) });
    }
  }
  offsetOf(id: SectionId): number {
    let offset = 0;
    for (const s of SECTIONS) {
      if (s === id) return offset;
      offset += this.heights.get(s) ?? 0;
    }
    throw new Error(`no section ${id}`);
  }
  grow(id: SectionId, px: number): void {
    this.heights.set(id, (this.heights.get(id) ?? 0) + px);
  }
  heading(id: SectionId): FakeElement {
    const heading = this.sections.get(id)?.heading;
    if (!heading) throw new Error(`section ${id} is not rendered`);
    return heading;
  }
}

/** The article as the controller sees it: its state, its sections, and what it heard. */
class FakeArticle extends FakeHost {
  articleState: ArticleState = DEFAULT_STATE;
  readonly locations: ParsedState[] = [];
  readonly sectionsEntered: SectionId[] = [];
  readonly page = new FakePage();
  readonly controller = new LocationController(this as unknown as LocationHost);
  querySelector(selector: string): FakeElement | null {
    if (selector === '[data-section]') return this.page.sections.get('intro')?.section ?? null;
    const heading = /^#([\w-]+) :is\(h1, h2\)$/.exec(selector);
    if (heading) return this.page.sections.get(heading[1] as SectionId)?.heading ?? null;
    throw new Error(`the fake article does not answer ${selector}`);
  }
  querySelectorAll(selector: string): FakeElement[] {
    if (selector !== '[data-section]') throw new Error(`the fake article does not answer ${selector}`);
    return [...this.page.sections.values()].map((s) => s.section);
  }
  /** As the article does: shows the location's state. */
  onLocation(parsed: ParsedState): void {
    this.locations.push(parsed);
    this.articleState = parsed.state;
  }
  /** As the article does: the section goes into the URL in place. */
  onSection(section: SectionId): void {
    this.sectionsEntered.push(section);
    this.articleState = { ...this.articleState, section };
    this.controller.write('replace');
  }
  /** As the article does for a new configuration: a new history entry. */
  setState(patch: Partial<ArticleState>): void {
    this.articleState = { ...this.articleState, ...patch };
    this.controller.write('push');
  }
}

const link = (patch: Partial<ArticleState>) => `/${formatState({ ...DEFAULT_STATE, ...patch })}`;

let browser: FakeBrowser;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Opens the page at `url`: the article connects, then renders its sections and attaches. */
function open(url: string, { render = true } = {}): FakeArticle {
  browser = installBrowser(url);
  const article = new FakeArticle();
  article.connect();
  if (render) {
    article.page.render();
    article.controller.attach();
  }
  return article;
}

/** The reader scrolls by `px`: a wheel, then the scroll it causes. */
function readerScrolls(article: FakeArticle, px: number): void {
  browser.window.dispatchEvent(new Event('wheel'));
  article.page.scrollY += px;
  browser.window.dispatchEvent(new Event('scroll'));
}

describe('the location controller: the URL', () => {
  it('opening a permalink hands its state to the article and leaves a canonical link as it is', () => {
    const url = link({ density: 0.1, section: 'curve' });
    const article = open(url, { render: false });
    expect(article.locations).toHaveLength(1);
    expect(article.articleState).toMatchObject({ density: 0.1, section: 'curve' });
    expect(article.locations[0]!.notices).toEqual([]);
    expect(browser.history.entries).toEqual([`https://example.org${url}`]);
    expect(browser.history.replaces).toBe(0);
  });

  it('a link that needed fixing is replaced in place by the canonical link of what is shown, with its notice', () => {
    const article = open('/?v=3&density=7&section=live', { render: false });
    expect(article.articleState.density).toBe(1);
    expect(article.locations[0]!.notices).toEqual([expect.stringMatching(/density "7" is outside/)]);
    expect(browser.history.length).toBe(1);
    expect(browser.window.location.search).toBe(formatState({ ...DEFAULT_STATE, density: 1, section: 'live' }));
  });

  it('a new configuration is a new history entry; the section being read is written in place', () => {
    const article = open(link({}));
    article.setState({ density: 0.1 });
    expect(browser.history.length).toBe(2);
    expect(browser.window.location.search).toBe(formatState({ ...DEFAULT_STATE, density: 0.1 }));
    article.onSection('sweep');
    expect(browser.history.length).toBe(2);
    expect(browser.window.location.search).toBe(formatState({ ...DEFAULT_STATE, density: 0.1, section: 'sweep' }));
  });

  it('writing the state the URL already shows changes nothing', () => {
    const article = open(link({ density: 0.1 }));
    article.setState({ density: 0.1 });
    article.controller.write('replace');
    expect(browser.history.length).toBe(1);
    expect(browser.history.pushes + browser.history.replaces).toBe(0);
  });

  it('keeps the fragment of the address when it writes the state', () => {
    const article = open(`${link({})}#fn-1`);
    article.setState({ seed: 2 });
    expect(browser.window.location.hash).toBe('#fn-1');
  });

  it('back and forward hand the article the state of the entry it returns to', () => {
    const article = open(link({}));
    article.setState({ density: 0.1 });
    article.setState({ density: 0.3 });
    browser.history.back();
    expect(article.articleState.density).toBe(0.1);
    browser.history.back();
    expect(article.articleState.density).toBe(0.03);
    browser.history.forward();
    expect(article.articleState.density).toBe(0.1);
    // Opening plus three moves through history; the article's own writes are not read back.
    expect(article.locations).toHaveLength(4);
    expect(browser.history.length).toBe(3);
  });

  it('a footnote’s fragment link fires popstate with the same query: the state is not read again', () => {
    const article = open(link({ density: 0.1 }));
    browser.history.followFragment('#fn-2');
    expect(article.locations).toHaveLength(1);
  });

  it('stops listening to back/forward once the article leaves the page', () => {
    const article = open(link({}));
    article.setState({ density: 0.1 });
    article.disconnect();
    browser.history.back();
    expect(article.locations).toHaveLength(1);
  });
});

describe('the location controller: landing on a section', () => {
  it('a permalink to a section brings its heading to the top once the sections exist, and makes it focusable', () => {
    const article = open(link({ section: 'live' }), { render: false });
    article.controller.attach();
    expect(article.page.scrollY).toBe(0);
    article.page.render();
    article.controller.attach();
    const heading = article.page.heading('live');
    expect(heading.getBoundingClientRect().top).toBe(0);
    expect(article.page.scrollY).toBe(article.page.offsetOf('live'));
    expect(heading.tabIndex).toBe(-1);
    // Landing is not the reader's move: the URL keeps its section and focus stays where it was.
    expect(article.sectionsEntered).toEqual([]);
    expect(heading.focusedWith).toBeNull();
  });

  it('lands once: a later attach (another render) does not scroll the page back', () => {
    const article = open(link({ section: 'live' }));
    readerScrolls(article, 500);
    article.controller.attach();
    expect(article.page.heading('live').getBoundingClientRect().top).toBe(-500);
  });

  it('the top of the article is not a landing', () => {
    const article = open(link({}));
    expect(article.page.heading('intro').scrolledIntoView).toBe(0);
    expect(browser.resizes[0]!.targets.size).toBe(0);
  });

  it('holds the heading at the top while the page above it grows, until the reader acts', () => {
    const article = open(link({ section: 'motif' }));
    const heading = article.page.heading('motif');
    // A figure above renders and pushes the heading down: it is brought back.
    article.page.grow('sweep', 600);
    expect(heading.getBoundingClientRect().top).toBe(600);
    browser.resizes[0]!.resize();
    expect(heading.getBoundingClientRect().top).toBe(0);
    // The reader presses a key: from then on the page is theirs.
    browser.window.dispatchEvent(new Event('keydown'));
    article.page.grow('curve', 400);
    browser.resizes[0]!.resize();
    expect(heading.getBoundingClientRect().top).toBe(400);
    expect(browser.resizes[0]!.targets.size).toBe(0);
  });

  it.each(['wheel', 'touchstart', 'touchmove', 'touchend', 'keydown', 'pointerdown'])('a %s ends the hold', (type) => {
    const article = open(link({ section: 'curve' }));
    browser.window.dispatchEvent(new Event(type));
    article.page.grow('model', 300);
    browser.resizes[0]!.resize();
    expect(article.page.heading('curve').getBoundingClientRect().top).toBe(300);
  });

  it('the table of contents takes the reader to a section: its heading at the top, focused without a scroll, and in the URL', () => {
    const article = open(link({}));
    article.controller.goTo('method');
    const heading = article.page.heading('method');
    expect(heading.getBoundingClientRect().top).toBe(0);
    expect(heading.focusedWith).toEqual({ preventScroll: true });
    expect(article.sectionsEntered).toEqual(['method']);
    expect(browser.history.length).toBe(1);
    expect(browser.window.location.search).toBe(formatState({ ...DEFAULT_STATE, section: 'method' }));
  });
});

describe('the location controller: following the reader', () => {
  it('the reader’s scroll puts the section at the reading line into the URL, once per animation frame', () => {
    const article = open(link({}));
    // 40% of an 800 px viewport is 320 px: a scroll to 700 puts the computation section's top (1,000) at 300.
    readerScrolls(article, 350);
    readerScrolls(article, 350);
    expect(browser.frames.waiting).toBe(1);
    expect(article.sectionsEntered).toEqual([]);
    browser.frames.run();
    expect(article.sectionsEntered).toEqual(['computation']);
    expect(browser.window.location.search).toBe(formatState({ ...DEFAULT_STATE, section: 'computation' }));
  });

  it('staying within a section writes nothing', () => {
    const article = open(link({}));
    readerScrolls(article, 100);
    browser.frames.run();
    expect(article.sectionsEntered).toEqual([]);
    expect(browser.history.replaces).toBe(0);
  });

  it('a scroll nobody asked for (the page growing under a still reader) never rewrites the link', () => {
    const article = open(link({}));
    article.page.scrollY = 2500;
    browser.window.dispatchEvent(new Event('scroll'));
    browser.frames.run();
    expect(article.sectionsEntered).toEqual([]);
  });

  it('a scroll counts as the reader’s for 3 s after their wheel, touch, key or pointer, a flick’s glide included', () => {
    const article = open(link({}));
    browser.window.dispatchEvent(new Event('touchend'));
    vi.advanceTimersByTime(2900);
    article.page.scrollY = 1000;
    browser.window.dispatchEvent(new Event('scroll'));
    browser.frames.run();
    expect(article.sectionsEntered).toEqual(['computation']);
    vi.advanceTimersByTime(200);
    article.page.scrollY = 2000;
    browser.window.dispatchEvent(new Event('scroll'));
    browser.frames.run();
    expect(article.sectionsEntered).toEqual(['computation']);
  });

  it('once the article leaves the page it stops holding a heading', () => {
    const article = open(link({ section: 'live' }));
    expect(browser.resizes[0]!.targets.size).toBe(1);
    article.disconnect();
    expect(browser.resizes[0]!.targets.size).toBe(0);
  });

  it('once the article leaves the page it stops following scrolling, and drops a frame it asked for', () => {
    const article = open(link({}));
    readerScrolls(article, 1000);
    expect(browser.frames.waiting).toBe(1);
    article.disconnect();
    expect(browser.frames.waiting).toBe(0);
    readerScrolls(article, 1000);
    browser.frames.run();
    expect(article.sectionsEntered).toEqual([]);
  });
});
