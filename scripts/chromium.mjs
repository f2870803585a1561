#!/usr/bin/env node
/**
 * The Chromium the browser tests drive (playwright-core downloads no browser of its own).
 *
 *   node scripts/chromium.mjs     find it; if there is none, install Debian's `chromium` when
 *                                 running as root with apt-get, else stop with one line saying
 *                                 what to run. `npm test` runs this first.
 *
 * Where it looks, in order: $CHROMIUM_PATH (when set it must exist), Debian's /usr/bin/chromium,
 * then `chromium`, `chromium-browser`, `google-chrome` on $PATH. Tests call findChromium() too,
 * so the check and the tests agree on the browser.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {{ env?: Record<string, string | undefined>, fixed?: string[] }} [options]
 * @returns {{ ok: true, path: string } | { ok: false, problem: string }}
 */
export function findChromium(options = {}) {
  const env = options.env ?? process.env;
  const wanted = env.CHROMIUM_PATH;
  if (wanted !== undefined && wanted !== '') {
    return isExecutable(wanted) ? { ok: true, path: wanted } : { ok: false, problem: `CHROMIUM_PATH is ${wanted}, which is not an executable file` };
  }
  for (const path of options.fixed ?? [DEBIAN_CHROMIUM]) if (isExecutable(path)) return { ok: true, path };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ON_PATH) if (isExecutable(join(dir, name))) return { ok: true, path: join(dir, name) };
  }
  return { ok: false, problem: 'no Chromium found (CHROMIUM_PATH is not set, no /usr/bin/chromium, no chromium on PATH)' };
}

/** The one line to print when there is no Chromium and this process cannot install it. */
export function installAdvice(problem) {
  return `npm test needs Chromium for the browser tests: ${problem}. Run "sudo apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome or Chromium binary.`;
}

/**
 * Finds Chromium, installing Debian's package first when there is none and this is root with
 * apt-get. `run` runs a command with inherited output and returns its exit status.
 * @param {{ env?: Record<string, string | undefined>, fixed?: string[], root?: boolean, run?: (cmd: string, args: string[]) => number | null, log?: (line: string) => void }} [options]
 * @returns {{ ok: true, path: string, installed: boolean } | { ok: false, problem: string }}
 */
export function ensureChromium(options = {}) {
  const env = options.env ?? process.env;
  const root = options.root ?? (typeof process.getuid === 'function' && process.getuid() === 0);
  const run = options.run ?? ((cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }).status);
  const found = findChromium({ env, fixed: options.fixed });
  if (found.ok) return { ...found, installed: false };
  const hasApt = (env.PATH ?? '').split(delimiter).filter(Boolean).some((d) => isExecutable(join(d, 'apt-get')));
  const wanted = env.CHROMIUM_PATH !== undefined && env.CHROMIUM_PATH !== '';
  if (!root || !hasApt || wanted) return found;
  (options.log ?? console.log)("== no Chromium for the browser tests: installing Debian's chromium (apt-get, as root)");
  if (run('apt-get', ['update']) !== 0 || run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) !== 0) {
    return { ok: false, problem: 'apt-get could not install chromium' };
  }
  const after = findChromium({ env, fixed: options.fixed });
  return after.ok ? { ...after, installed: true } : { ok: false, problem: 'apt-get installed chromium, but it is not at /usr/bin/chromium or on PATH' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = ensureChromium();
  if (!result.ok) {
    console.error(installAdvice(result.problem));
    process.exit(1);
  }
}
