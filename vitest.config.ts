import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure logic and the engine in Node) and `browser` (the built page, served by
 * `vite preview`, driven in Debian's headless Chromium). Two cores: TF.js tests are CPU-bound, so
 * files run one at a time instead of fighting.
 */
export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // The page's main thread parses megabytes of shipped weights while tests act; on two loaded
          // cores a URL write or a re-render can trail the action by more than the 1 s default.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
