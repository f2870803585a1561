import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { LOT_METHODS } from '../../src/engine/index';
import { COMMANDS } from '../../src/cli/commands/index';
import { main, runCli } from '../../src/cli/main';
import { allFlags, type CommandSpec } from '../../src/cli/args';
import { EXAMPLE_DIR, EXAMPLE_XLSX } from '../support/example-grids';

const dir = mkdtempSync(join(tmpdir(), 'rebalance-mistakes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK = /^\s+at /m;

/** What a user typing a command would see: exit code and the first line of stderr. */
async function attempt(...argv: string[]) {
  const result = await runCli(argv);
  return { ...result, stderr: result.stderr ?? '', first: (result.stderr ?? '').split('\n')[0] };
}

describe('a misspelled flag, on every command, names the flag and the closest valid one', () => {
  it.each([
    [['drift', EXAMPLE_DIR, '--jsn'], 'error: unknown option --jsn for rebalance drift; did you mean --json?'],
    [['lots', EXAMPLE_DIR, '--asof', '2026-11-20'], 'error: unknown option --asof for rebalance lots; did you mean --as-of?'],
    [['plan', EXAMPLE_DIR, '--cahs', 'Roth IRA=7000'], 'error: unknown option --cahs for rebalance plan; did you mean --cash?'],
    [['plan', EXAMPLE_DIR, '--mod', 'full'], 'error: unknown option --mod for rebalance plan; did you mean --mode?'],
    [['plan', EXAMPLE_DIR, '--method', 'HIFO'], 'error: unknown option --method for rebalance plan; did you mean --lot-method?'],
    [['plan', EXAMPLE_DIR, '--harvets', 'no'], 'error: unknown option --harvets for rebalance plan; did you mean --harvest?'],
    [['apply', EXAMPLE_DIR, '--plna', 'plan.json'], 'error: unknown option --plna for rebalance apply; did you mean --plan?'],
    [['check', EXAMPLE_DIR, '--stat', 'state.json'], 'error: unknown option --stat for rebalance check; did you mean --state?'],
    [['backtest', '--polcy', 'never'], 'error: unknown option --polcy for rebalance backtest; did you mean --policy?'],
    [['backtest', '--monte-carol'], 'error: unknown option --monte-carol for rebalance backtest; did you mean --monte-carlo?'],
  ])('%j', async (argv, message) => {
    const result = await attempt(...argv);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.first).toBe(message);
    expect(result.stderr).toContain(`Usage: rebalance ${argv[0]} `);
  });

  it('a flag of another command says which command takes it', async () => {
    const result = await attempt('drift', EXAMPLE_DIR, '--cash', 'Roth IRA=1');
    expect(result.first).toMatch(/^error: unknown option --cash for rebalance drift \(--cash is an option of rebalance plan\)/);
  });

  it('an unknown command suggests the closest', async () => {
    const result = await attempt('plna', EXAMPLE_DIR);
    expect(result.exitCode).toBe(2);
    expect(result.first).toBe('error: unknown command "plna"; did you mean plan?');
  });
});

describe('a malformed value is an error, never ignored or read as something else', () => {
  it.each([
    [['plan', EXAMPLE_DIR, '--mode', 'fulll'], 'error: --mode: expected one of threshold, full, cash-only; found "fulll"; did you mean full?'],
    [['plan', EXAMPLE_DIR, '--cash', 'Roth IRA=,000'], 'error: --cash: Roth IRA: expected an amount of dollars like 7000, 7,000.50 or $7,000 (negative to withdraw); found ",000"'],
    [['plan', EXAMPLE_DIR, '--cash', 'Roth IRA=7,00'], 'error: --cash: Roth IRA: expected an amount of dollars like 7000, 7,000.50 or $7,000 (negative to withdraw); found "7,00"'],
    [['plan', EXAMPLE_DIR, '--cash', 'Roth IRA=1000', '--cash', 'Roth IRA=2000'], 'error: --cash: Roth IRA is given twice; give one amount per account'],
    [['plan', EXAMPLE_DIR, '--lot-method', 'hifo2'], 'error: --lot-method: expected one of MinTax, HIFO, FIFO, LIFO, SpecID; found "hifo2"; did you mean HIFO?'],
    [['plan', EXAMPLE_DIR, '--lot-method', 'SpecID'], 'error: --lot-method SpecID sells only the lots you name: add --lots LOT,LOT,... (rebalance lots <workbook> lists each lot id)'],
    [['plan', EXAMPLE_DIR, '--lots', 'L1'], 'error: --lots names the lots for --lot-method SpecID; add --lot-method SpecID or drop --lots'],
    [['plan', EXAMPLE_DIR, '--gain-budget', '5k'], 'error: --gain-budget: expected an amount of dollars like 7000, 7,000.50 or $7,000 or none; found "5k"'],
    [['plan', EXAMPLE_DIR, '--min-trade', '-100'], 'error: --min-trade: expected an amount of at least 0; found "-100"'],
    [['plan', EXAMPLE_DIR, '--harvest', 'maybe'], 'error: --harvest: expected one of yes, no; found "maybe"'],
    [['drift', EXAMPLE_DIR, '--as-of', '2026-13-01'], 'error: --as-of: "2026-13-01" is not a real date: there is no month 13'],
    [['lots', EXAMPLE_DIR, '--as-of', '2018-09-31'], 'error: --as-of: "2018-09-31" is not a real date: September 2018 has 30 days'],
    [['check', EXAMPLE_DIR, '--link', 'docs.google.com/x'], 'error: --link: expected an address starting with https://; found "docs.google.com/x"'],
    [['apply', EXAMPLE_DIR, '--plan', 'p.json', '--out', 'after.xls'], 'error: --out: expected a folder (one CSV per tab) or a file ending in .xlsx; found "after.xls"'],
    [['apply', EXAMPLE_DIR], 'error: apply needs --plan <plan.json>'],
    [['drift', EXAMPLE_DIR, 'another.xlsx'], 'error: drift takes <workbook>; found also "another.xlsx"'],
    [['drift', EXAMPLE_DIR, '-json'], 'error: unknown option -json for rebalance drift: options start with two dashes: did you mean --json?'],
    [['backtest', '--years', '0'], 'error: --years: expected a whole number of at least 1; found "0"'],
    [['backtest', '--start', ',000'], 'error: --start: expected an amount of dollars like 7000, 7,000.50 or $7,000; found ",000"'],
    [['backtest', '--policy', 'never,sometimes'], 'error: --policy: expected one of never, monthly, quarterly, semiannual, annual, threshold, calendar+threshold, cash-flow, planner; found "sometimes"'],
    [['backtest', '--tax-rates', '15%'], 'error: --tax-rates: expected 2 percents separated by a comma, like 15%,37%; found "15%"'],
    [['backtest', '--mix', '70/abc'], 'error: --mix: expected 1 to 4 percents separated by slashes, like 70/30; found "70/abc"'],
  ])('%j', async (argv, message) => {
    const result = await attempt(...argv);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.first).toBe(message);
  });

  it('--lots names a lot that is not there, with the closest id', async () => {
    const result = await attempt('plan', EXAMPLE_DIR, '--lot-method', 'SpecID', '--lots', 'A401K-FSMAX-2019b');
    expect(result.exitCode).toBe(2);
    expect(result.first).toMatch(/^error: --lots: no lot "A401K-FSMAX-2019b" \(did you mean A401K-FSMAX-2019a\?\) on the Lots tab; rebalance lots .* lists each lot id$/);
  });

  it('a well-formed amount still plans: "$7,000.00" is 7000', async () => {
    const result = await attempt('plan', EXAMPLE_DIR, '--json', '--cash', 'Roth IRA=$7,000.00', '--harvest', 'Y');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).cashFlows).toContainEqual({ account: 'Roth IRA', amount: '7000', kind: 'deposit' });
  });
});

describe('a path that is not a workbook is one clear line, no stack trace', () => {
  const bad = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const emptyFolder = join(dir, 'empty-folder');
  mkdirSync(emptyFolder, { recursive: true });

  it.each([
    ['a missing .xlsx', () => join(dir, 'nope.xlsx'), /^there is no file or folder .*nope\.xlsx; expected an \.xlsx file or a folder of CSV files/],
    ['a missing folder', () => join(dir, 'nope'), /^there is no file or folder .*nope; expected an \.xlsx file/],
    ['a text file', () => bad('notes.md', '# hi'), /notes\.md is not a workbook; expected an \.xlsx file or a folder of CSV files/],
    ['an .xls', () => bad('old.xls', 'x'), /old\.xls is an old Excel \(\.xls\) file; save it as an Excel Workbook \(\.xlsx\)/],
    ['an .ods', () => bad('calc.ods', 'x'), /calc\.ods is an OpenDocument \(\.ods\) file; save it as an Excel Workbook/],
    ['one CSV', () => bad('Lots.csv', 'Account,Ticker\n'), /Lots\.csv is a single CSV file; give the folder that holds one CSV per tab/],
    ['a folder with no CSVs', () => emptyFolder, /the folder .*empty-folder has no CSV files; expected/],
    ['an empty .xlsx', () => bad('empty.xlsx', ''), /empty\.xlsx is empty \(0 bytes\); expected/],
    ['a corrupt .xlsx', () => bad('corrupt.xlsx', 'this is not a zip'), /corrupt\.xlsx is not a readable \.xlsx workbook \(.*\); save it again from Excel or Google Sheets as \.xlsx$/],
  ])('%s', async (_what, path, message) => {
    for (const command of ['drift', 'lots', 'plan', 'check']) {
      const result = await attempt(command, path());
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK);
    }
  });

  it('apply: a missing plan file or one that is not JSON is one line', async () => {
    const missing = await attempt('apply', EXAMPLE_DIR, '--plan', join(dir, 'gone.json'));
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^--plan: cannot open .*gone\.json: no such file or folder; expected the JSON file rebalance plan --json writes$/);
    const notJson = await attempt('apply', EXAMPLE_DIR, '--plan', bad('plan.json', 'Plan P-1: sell VOO'));
    expect(notJson.stderr).toMatch(/^--plan: .*plan\.json is not JSON \(.*\); expected the file rebalance plan --json writes$/);
  });

  it('check: an unreadable --state and an unwritable --html are one line', async () => {
    const state = await attempt('check', EXAMPLE_DIR, '--state', join(dir, 'no-state.json'));
    expect(state.exitCode).toBe(1);
    expect(state.stderr).toMatch(/^--state: cannot open .*no-state\.json: no such file or folder$/);
    const html = await attempt('check', EXAMPLE_DIR, '--html', join(dir, 'no-such-folder', 'email.html'));
    expect(html.exitCode).toBe(1);
    expect(html.stderr).toMatch(/^--html: cannot open .*email\.html: no such file or folder$/);
  });
});

describe('help: every command, every flag, every accepted value', () => {
  const everyValue = (command: CommandSpec) => allFlags(command).flatMap((f) => (f.kind?.choices ? [...f.kind.choices] : []));

  it.each(COMMANDS.map((c) => [c.name, c] as const))('rebalance %s --help', async (name, command) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name], [name, EXAMPLE_DIR, '--jsn', '--help']]) {
      const result = await runCli(argv);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: rebalance ${name} `));
      for (const f of allFlags(command)) expect(result.stdout).toContain(`--${f.name}`);
      for (const v of everyValue(command)) expect(result.stdout).toContain(v);
    }
  });

  it('the overview lists every command with its full usage line, SpecID included', async () => {
    const result = await runCli(['--help']);
    expect(result.exitCode).toBe(0);
    for (const command of COMMANDS) {
      expect(result.stdout).toContain(`rebalance ${command.name} `);
      for (const f of command.flags) expect(result.stdout).toContain(`--${f.name}`);
    }
    for (const method of LOT_METHODS) expect(result.stdout).toContain(method);
    expect(result.stdout).toContain('[--lot-method MinTax|HIFO|FIFO|LIFO|SpecID]');
    expect((await runCli([])).stdout).toBe(result.stdout);
  });
});

describe('the rebalance binary prints an unexpected error as one line; --debug adds the stack', () => {
  let written = '';
  afterEach(() => {
    vi.restoreAllMocks();
    written = '';
  });
  const capture = () => {
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((written += String(chunk)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  };
  const broken: CommandSpec = {
    name: 'broken',
    summary: 'fails the way a bug would',
    positionals: [],
    flags: [],
    run: async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'shares')");
    },
  };

  it('without --debug: one line, no stack', async () => {
    capture();
    expect(await main(['broken'], [broken])).toBe(1);
    expect(written).toBe("rebalance: Cannot read properties of undefined (reading 'shares') (run again with --debug to see where)\n");
  });

  it('with --debug: the stack', async () => {
    capture();
    expect(await main(['broken', '--debug'], [broken])).toBe(1);
    expect(written).toMatch(/^rebalance: Cannot read properties of undefined \(reading 'shares'\)\nTypeError: Cannot read/);
    expect(written).toMatch(STACK);
  });

  it('a file error while writing --out names the file and the reason', async () => {
    const plan = await runCli(['plan', EXAMPLE_XLSX, '--json']);
    const planFile = join(dir, 'out-plan.json');
    writeFileSync(planFile, plan.stdout);
    const blocker = join(dir, 'a-file');
    copyFileSync(planFile, blocker);
    capture();
    expect(await main(['apply', EXAMPLE_DIR, '--plan', planFile, '--out', join(blocker, 'after.xlsx')])).toBe(1);
    expect(written).toMatch(/^rebalance: cannot (open|write) .*a-file\/after\.xlsx: (no such file or folder|a part of the path is a file, not a folder)\n$/);
  });
});
