/**
 * Links into the article's source repository, built from the one address in article-meta.ts: the
 * "source" link and every reference to a docs/ file. While the repository has no public address
 * (sourceUrl null) a docs reference is its path as plain text, never a dead link.
 */
import { html, type TemplateResult } from 'lit';
import { ARTICLE_META } from './article-meta';

/** The branch the links point into. */
export const SOURCE_BRANCH = 'main';

/** The address of `path` (e.g. "docs/training.md") in the source repository, or null without one. */
export function sourceFileUrl(path: string, sourceUrl: string | null = ARTICLE_META.sourceUrl): string | null {
  if (!sourceUrl) return null;
  return `${sourceUrl.replace(/\/+$/, '')}/blob/${SOURCE_BRANCH}/${path.replace(/^\/+/, '')}`;
}

/** A reference to a docs/ file: a link where the repository has an address, its path in code type otherwise. */
export function docRef(path: string, sourceUrl: string | null = ARTICLE_META.sourceUrl): TemplateResult {
  const url = sourceFileUrl(path, sourceUrl);
  return url ? html`<a class="doc-ref" href=${url}><code>${path}</code></a>` : html`<code class="doc-ref">${path}</code>`;
}
