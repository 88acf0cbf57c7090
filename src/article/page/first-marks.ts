/**
 * The page's first-view marks, for the benchmark (bench/bench-browser.ts) and for the shipped
 * loader's second wave:
 * - 'first-figure': the computation figure (the article's first) has drawn its neurons. After that
 *   frame is painted the converged sweep may be fetched (shipped-loader.ts's startRest), so the
 *   first screen never waits for it; a page without that figure (an embed of another) fetches it
 *   at once.
 * - 'first-stack-plot': Figure 1's stack plots (the sweep figure) are drawn.
 */

const marked = (name: string): boolean => performance.getEntriesByName(name).length > 0;

export class FirstMarks {
  private figureSeen = false;

  /**
   * Called after each of the article's updates once its sections have drawn. `startRest` is
   * called once the first figure is drawn and painted, or at once when `root` has no computation
   * section; it may be called more than once.
   */
  sectionsDrawn(root: HTMLElement, startRest: () => void): void {
    if (!root.querySelector('article-computation')) startRest();
    this.markFirstFigure(root, startRest);
    markFirstPlot(root);
  }

  private markFirstFigure(root: HTMLElement, startRest: () => void): void {
    const figure = root.querySelector('computation-figure');
    if (!figure?.computation || this.figureSeen) return;
    this.figureSeen = true;
    void figure.updateComplete.then(() => {
      if (!marked('first-figure')) performance.mark('first-figure');
      requestAnimationFrame(() => setTimeout(startRest));
    });
  }
}

/** Marks when the first stack plots (Figure 1's) are drawn. */
function markFirstPlot(root: HTMLElement): void {
  const figure = root.querySelector('sweep-figure');
  if (!figure || figure.panels.length === 0 || marked('first-stack-plot')) return;
  void figure.updateComplete
    .then(() => Promise.all(figure.stackPlots().map((plot) => plot.updateComplete)))
    .then(() => !marked('first-stack-plot') && performance.mark('first-stack-plot'));
}
