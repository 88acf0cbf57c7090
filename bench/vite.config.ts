/**
 * The benchmark's site: the article plus the benchmark pages (bench/index.html, bench/pool.html, bench/computation.html), built into
 * artifacts/bench-site so that dist/, what ships, holds no benchmark.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import site from '../vite.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default mergeConfig(
  site,
  defineConfig({
    root,
    build: {
      outDir: 'artifacts/bench-site',
      emptyOutDir: true,
      rollupOptions: {
        input: {
          article: `${root}index.html`,
          bench: `${root}bench/index.html`,
          pool: `${root}bench/pool.html`,
          computation: `${root}bench/computation.html`,
        },
      },
    },
  }),
);
