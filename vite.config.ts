import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { prerenderTex } from './scripts/prerender-tex';

/**
 * Cross-origin isolation gives the page SharedArrayBuffer, which TF.js's multi-threaded wasm build
 * needs. A host that cannot send these headers still works: wasm then runs on one thread.
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * TF.js starts each wasm thread by sending it the source of the threaded module's factory
 * (`factory.toString()`). That factory reads `_scriptDir`, a variable of the function around it;
 * once minified, the factory refers to it by a mangled name the thread does not have, and every
 * thread dies with "e is not defined". The two places it is read only matter where TF.js already
 * passes the module itself (`mainScriptUrlOrBlob`), so they are replaced by `undefined`.
 */
function wasmThreadsSurviveMinification(): Plugin {
  const marker = 'function(WasmBackendModuleThreadedSimd) {';
  return {
    name: 'wasm-threads-survive-minification',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm-threaded-simd.js')) return null;
      const start = code.indexOf(marker);
      if (start < 0) throw new Error(`${id}: the threaded factory was not found; check the wasm threads fix`);
      return { code: code.slice(0, start) + code.slice(start).replaceAll('_scriptDir', '(void 0)'), map: null };
    },
  };
}

export default defineConfig({
  plugins: [prerenderTex(fileURLToPath(new URL('./src/article/math.ts', import.meta.url))), wasmThreadsSurviveMinification()],
  base: './',
  build: {
    target: 'es2022',
    rollupOptions: {
      // bench.html is the benchmark's page (npm run bench); it ships beside the article but is not linked.
      input: { article: 'index.html', bench: 'bench.html' },
    },
    // The training code lives in its own worker chunk; the page itself stays small.
    chunkSizeWarningLimit: 1500,
  },
  worker: {
    format: 'es',
    plugins: () => [wasmThreadsSurviveMinification()],
  },
  server: { headers: CROSS_ORIGIN_ISOLATION },
  preview: {
    port: 4173,
    strictPort: true,
    headers: CROSS_ORIGIN_ISOLATION,
  },
});
