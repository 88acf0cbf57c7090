/**
 * Embed mode's pure parts: the `embed` URL field (one of the embeddable figures, anything else the
 * full article with a notice) and the link back (the same address without `embed`).
 */
import { describe, expect, it } from 'vitest';
import { fullArticleHref } from '../../../../src/article/page/embed';
import { EMBED_FIGURES, formatState, parseState } from '../../../../src/article/state/url-state';

describe('the embed field', () => {
  it.each(EMBED_FIGURES)('embed=%s is read, and written back', (figure) => {
    const parsed = parseState(`?embed=${figure}`);
    expect(parsed).toMatchObject({ state: { embed: figure }, notices: [] });
    expect(new URLSearchParams(formatState(parsed.state)).get('embed')).toBe(figure);
  });

  it('an unknown figure: no embed (the full article) and a notice naming the figures', () => {
    const parsed = parseState('?embed=<img src=x>');
    expect(parsed.state.embed).toBeUndefined();
    expect(parsed.notices).toEqual([
      'There is no figure "<img src=x>" to embed (one of sweep, curve, live, motif, computation, stack); showing the full article.',
    ]);
    expect(formatState(parsed.state)).not.toContain('embed');
  });

  it('the computation figure and the stack plot are embeddable, with the fields that pick their model', () => {
    expect(parseState('?embed=computation&computation-model=converged:0.03:1&input=2:0.5').state).toMatchObject({
      embed: 'computation',
      computationModel: { kind: 'converged', density: 0.03, seed: 1 },
      input: [{ feature: 2, value: 0.5 }],
    });
    expect(parseState('?embed=stack&budget=converged&sweep-seed=2&density=0.01').state).toMatchObject({
      embed: 'stack',
      budget: 'converged',
      sweepSeed: 2,
      density: 0.01,
    });
  });

  it.each(['Stack', 'stack ', 'computation,stack', '__proto__', 'constructor'])('embed=%j: not a figure, the full article', (raw) => {
    const parsed = parseState(`?embed=${encodeURIComponent(raw)}`);
    expect(parsed.state.embed).toBeUndefined();
    expect(parsed.notices).toHaveLength(1);
  });

  it('absent: the full article', () => {
    expect(parseState('?density=0.1').state.embed).toBeUndefined();
  });
});

describe('fullArticleHref', () => {
  it.each([
    [{ pathname: '/', search: '?embed=sweep', hash: '' }, '/'],
    [{ pathname: '/a/', search: '?v=3&embed=live&density=0.1', hash: '#x' }, '/a/?v=3&density=0.1#x'],
    [{ pathname: '/a/', search: '', hash: '' }, '/a/'],
  ])('%j → %s', (location, href) => expect(fullArticleHref(location)).toBe(href));
});
