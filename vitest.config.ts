import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // Two cores: TF.js tests are CPU-bound, so run files one at a time instead of fighting.
    fileParallelism: false,
  },
});
