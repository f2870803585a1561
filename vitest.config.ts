import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/ and lib/ once per run when they are older than the sources (test files never build);
    // picks the run's fresh fast-check seed.
    globalSetup: ['test/support/global-setup.ts', 'test/support/fast-check-global.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 60_000,
  },
});
