import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../support/build-bundle';
import { appsScriptSyntaxProblems, extractEntryPoints, renderStubs, sidebarProblems } from '../../build.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('build.mjs output', () => {
  let log = '';
  beforeAll(() => {
    log = buildBundle();
  }, 120_000);

  it('prints one line per output', () => {
    expect(log).toMatch(/^dist\/Code\.js .*DRIFT, TAXLOTS, REBALANCE/m);
    expect(log).toMatch(/^dist\/Sidebar\.html /m);
    expect(log).toMatch(/^dist\/appsscript\.json /m);
  });

  it('writes top-level DRIFT, TAXLOTS and REBALANCE right under their @customfunction JSDoc', () => {
    const code = read('dist/Code.js');
    const stub = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\nfunction DRIFT\(targets, securities, lots, accounts, settings\) \{ return RebalancerApp\.DRIFT\(targets, securities, lots, accounts, settings\); \}/.exec(code);
    expect(stub).not.toBeNull();
    expect(stub![1]).toContain('@customfunction');
    expect(stub![1]).toContain('@param {A1:F20} targets');
    expect(stub![1]).toContain('@return');
    for (const name of ['TAXLOTS', 'REBALANCE']) {
      expect(code).toMatch(new RegExp(`@customfunction\\n \\*/\\nfunction ${name}\\(`));
    }
    expect(code).toMatch(/^var RebalancerApp = \(\(\) => \{/m);
    expect(code).toMatch(/^function onOpen\(e\) \{ return RebalancerApp\.onOpen\(e\); \}$/m);
  });

  it('leaves nothing Apps Script cannot parse: no import/export, no #private, no class fields', () => {
    const code = read('dist/Code.js');
    expect(appsScriptSyntaxProblems(code)).toEqual([]);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/(^|[\s;{(,.])#[A-Za-z_$]/m);
  });

  it('copies the manifest: V8, explicit scopes, the Slack and automation-webhook allow-list', () => {
    const manifest = JSON.parse(read('dist/appsscript.json')) as Record<string, unknown>;
    expect(manifest).toEqual(JSON.parse(read('appsscript.json')));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.urlFetchWhitelist).toEqual(['https://hooks.slack.com/', 'https://*.make.com/', 'https://hooks.zapier.com/hooks/catch/', 'https://*.app.n8n.cloud/webhook/']);
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
  });

  it('makes one self-contained Sidebar.html: CSS and script inline, nothing external', () => {
    const html = read('dist/Sidebar.html');
    expect(sidebarProblems(html)).toEqual([]);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]*\bhref=/i);
    expect(html).toContain('<style>');
    expect(html).toContain('font: 13px/1.45 "Google Sans", Roboto');
    expect(html).toMatch(/<script>\s*"use strict";\(\(\)=>\{/);
    expect(html).toContain('getPlannerState'); // the bundled sidebar/main.ts calls the server
  });
});

describe('entry points, read with the TypeScript compiler', () => {
  const entries = extractEntryPoints(fileURLToPath(new URL('./fixtures/entry/main.ts', import.meta.url)));

  it('finds exported functions, re-exports and arrows; skips names ending in _, constants and types', () => {
    expect(entries.map((e) => e.name)).toEqual(['SUM_ROWS', 'TOTAL', 'JOIN', 'fromStar']);
  });

  it('keeps parameter names and the JSDoc of the declaring file', () => {
    const total = entries.find((e) => e.name === 'TOTAL')!;
    expect(total.params).toEqual(['a', 'b']);
    expect(total.jsDoc).toBe('/**\n * Re-exported from the entry file: its JSDoc must travel with it.\n * @customfunction\n */');
  });

  it('renders rest and destructured parameters as valid forwarding stubs', () => {
    const stubs = renderStubs(entries);
    expect(stubs).toContain('function JOIN(separator, ...parts) { return RebalancerApp.JOIN(separator, ...parts); }');
    expect(stubs).toContain('function fromStar(arg0) { return RebalancerApp.fromStar(arg0); }');
    expect(appsScriptSyntaxProblems(stubs)).toEqual([]);
  });
});

describe('bundle checks catch what Apps Script refuses', () => {
  it('flags module syntax, private names and class fields', () => {
    const problems = appsScriptSyntaxProblems(
      'import x from "y";\nexport const a = 1;\nclass C { #n = 1; static s = 2; get() { return this.#n; } }\n',
    );
    expect(problems).toEqual([
      'line 1: import statement',
      'line 2: export modifier',
      'line 3: class field declaration',
      'line 3: private name #n',
      'line 3: class field declaration',
      'line 3: private name #n',
    ]);
  });

  it('flags sidebar resources and links that would open inside the iframe', () => {
    const problems = sidebarProblems(
      '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="a.css">' +
        '<a href="https://example.com">x</a><a href="#top">ok</a><a href="https://e.com" target="_blank">ok</a>',
    );
    expect(problems).toEqual([
      'external resource: <script src=',
      'external resource: <link rel="stylesheet" href=',
      'link without target="_blank": <a href="https://example.com">',
    ]);
  });
});

describe('a type error blocks the build', () => {
  it('exits 1 and writes nothing when tsc reports an error', () => {
    // A throwaway project around a copy of build.mjs keeps the real dist/ untouched.
    const dir = mkdtempSync(join(tmpdir(), 'build-typecheck-'));
    mkdirSync(join(dir, 'node_modules'));
    for (const pkg of ['typescript', 'esbuild']) symlinkSync(join(ROOT, 'node_modules', pkg), join(dir, 'node_modules', pkg), 'dir');
    copyFileSync(join(ROOT, 'build.mjs'), join(dir, 'build.mjs'));
    copyFileSync(join(ROOT, 'appsscript.json'), join(dir, 'appsscript.json'));
    mkdirSync(join(dir, 'src/gas'), { recursive: true });
    mkdirSync(join(dir, 'sidebar'));
    writeFileSync(join(dir, 'sidebar/index.html'), '<html><body></body></html>');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }));
    writeFileSync(join(dir, 'src/gas/main.ts'), 'export function F(): number {\n  return "not a number";\n}\n');
    const run = spawnSync(process.execPath, ['build.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain("Type 'string' is not assignable to type 'number'");
    expect(run.stderr).toContain('type errors: nothing written');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
