/**
 * The URL side of the article, in one place: it reads the state from the location when the page
 * opens and on back/forward, writes it back (a new history entry for a new configuration, in place
 * for the section being read), tracks which section the reader is in, and scrolls to a permalink's
 * section once the page has content. It sees the article only through `LocationHost`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ArticleState, formatState, type ParsedState, parseState, SECTIONS, type SectionId } from './url-state';

export interface LocationHost extends ReactiveControllerHost {
  /** The state the URL should show. */
  readonly articleState: ArticleState;
  /** The location changed under the article: on opening and on back/forward. */
  onLocation(parsed: ParsedState): void;
  /** The reader scrolled into another section. */
  onSection(section: SectionId): void;
}

/** The reading band is the top 40% of the viewport; the current section is the last one reaching into it. */
const READING_BAND = '0px 0px -60% 0px';

export class LocationController implements ReactiveController {
  private sectionObserver: IntersectionObserver | null = null;
  private scrolled = false;

  constructor(private readonly host: LocationHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    this.sectionObserver?.disconnect();
    this.sectionObserver = null;
  }

  /** Records the host's state in the URL: 'push' for a new configuration, 'replace' for the section. */
  write(mode: 'push' | 'replace'): void {
    const { pathname, search, hash } = window.location;
    const url = `${pathname}${formatState(this.host.articleState)}${hash}`;
    if (url === `${pathname}${search}${hash}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /**
   * Once the sections exist: scrolls to the state's section (once, so a permalink lands where it
   * points) and from then on reports the section being read. `sections` are the elements with a
   * `data-section` attribute, in document order.
   */
  attach(root: ParentNode): void {
    if (this.scrolled) return;
    const sections = Array.from(root.querySelectorAll<HTMLElement>('[data-section]'));
    if (sections.length === 0) return;
    this.scrolled = true;
    const { section } = this.host.articleState;
    if (section !== 'intro') root.querySelector(`#${section}`)?.scrollIntoView();
    const inBand = new Set<Element>();
    this.sectionObserver = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) inBand.add(entry.target);
          else inBand.delete(entry.target);
        }
        const current = sections.filter((el) => inBand.has(el)).at(-1)?.dataset['section'];
        const known = SECTIONS.find((s) => s === current);
        if (known && known !== this.host.articleState.section) this.host.onSection(known);
      },
      { rootMargin: READING_BAND },
    );
    for (const el of sections) this.sectionObserver.observe(el);
  }

  private readonly onPopState = (): void => this.read();

  /**
   * Hands the location's state to the host. A link that needed fixing is replaced in place by the
   * canonical link of what is shown, so the address bar and "Copy link" pass on a good one.
   */
  private read(): void {
    const parsed = parseState(window.location.search);
    this.host.onLocation(parsed);
    if (parsed.notices.length > 0) this.write('replace');
  }
}
