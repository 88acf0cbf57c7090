/**
 * index.html's title and link-preview metadata are read before any script runs, so they repeat
 * what src/article/article-meta.ts says; this keeps the two in step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE_META, bibtex, FIGURE_NUMBER, formatPublished } from '../../../../src/article/page/article-meta';

const indexHtml = readFileSync(new URL('../../../../index.html', import.meta.url), 'utf8');
const meta = (attribute: 'name' | 'property', key: string): string | undefined =>
  new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`).exec(indexHtml)?.[1];

describe('the article’s metadata', () => {
  it('index.html’s title, description and link previews say what article-meta.ts says', () => {
    expect(/<title>([^<]*)<\/title>/.exec(indexHtml)?.[1]).toBe(ARTICLE_META.title);
    expect(meta('name', 'description')).toBe(ARTICLE_META.description);
    expect(meta('name', 'author')).toBe(ARTICLE_META.authors);
    for (const key of ['og:title', 'og:site_name']) expect(meta('property', key)).toBe(ARTICLE_META.title);
    expect(meta('property', 'og:description')).toBe(ARTICLE_META.description);
    expect(meta('property', 'article:published_time')).toBe(ARTICLE_META.published);
    expect(meta('name', 'twitter:title')).toBe(ARTICLE_META.title);
    expect(meta('name', 'twitter:description')).toBe(ARTICLE_META.description);
  });

  it('writes the date out and cites the article as BibTeX with the address it was read at', () => {
    expect(formatPublished('2026-12-01')).toBe('1 December 2026');
    const entry = bibtex('https://example.org/article/');
    expect(entry).toMatch(/^@misc\{[\w-]+,\n/);
    expect(entry).toContain(`title  = {${ARTICLE_META.title}}`);
    expect(entry).toContain('url    = {https://example.org/article/}');
    expect(entry.trim().endsWith('}')).toBe(true);
  });

  it('numbers the figures in the order they appear', () => {
    const numbers = Object.values(FIGURE_NUMBER);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
