import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureChromium, findChromium } from '../../scripts/chromium.mjs';

const SCRIPT = fileURLToPath(new URL('../../scripts/chromium.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chromium-find-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function executable(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

const NOWHERE = [join(dir, 'not-here', 'chromium')];

describe('finding the browser the e2e tests drive (npm test runs scripts/chromium.mjs first)', () => {
  it('CHROMIUM_PATH wins, then the fixed path, then chromium on PATH', () => {
    const custom = executable('my-chrome');
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(bin, 'chromium'), 0o755);
    expect(findChromium({ env: { CHROMIUM_PATH: custom, PATH: bin }, fixed: NOWHERE })).toEqual({ ok: true, path: custom });
    expect(findChromium({ env: { PATH: bin }, fixed: [custom] })).toEqual({ ok: true, path: custom });
    expect(findChromium({ env: { PATH: `/nonexistent:${bin}` }, fixed: NOWHERE })).toEqual({ ok: true, path: join(bin, 'chromium') });
  });

  it('a CHROMIUM_PATH that is not there is a problem, not a silent fallback', () => {
    const found = findChromium({ env: { CHROMIUM_PATH: join(dir, 'gone'), PATH: '' }, fixed: [executable('other')] });
    expect(found).toEqual({ ok: false, problem: `CHROMIUM_PATH is ${join(dir, 'gone')}, which is not an executable file` });
  });

  it("none found, root with apt-get: installs Debian's chromium, then finds it", () => {
    const bin = mkdtempSync(join(dir, 'apt-'));
    writeFileSync(join(bin, 'apt-get'), '#!/bin/sh\n');
    chmodSync(join(bin, 'apt-get'), 0o755);
    const target = join(dir, 'installed-chromium');
    const ran: string[] = [];
    const result = ensureChromium({
      env: { PATH: bin },
      fixed: [target],
      root: true,
      log: () => {},
      run: (cmd, args) => {
        ran.push([cmd, ...args].join(' '));
        if (args[0] === 'install') executable('installed-chromium');
        return 0;
      },
    });
    expect(ran).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium']);
    expect(result).toEqual({ ok: true, path: target, installed: true });
  });

  it('none found and not root: installs nothing and says so', () => {
    const ran: string[] = [];
    const result = ensureChromium({ env: { PATH: '' }, fixed: NOWHERE, root: false, run: (cmd) => (ran.push(cmd), 0) });
    expect(ran).toEqual([]);
    expect(result.ok).toBe(false);
  });

  it('the script stops at once with one line saying what to run', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { env: { PATH: process.env.PATH, CHROMIUM_PATH: join(dir, 'missing') }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^npm test needs Chromium for the browser tests: CHROMIUM_PATH is .*missing, which is not an executable file\. Run "sudo apt-get install -y chromium"/);
  });
});
