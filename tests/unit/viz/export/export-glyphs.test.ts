/**
 * A downloaded figure sets its text as outlines from export-glyphs.json (svg-text-outlines.ts); a
 * character without a glyph is drawn as "?". Every character a figure or a file heading can write
 * must therefore have a glyph, in both weights: the words of the figures and of the article that
 * hands them their labels, captions and headings (every string in src/, comments left out), and
 * every number the formatters make (minus signs, exponents, infinity).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import glyphs from '../../../../src/viz/export/export-glyphs.json';
import { formatDensity, formatLoss, formatNumber } from '../../../../src/viz/core/format';
import { formatRangeTick, rangeTicks, NICE_RANGES } from '../../../../src/viz/stack-plot/stack-scale';

const regular = glyphs.regular as Record<string, unknown>;
const bold = glyphs.bold as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(ts|json)$/.test(e.name) && e.name !== 'export-glyphs.json'
        ? [join(dir, e.name)]
        : [],
  );
}

/** Characters of a source file outside its comments (block comments, and line comments not inside a URL). */
function charactersOf(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return new Set([...code].filter((c) => c >= ' '));
}

function missing(chars: Iterable<string>): string[] {
  return [...chars].filter((c) => !(c in regular && c in bold)).map((c) => `${JSON.stringify(c)} U+${c.codePointAt(0)!.toString(16)}`);
}

describe('export glyphs', () => {
  it('has a glyph, regular and bold, for every character in the figures’ and the article’s strings', () => {
    const found = new Map<string, string>();
    for (const file of sourceFiles('src')) {
      for (const c of charactersOf(readFileSync(file, 'utf8'))) if (!found.has(c)) found.set(c, file);
    }
    expect(found.size).toBeGreaterThan(90);
    const lacking = missing(found.keys()).map((c) => `${c} (first in ${found.get(c.slice(1, 2))})`);
    expect(lacking).toEqual([]);
  });

  it('has the symbols the stack plot’s axis and the files’ headings write', () => {
    expect(missing('input weight, ÷ neuron’s largest · 1 − S = 0.03 · 20×2 · 87–347× · ≥ ± … ₐ ᵢ ² ³ ⁻⁸ α β ε σ Δ ∞')).toEqual([]);
  });

  it('has a glyph for every number the formatters and the axes write', () => {
    const values = [
      0,
      -0,
      1,
      -1,
      0.5,
      -2.5,
      1e-8,
      -3.2e-12,
      1.2e21,
      123456.789,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    const texts = [
      ...values.flatMap((v) => [formatNumber(v), formatNumber(v, 4), formatLoss(Math.abs(v)), formatLoss(v)]),
      ...[1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001, 0.0132].map(formatDensity),
      ...NICE_RANGES.flatMap((r) => rangeTicks(r).map(formatRangeTick)),
    ];
    expect(missing(new Set(texts.join('')))).toEqual([]);
  });

  it('falls back to "?" only for characters it does not have', () => {
    expect('?' in regular).toBe(true);
    expect('\u{1F600}' in regular).toBe(false);
  });
});
