/**
 * Links into the article's source repository, built from the one address in article-meta.ts
 * (ARTICLE_META.sourceUrl): the byline's "source" link and every reference to a docs/ file.
 *
 * The repository has no public address yet (sourceUrl null), so no reference may point a reader at
 * a file they cannot open. What a reader needs from docs/training.md (every level's recipe, the
 * budgets) and docs/analysis.md (the counting rules, the motif detector) is on the page, in the
 * method section: without an address a docs reference is a link to that section instead, and an
 * aside that only says "more in the repository" is left out (repoRef). docs/architecture.md,
 * "Source links", records the decision.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ARTICLE_META } from './article-meta';

/** The branch the links point into. */
export const SOURCE_BRANCH = 'main';

/** The docs/ files the page refers to, and the on-page place that holds what a reader needs from each. */
export const DOC_ON_PAGE = Object.freeze({
  'docs/training.md': { href: '#method', text: 'the method section' },
  'docs/analysis.md': { href: '#method', text: 'the method section' },
});

export type DocPath = keyof typeof DOC_ON_PAGE;

/** The address of `path` (e.g. "docs/training.md") in the source repository, or null without one. */
export function sourceFileUrl(path: string, sourceUrl: string | null = ARTICLE_META.sourceUrl): string | null {
  if (!sourceUrl) return null;
  return `${sourceUrl.replace(/\/+$/, '')}/blob/${SOURCE_BRANCH}/${path.replace(/^\/+/, '')}`;
}

/**
 * A reference to a docs/ file, to be read after "in": a link to the file where the repository has
 * an address ("docs/training.md"), else a link to the method section ("the method section").
 */
export function docRef(path: DocPath, sourceUrl: string | null = ARTICLE_META.sourceUrl): TemplateResult {
  const url = sourceFileUrl(path, sourceUrl);
  const onPage = DOC_ON_PAGE[path];
  return url
    ? html`<a class="doc-ref" href=${url}><code>${path}</code></a>`
    : html`<a class="doc-ref" href=${onPage.href}>${onPage.text}</a>`;
}

/** The same reference as plain text, for a downloaded file: the file's address, or "the article’s method section". */
export function docRefText(path: DocPath, sourceUrl: string | null = ARTICLE_META.sourceUrl): string {
  return sourceFileUrl(path, sourceUrl) ?? `the article’s ${DOC_ON_PAGE[path].text.replace(/^the /, '')}`;
}

/**
 * `content(link)` with a link to `path` in the repository, for an aside that has nothing on the page
 * to point to instead ("the grid's recipe family is in docs/training.md"); nothing without an address.
 */
export function repoRef(
  path: string,
  content: (link: TemplateResult) => TemplateResult,
  sourceUrl: string | null = ARTICLE_META.sourceUrl,
): TemplateResult | typeof nothing {
  const url = sourceFileUrl(path, sourceUrl);
  return url ? content(html`<a class="doc-ref" href=${url}><code>${path}</code></a>`) : nothing;
}
