// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the inputs are module sources holding template literals
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prerenderTexCalls } from '../../../build/prerender-tex';

const MATH = '/repo/src/article/math.ts';

describe('typesetting the article’s TeX at build time', () => {
  it('replaces an inline tex call with KaTeX markup and imports typeset', () => {
    const out = prerenderTexCalls("html`value ${tex('x_i')}`", 'intro.ts', MATH)!;
    expect(out).not.toMatch(/\btex\(/);
    expect(out).toContain(`import { typeset as __typeset } from "${MATH}"`);
    expect(out).toMatch(/__typeset\(".*class=\\"katex\\".*", false\)/);
    expect(out).toContain('<msub><mi>x</mi><mi>i</mi></msub>');
  });

  it('keeps display mode', () => {
    expect(prerenderTexCalls("${tex('a = b', true)}", 'model.ts', MATH)).toMatch(/katex-display.*, true\)/);
  });

  it('reads a double-quoted literal, which the formatter writes for TeX holding a prime', () => {
    expect(prerenderTexCalls(`\${tex("y' = x")}`, 'model.ts', MATH)).toContain('′');
  });

  it('reads an escaped backslash as one TeX backslash', () => {
    expect(prerenderTexCalls("${tex('\\\\frac{a}{b}')}", 'model.ts', MATH)).toContain('<mfrac>');
  });

  it('leaves a module without tex calls alone', () => {
    expect(prerenderTexCalls('const text = "context(1)";', 'format.ts', MATH)).toBeNull();
  });

  it('fails the build, naming the module, on a call it cannot typeset', () => {
    expect(() => prerenderTexCalls('${tex(source)}', 'sections/bad.ts', MATH)).toThrow(/sections\/bad\.ts/);
    expect(() => prerenderTexCalls("${tex('a\\nb')}", 'sections/bad.ts', MATH)).toThrow(/escape/);
  });

  it('fails the build on TeX that KaTeX cannot parse', () => {
    expect(() => prerenderTexCalls("${tex('\\\\frac{a}')}", 'sections/bad.ts', MATH)).toThrow();
  });

  it('typesets every tex call the article makes', () => {
    const dir = join(import.meta.dirname, '../../../src/article');
    const modules = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== 'math.ts');
    const typeset = modules.filter((f) => prerenderTexCalls(readFileSync(join(dir, f), 'utf8'), f, MATH) !== null);
    expect(typeset.length).toBeGreaterThanOrEqual(4);
  });
});
