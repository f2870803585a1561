import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { planRebalance } from '../../src/engine/index';
import { planJson } from '../../src/present/plan-json';
import { gridSource, readHousehold } from '../../src/workbook/index';
import { safeCell, safeRows } from '../../src/gas/cell-safety';
import { recordExecutedPlan } from '../../src/gas/record-executed';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { exampleGrid } from '../support/example-grids';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('OAuth scopes (appsscript.json): exactly what the features need', () => {
  const manifest = JSON.parse(readFileSync(root('appsscript.json'), 'utf8')) as { oauthScopes: string[]; urlFetchWhitelist: string[] };

  it('lists exactly these scopes, each documented in docs/security.md', () => {
    const allowed = [
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/userinfo.email',
    ];
    expect([...manifest.oauthScopes].sort()).toEqual([...allowed].sort());
    const doc = readFileSync(root('docs/security.md'), 'utf8');
    for (const scope of allowed) expect(doc, scope).toContain(scope);
  });

  it('never the whole-Drive spreadsheets scope, nor Drive, Gmail or any read-everything scope', () => {
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    for (const scope of manifest.oauthScopes) expect(scope).not.toMatch(/\/(drive|gmail|mail\.google|documents|spreadsheets$)/);
  });

  it('fetches only Slack and the automation webhooks (Make, Zapier, n8n cloud)', () => {
    expect(manifest.urlFetchWhitelist).toEqual(['https://hooks.slack.com/', 'https://*.make.com/', 'https://hooks.zapier.com/hooks/catch/', 'https://*.app.n8n.cloud/webhook/']);
  });
});

describe('cells the add-on writes never start a formula', () => {
  const hostile = ['=IMPORTXML("http://evil.example","//a")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=', '-', '+', '@x'];

  it.each(hostile)('%j is written as literal text (a leading apostrophe)', (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });

  it('numbers stay numbers, negative ones too; decimal strings from the engine become numbers', () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell('-1234.5')).toBe(-1234.5);
    expect(safeCell('0.000123')).toBe(0.000123);
    expect(safeCell(0)).toBe(0);
    // 16 significant digits do not fit a double: kept as exact text, which is not a formula either.
    expect(safeCell('1234567890.123456')).toBe('1234567890.123456');
  });

  it('harmless text is untouched; nothing non-finite is ever written', () => {
    expect(safeCell('Taxable Brokerage')).toBe('Taxable Brokerage');
    expect(safeCell('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(safeCell(NaN)).toBe('');
    expect(safeCell(Infinity)).toBe('');
    expect(safeCell(null)).toBe('');
    expect(safeRows([['=x', 1], ['ok']])).toEqual([["'=x", 1], ['ok', '']]);
  });
});

describe('recording a plan with hostile account names writes no formula anywhere', () => {
  afterEach(() => vi.unstubAllGlobals());
  const names: Record<string, string> = {
    'Taxable Brokerage': '=HYPERLINK("http://evil.example","Taxable")',
    'Traditional IRA': '+IRA',
    'Roth IRA': '-Roth+1',
    HSA: '@HSA',
  };

  it('Lots, Sales, Accounts and Journal hold the names as text and the amounts as numbers', () => {
    const grids: Record<string, unknown[][]> = {};
    for (const tab of ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings']) {
      const grid = exampleGrid(tab);
      const col = grid[0].indexOf('Account');
      grids[tab] = grid.map((row, r) => row.map((cell, c) => (r > 0 && c === col ? names[cell] ?? cell : cell)));
    }
    const read = readHousehold(gridSource(grids));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const plan = planJson(planRebalance(read.household));
    expect(plan.trades.some((t) => Object.values(names).includes(t.account))).toBe(true);

    // Typed into Sheets with an apostrophe: text, as a user would have to enter them.
    const typed = Object.fromEntries(Object.entries(grids).map(([tab, g]) => [tab, g.map((r) => r.map((c) => (Object.values(names).includes(String(c)) ? `'${c}` : c)))]));
    const google = createFakeGoogle({ spreadsheet: { sheets: typed } });
    for (const [name, service] of Object.entries(google.globals)) vi.stubGlobal(name, service);
    const outcome = recordExecutedPlan(google.spreadsheet as never, plan, new Date('2026-11-20T15:00:00Z'));
    expect(outcome).toMatchObject({ ok: true });

    for (const tab of ['Lots', 'Sales', 'Accounts', 'Journal']) {
      const range = google.spreadsheet.sheet(tab).getDataRange();
      const formulas = range.getFormulas().flat().filter((f) => f !== '');
      expect(formulas, tab).toEqual([]);
    }
    const accounts = google.spreadsheet.snapshot().Accounts;
    expect(accounts.map((r) => r[0])).toEqual(['Account', ...Object.keys(names).map((n) => names[n]).slice(0, 3), 'Acme 401(k)', '@HSA']);
    // Cash, Reserve, Withdraw: numbers, not text.
    for (const row of accounts.slice(1)) for (const cell of row.slice(2, 5)) expect(typeof cell).toBe('number');
    const lots = google.spreadsheet.snapshot().Lots;
    for (const row of lots.slice(1)) expect([typeof row[2], typeof row[3]]).toEqual(['number', 'number']);
  });
});

describe('dist/Code.js ships only decimal.js and our own code', () => {
  let code = '';
  beforeAll(() => {
    code = readFileSync(root('dist/Code.js'), 'utf8');
  }, 30_000);

  it('names no dev dependency, no Node module and no require()', () => {
    for (const banned of ['exceljs', 'vitest', 'fast-check', 'highs', 'playwright', 'typescript', 'esbuild', 'node:', 'require(']) {
      expect(code.includes(banned), banned).toBe(false);
    }
  });

  it('every module esbuild put in it is decimal.js or under src/ (engine, workbook, present, gas, generate, import)', () => {
    const modules = [...code.matchAll(/^ {2}\/\/ (\S+\.m?[jt]s)$/gm)].map((m) => m[1]);
    expect(modules.length).toBeGreaterThan(20);
    // A node_modules linked from elsewhere (a worktree sharing an install) shows as ../../x/node_modules/...
    const local = (m: string) => m.replace(/^(?:\.\.\/)+(?:[^/]+\/)*?(?=node_modules\/)/, '');
    const origins = new Set(modules.map((m) => local(m).replace(/^(node_modules\/[^/]+|src\/[^/]+)\/.*$/, '$1')));
    for (const origin of origins) expect(['node_modules/decimal.js', 'src/engine', 'src/workbook', 'src/present', 'src/gas', 'src/generate', 'src/import']).toContain(origin);
    expect(origins.has('node_modules/decimal.js')).toBe(true);
  });

  it('has no eval and no Function constructor', () => {
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/\bnew Function\s*\(/);
  });
});
