import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { prerenderTex } from './build/prerender-tex.ts';
import { wasmThreadsSurviveMinification } from './build/wasm-threads.ts';

/**
 * Cross-origin isolation gives the page SharedArrayBuffer, which TF.js's multi-threaded wasm build
 * needs. A host that cannot send these headers still works: wasm then runs on one thread.
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [prerenderTex(fileURLToPath(new URL('./src/article/math.ts', import.meta.url))), wasmThreadsSurviveMinification()],
  base: './',
  build: {
    target: 'es2022',
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
