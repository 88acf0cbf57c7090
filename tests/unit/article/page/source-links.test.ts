/**
 * Links into the source repository: one address (ARTICLE_META.sourceUrl), a link per docs/ file; while
 * the repository has no public address, a docs reference leads to the method section, which holds
 * what the reader needs, and a "more in the repository" aside is left out: never a path a reader cannot open.
 */
import { nothing } from 'lit';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { ARTICLE_META } from '../../../../src/article/page/article-meta';
import { docRef, docRefText, repoRef, sourceFileUrl } from '../../../../src/article/page/source-links';
import { templateText } from '../template-text';

describe('links into the source repository', () => {
  it('point a docs/ file at the repository’s main branch', () => {
    expect(sourceFileUrl('docs/training.md', 'https://github.com/o/r/')).toBe('https://github.com/o/r/blob/main/docs/training.md');
    const ref = docRef('docs/analysis.md', 'https://github.com/o/r');
    expect(ref.values).toContain('https://github.com/o/r/blob/main/docs/analysis.md');
    expect(templateText(ref)).toBe('docs/analysis.md');
    expect(docRefText('docs/training.md', 'https://github.com/o/r')).toBe('https://github.com/o/r/blob/main/docs/training.md');
    const aside = repoRef('docs/training.md', (link) => html`see ${link}`, 'https://github.com/o/r');
    expect(aside === nothing ? '' : templateText(aside)).toBe('see docs/training.md');
  });

  it('lead to the method section, never to a path the reader cannot open, while the repository has no address', () => {
    expect(sourceFileUrl('docs/training.md', null)).toBeNull();
    const ref = docRef('docs/training.md', null);
    expect(ref.values).toContain('#method');
    expect(templateText(ref)).toBe('the method section');
    expect(docRefText('docs/analysis.md', null)).toBe('the article’s method section');
    expect(repoRef('docs/training.md', (link) => html`see ${link}`, null)).toBe(nothing);
  });

  it('has no public address today, so the page shows no docs/ path', () => {
    expect(ARTICLE_META.sourceUrl).toBeNull();
    expect(templateText(docRef('docs/analysis.md'))).not.toContain('docs/');
  });
});
