import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in, the same on a fresh CI clone as here: the browser tests and the
 * fuzz first, then larger files before smaller. vitest's own order needs a results cache that a
 * fresh clone does not have (it falls back to file size), and there the busy-lock browser test,
 * 20 s of mostly waiting on a slow workbench, started last and ran on while the other worker sat
 * idle. Started first, its waits overlap the rest of the suite.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const keyed = files.map((f) => ({ f, rank: /\.e2e\.test\.ts$|[/\\]fuzz[/\\]/.test(f.moduleId) ? 0 : 1, size: statSync(f.moduleId).size }));
    keyed.sort((a, b) => a.rank - b.rank || b.size - a.size || (a.f.moduleId < b.f.moduleId ? -1 : 1));
    return keyed.map((k) => k.f);
  }
}
