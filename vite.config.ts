import { defineConfig } from 'vite';

export default defineConfig({
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
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
});
