/** Links into the source repository: one address, a link per docs/ file, plain text without an address. */
import { describe, expect, it } from 'vitest';
import { docRef, sourceFileUrl } from '../../../../src/article/page/source-links';
import { templateText } from '../template-text';

describe('links into the source repository', () => {
  it('point a docs/ file at the repository’s main branch', () => {
    expect(sourceFileUrl('docs/training.md', 'https://github.com/o/r/')).toBe('https://github.com/o/r/blob/main/docs/training.md');
    expect(docRef('docs/analysis.md', 'https://github.com/o/r').strings.join('')).toContain('href=');
  });

  it('write the path as text, never a dead link, while the repository has no address', () => {
    expect(sourceFileUrl('docs/training.md', null)).toBeNull();
    const ref = docRef('docs/training.md', null);
    expect(ref.strings.join('')).not.toContain('href');
    expect(templateText(ref)).toBe('docs/training.md');
  });
});
