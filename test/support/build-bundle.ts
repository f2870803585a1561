import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What build.mjs reads, and what it writes. */
const INPUTS = ['src', 'sidebar', 'data', 'build.mjs', 'appsscript.json', 'package.json', 'tsconfig.json'];
const OUTPUTS = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json', 'lib/cli.mjs', 'lib/workbench.mjs'];

function newestMtime(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** True when an output is missing or older than a source (so the bundle may not match the code). */
export function bundleIsStale(): boolean {
  const oldestOutput = Math.min(...OUTPUTS.map((p) => { try { return statSync(join(ROOT, p)).mtimeMs; } catch { return 0; } }));
  const newestInput = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  return oldestOutput === 0 || newestInput > oldestOutput;
}

/**
 * Rebuilds dist/ and lib/ without the type check (`npm test` runs the full build first). Only
 * the build's own test calls this; every other test relies on the run's global setup, which
 * builds once when the bundle is stale (test/support/global-setup.ts).
 */
export function buildBundle(): string {
  return execFileSync(process.execPath, ['build.mjs', '--no-typecheck'], { cwd: ROOT, encoding: 'utf8' });
}

/** Builds once if the bundle is older than the sources; returns the build's log, or null when fresh. */
export function ensureBundle(): string | null {
  return bundleIsStale() ? buildBundle() : null;
}
