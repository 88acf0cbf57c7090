/**
 * What the article says about itself, in one place: title, byline, date, where its source lives,
 * its figures' numbers, and how to cite it. index.html repeats the title and description for link
 * previews (it is read before any script runs); tests/unit/article/article-meta.test.ts keeps the
 * two in step.
 */

export const ARTICLE_META = Object.freeze({
  title: 'Computing in superposition, live',
  description:
    'An explorable explanation of computation in superposition: a ReLU network computing |x| on 100 sparse features with 40 neurons, trained live in your browser.',
  authors: 'The superposition-explorable maintainers',
  /** ISO date of publication; the byline writes it out. */
  published: '2026-12-01',
  /** The repository the page is built from; the byline links it. null while it has no public address (no dead link). */
  sourceUrl: null as string | null,
});

/** "1 December 2026". */
export function formatPublished(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}

/**
 * Each figure's number, in the order the figures appear. The motif close-ups (one per motif
 * instance found) follow the last fixed figure.
 */
export const FIGURE_NUMBER = Object.freeze({
  sweep: 1,
  livePlot: 2,
  liveLoss: 3,
  intermediate: 4,
  motifModel: 5,
  firstMotifCloseup: 6,
});

/** The BibTeX entry for this article; `url` is where the reader found it (without the query). */
export function bibtex(url: string): string {
  const year = ARTICLE_META.published.slice(0, 4);
  return [
    '@misc{computing-in-superposition-live,',
    `  title  = {${ARTICLE_META.title}},`,
    `  author = {{${ARTICLE_META.authors}}},`,
    `  year   = {${year}},`,
    `  url    = {${url}},`,
    `  note   = {An explorable reproduction of Elhage et al., Toy Models of Superposition, 2022}`,
    '}',
  ].join('\n');
}

/** The plain-text citation shown above the BibTeX. */
export function citation(url: string): string {
  return `${ARTICLE_META.authors}, “${ARTICLE_META.title}”, ${ARTICLE_META.published.slice(0, 4)}. ${url}`;
}
