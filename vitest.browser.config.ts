import { defineConfig } from 'vitest/config';

// Browser tests: the built page, served by `vite preview`, driven in Debian's headless Chromium.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
