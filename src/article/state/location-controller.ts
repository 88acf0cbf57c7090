/**
 * The URL side of the article, in one place: it reads the state from the location when the page
 * opens and on back/forward, writes it back (a new history entry for a new configuration, in place
 * for the section being read), lands a permalink on its section's heading, and tracks which
 * section the reader is in. It sees the article only through `LocationHost`.
 *
 * Two rules make a section permalink land and stay where it points. The heading is held at the
 * top of the viewport while the page above it is still growing (figures render, sections leave
 * their `content-visibility` placeholders), until the reader first scrolls, types, touches or
 * clicks. And the section in the URL changes only when the reader scrolls: a scroll counts as the
 * reader's when it follows their wheel, touch, key or pointer within INTENT_MS, so a page that
 * grows under a still reader never rewrites their link.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ArticleState, formatState, type ParsedState, parseState, SECTIONS, type SectionId } from './url-state';

export interface LocationHost extends ReactiveControllerHost, Element {
  /** The state the URL should show. */
  readonly articleState: ArticleState;
  /** The location changed under the article: on opening and on back/forward. */
  onLocation(parsed: ParsedState): void;
  /** The reader scrolled into another section. */
  onSection(section: SectionId): void;
}

/** The reading line, as a fraction of the viewport's height: the current section is the last one whose top is above it. */
const READING_LINE = 0.4;

/** How long after a wheel, touch, key or pointer press a scroll still counts as the reader's (a flick's glide included). */
const INTENT_MS = 3000;

/** What a reader does just before a scroll that is theirs; any of them also ends the hold on a landing heading. */
const INTENT_EVENTS = ['wheel', 'touchstart', 'touchmove', 'touchend', 'keydown', 'pointerdown'] as const;

export class LocationController implements ReactiveController {
  private attached = false;
  /** The heading held at the top until the reader acts; null once they have. */
  private held: HTMLElement | null = null;
  private lastIntent = Number.NEGATIVE_INFINITY;
  private scrollFrame = 0;
  private readonly growth = new ResizeObserver(() => this.holdHeading());
  /** The query string the state was last read from or written to; a fragment link's popstate keeps it. */
  private search = '';

  constructor(private readonly host: LocationHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('scroll', this.onScroll);
    for (const type of INTENT_EVENTS) window.removeEventListener(type, this.onIntent, true);
    this.growth.disconnect();
    cancelAnimationFrame(this.scrollFrame);
  }

  /** Records the host's state in the URL: 'push' for a new configuration, 'replace' for the section. */
  write(mode: 'push' | 'replace'): void {
    const { pathname, search, hash } = window.location;
    this.search = formatState(this.host.articleState);
    const url = `${pathname}${this.search}${hash}`;
    if (url === `${pathname}${search}${hash}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /**
   * Once the sections exist: lands on the state's section (once, so a permalink opens where it
   * points) and from then on follows the reader's scrolling. Sections are the host's elements
   * with a `data-section` attribute.
   */
  attach(): void {
    if (this.attached || !this.host.querySelector('[data-section]')) return;
    this.attached = true;
    const { section } = this.host.articleState;
    if (section !== 'intro') this.land(section);
    window.addEventListener('scroll', this.onScroll, { passive: true });
    // Capture: a control that stops propagation still counts as the reader acting.
    for (const type of INTENT_EVENTS) window.addEventListener(type, this.onIntent, { passive: true, capture: true });
  }

  /**
   * Takes the reader to a section (the table of contents): its heading at the top, focus on it so
   * that keyboard and screen-reader users continue from there, and the section in the URL.
   */
  goTo(section: SectionId): void {
    const heading = this.land(section);
    heading?.focus({ preventScroll: true });
    if (section !== this.host.articleState.section) this.host.onSection(section);
  }

  /** Scrolls a section's heading to the top and holds it there until the reader acts. */
  private land(section: SectionId): HTMLElement | null {
    const heading = this.host.querySelector<HTMLElement>(`#${section} :is(h1, h2)`);
    if (!heading) return null;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    this.held = heading;
    this.holdHeading();
    // Every change in the page's size re-aligns the heading while it is held.
    this.growth.observe(this.host);
    return heading;
  }

  private holdHeading(): void {
    const heading = this.held;
    if (!heading) return;
    if (Math.abs(heading.getBoundingClientRect().top) > 1) heading.scrollIntoView({ block: 'start' });
  }

  private readonly onIntent = (): void => {
    this.lastIntent = performance.now();
    if (!this.held) return;
    this.held = null;
    this.growth.disconnect();
  };

  private readonly onScroll = (): void => {
    if (performance.now() - this.lastIntent > INTENT_MS || this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const section = this.sectionAtReadingLine();
      if (section !== this.host.articleState.section) this.host.onSection(section);
    });
  };

  /** The last section whose top is above the reading line (the first one when none is). */
  private sectionAtReadingLine(): SectionId {
    const line = window.innerHeight * READING_LINE;
    let current: SectionId = SECTIONS[0];
    for (const el of this.host.querySelectorAll<HTMLElement>('[data-section]')) {
      const id = SECTIONS.find((s) => s === el.dataset['section']);
      if (id && el.getBoundingClientRect().top <= line) current = id;
    }
    return current;
  }

  /** Back/forward to another configuration; a fragment link (a footnote) fires popstate too, with the same query. */
  private readonly onPopState = (): void => {
    if (window.location.search !== this.search) this.read();
  };

  /**
   * Hands the location's state to the host. A link that needed fixing is replaced in place by the
   * canonical link of what is shown, so the address bar and "Copy link" pass on a good one.
   */
  private read(): void {
    this.search = window.location.search;
    const parsed = parseState(this.search);
    this.host.onLocation(parsed);
    if (parsed.notices.length > 0) this.write('replace');
  }
}
