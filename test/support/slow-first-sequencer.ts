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
    const rank = (f: TestSpecification) => (/\.e2e\.test\.ts$|[/\\]fuzz[/\\]/.test(f.moduleId) ? 0 : 1);
    const size = (f: TestSpecification) => statSync(f.moduleId).size;
    return [...files].sort((a, b) => rank(a) - rank(b) || size(b) - size(a) || (a.moduleId < b.moduleId ? -1 : 1));
  }
}
