/**
 * Typesets the article's TeX at build time. Every `tex('…')` call in the article's modules is
 * replaced by the HTML KaTeX renders for it, so the page ships KaTeX's stylesheet and fonts but
 * not its 270 kB of JavaScript, and spends no time typesetting before the first figure.
 * Bad TeX fails the build instead of showing red text to readers.
 */
import katex from 'katex';
import type { Plugin } from 'vite';

/**
 * `tex('…')` or `tex('…', true)` with a single- or double-quoted literal (the formatter picks
 * double quotes for TeX that holds a prime); the only forms the article uses.
 */
const TEX_CALL = /\btex\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*(?:,\s*(true|false)\s*)?\)/g;
/** Any other call: one the plugin would leave to fail in the browser. */
const ANY_TEX_CALL = /\btex\(/;

/** The value of a quoted JS literal's body; only the escapes TeX needs are allowed. */
function unescapeLiteral(body: string): string {
  return body.replace(/\\(.)/g, (escaped, char: string) => {
    if (char === '\\' || char === "'" || char === '"') return char;
    throw new Error(`tex(): the escape ${escaped} is not supported; write TeX with \\\\, \\' and \\" only`);
  });
}

export function renderTex(source: string, displayMode: boolean): string {
  return katex.renderToString(source, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
}

/**
 * The module's code with each `tex(…)` call replaced by `typeset(markup, displayMode)`, or null
 * when the module calls no `tex`. Throws on a call it cannot typeset, naming the module.
 */
export function prerenderTexCalls(code: string, id: string, mathModule: string): string | null {
  if (!ANY_TEX_CALL.test(code)) return null;
  const replaced = code.replace(TEX_CALL, (_call, single?: string, double?: string, display?: string) => {
    const displayMode = display === 'true';
    return `__typeset(${JSON.stringify(renderTex(unescapeLiteral(single ?? double ?? ''), displayMode))}, ${displayMode})`;
  });
  if (ANY_TEX_CALL.test(replaced)) {
    throw new Error(`${id}: tex() takes one quoted string literal (and optionally true), so that the build can typeset it`);
  }
  return `import { typeset as __typeset } from ${JSON.stringify(mathModule)};\n${replaced}`;
}

/** The Vite plugin; `mathModule` is the absolute path of src/article/math.ts, which it skips. */
export function prerenderTex(mathModule: string): Plugin {
  return {
    name: 'prerender-tex',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/article\/.*\.ts$/.test(id) || id === mathModule) return null;
      const result = prerenderTexCalls(code, id, mathModule);
      return result === null ? null : { code: result, map: null };
    },
  };
}
