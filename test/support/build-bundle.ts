import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Rebuilds dist/ without the type check (`npm test` runs the full build first) so a test file
 * run on its own sees the current sources. Writes are atomic, so parallel test files may call it.
 */
export function buildBundle(): string {
  return execFileSync(process.execPath, ['build.mjs', '--no-typecheck'], { cwd: ROOT, encoding: 'utf8' });
}
