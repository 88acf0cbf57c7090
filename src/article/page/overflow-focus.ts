/**
 * Boxes that scroll sideways (a wide table, a long equation on a phone) must be reachable by
 * keyboard, or their hidden part can only be seen with a pointer (WCAG 2.1.1; axe's
 * scrollable-region-focusable). This makes each such box focusable while, and only while, its
 * content overflows it, so that on a wide screen it adds no needless tab stop.
 */
export class OverflowFocus {
  private readonly observed = new WeakSet<Element>();
  private readonly observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const box = entry.target.closest<HTMLElement>('.scroll-x');
      if (box) OverflowFocus.update(box);
    }
  });

  /** Watches every `.scroll-x` box under `root` (and its first child, whose width can change alone). */
  observeAll(root: ParentNode): void {
    for (const box of root.querySelectorAll<HTMLElement>('.scroll-x')) {
      if (this.observed.has(box)) continue;
      this.observed.add(box);
      this.observer.observe(box);
      if (box.firstElementChild) this.observer.observe(box.firstElementChild);
    }
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private static update(box: HTMLElement): void {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && box.tabIndex !== 0) box.tabIndex = 0;
    else if (!overflows && box.hasAttribute('tabindex')) box.removeAttribute('tabindex');
  }
}
