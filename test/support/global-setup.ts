import { ensureBundle } from './build-bundle';

/**
 * Once per `vitest run`, before any test file: the bundle tests (dist/Code.js, lib/*.mjs) see
 * the current sources. `npm test` has just built, so this usually does nothing; a single file
 * run on its own after an edit gets one rebuild, not one per file.
 */
export default function setup(): void {
  const log = ensureBundle();
  if (log !== null) process.stdout.write(`global setup: the bundle was older than the sources; rebuilt (node build.mjs --no-typecheck)\n`);
}
