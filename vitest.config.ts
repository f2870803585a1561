import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer';

export default defineConfig({
  test: {
    // Builds dist/ and lib/ once per run when they are older than the sources (test files never build);
    // picks the run's fresh fast-check seed.
    globalSetup: ['test/support/global-setup.ts', 'test/support/fast-check-global.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // vitest's default on a 2-core machine is one worker (cores - 1), so every file ran in turn.
    // Two keep both cores busy, and the browser files mostly wait on Chromium and the workbench.
    maxWorkers: 2,
    // One worker process runs many files, each file's modules evaluated once per worker instead of
    // once per file: about a quarter of the suite's CPU was starting a process and importing the
    // same engine, exceljs and fast-check 120 times (measured: 450 s -> 332 s of CPU).
    // What this asks of a test file: put back what it changes outside itself (globals via
    // vi.stubGlobal + vi.unstubAllGlobals, process.env, a Chromium page it opened).
    isolate: false,
    // Sized for a loaded 2-core CI machine; the browser tests set their own (test/e2e/workbench.ts).
    testTimeout: 60_000,
    sequence: { sequencer: SlowFirstSequencer },
    hookTimeout: 60_000,
  },
});
