import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 60_000,
  },
});
