import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

const dir = mkdtempSync(join(tmpdir(), 'rebalance-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** The example household as CSV tabs, with Broker IDs on Accounts. */
function workbook(name: string): string {
  const path = join(dir, name);
  cpSync(EXAMPLE_DIR, path, { recursive: true });
  const lines = readFileSync(join(path, 'Accounts.csv'), 'utf8').trim().split(/\r?\n/);
  const ids: Record<string, string> = { 'Taxable Brokerage': 'XXXX-4321', 'Roth IRA': 'U1234567' };
  writeFileSync(join(path, 'Accounts.csv'), lines.map((l, i) => `${l},${i === 0 ? 'Broker ID' : ids[l.split(',')[0]] ?? ''}`).join('\n'));
  return path;
}

describe('rebalance import', () => {
  it('a dry run prints the changes per ticker and writes nothing', async () => {
    const wb = workbook('dry');
    const before = readFileSync(join(wb, 'Lots.csv'), 'utf8');
    const r = await runCli(['import', wb, fx('schwab-lots-voo.csv'), fx('schwab-realized.csv')]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/VOO in Taxable Brokerage: 1 added, 2 unchanged; shares 260 -> 265; basis \$62,286\.00 -> \$65,149\.30/);
    expect(r.stdout).toMatch(/Sales: 1 appended, 2 already on the Sales tab/);
    expect(r.stdout).toMatch(/Dry run: nothing written/);
    expect(readFileSync(join(wb, 'Lots.csv'), 'utf8')).toBe(before);
  });

  it('--json has format, account, lots, sales, replaced, warnings', async () => {
    const r = await runCli(['import', workbook('json'), fx('ibkr-activity.csv'), '--json']);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).slice(0, 6)).toEqual(['format', 'account', 'lots', 'sales', 'replaced', 'warnings']);
    expect(json).toMatchObject({ format: 'ibkr-activity', account: 'Roth IRA', lots: 2, sales: 3, replaced: 1, written: false });
  });

  it('--out writes Lots, Sales, a Journal row and (with --prices) prices; importing again changes nothing', async () => {
    const wb = workbook('write');
    const out = join(dir, 'written');
    const r = await runCli(['import', wb, fx('schwab-lots-voo.csv'), fx('schwab-realized.csv'), '--prices', '--out', out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Prices: 0 filled; VOO already current/);
    const lots = readFileSync(join(out, 'Lots.csv'), 'utf8');
    expect(lots).toMatch(/Taxable Brokerage,VOO,5,2863\.3,2026-10-02,TB-VOO-2026a,/);
    // Rows the import did not replace are byte for byte what they were.
    expect(lots).toContain('Taxable Brokerage,VB,150,23760.00,2018-09-20,,');
    expect(readFileSync(join(out, 'Sales.csv'), 'utf8')).toMatch(/2026-11-02,Taxable Brokerage,VWO,40,2064,2085\.63,2026-03-03,,0/);
    expect(readFileSync(join(out, 'Journal.csv'), 'utf8')).toMatch(/import-\d{8}T\d{6},imported,,"Imported schwab-lots-voo\.csv, schwab-realized\.csv: 3 lots \(0 old lots replaced\), 1 sale appended\."/);
    const again = await runCli(['import', out, fx('schwab-lots-voo.csv'), fx('schwab-realized.csv'), '--out', join(dir, 'again')]);
    expect(again.stdout).toMatch(/Nothing to change/);
  });

  it('--prices fills a plain Price cell', async () => {
    const wb = workbook('prices');
    const out = join(dir, 'prices-out');
    const statement = join(dir, 'statement.csv');
    writeFileSync(statement, readFileSync(fx('ibkr-activity.csv'), 'utf8').replace('VTI,-,150,1,190.5,28575,318.4', 'VTI,-,150,1,190.5,28575,320.15'));
    const r = await runCli(['import', wb, statement, '--prices', '--out', out]);
    expect(r.stdout).toMatch(/Prices: 1 filled \(VTI 320\.15\)/);
    expect(readFileSync(join(out, 'Securities.csv'), 'utf8')).toMatch(/^VTI,US Large Cap,320\.15,/m);
  });

  it('mistakes: no file, an unknown flag, an unknown ticker, a file in no known format', async () => {
    const wb = workbook('mistakes');
    expect((await runCli(['import', wb])).exitCode).toBe(2);
    const flagged = await runCli(['import', wb, fx('schwab-lots-voo.csv'), '--acount', 'Roth IRA']);
    expect(flagged.exitCode).toBe(2);
    expect(flagged.stderr).toMatch(/unknown option --acount for rebalance import; did you mean --account\?/);
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'Symbol,Quantity,Cost Basis,Date Acquired\nXYZ,1,$10,01/02/2026\n');
    const unknown = await runCli(['import', wb, other, '--account', 'Taxable Brokerage']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/Nothing was imported:\n {2}1 ticker is not on the Securities tab: XYZ \(other\.csv\)/);
    const notes = join(dir, 'notes.csv');
    writeFileSync(notes, 'hello,world\n');
    expect((await runCli(['import', wb, notes])).stderr).toMatch(/notes\.csv: not in a format I know/);
    expect((await runCli(['import', wb, join(dir, 'missing.csv')])).stderr).toMatch(/missing\.csv: cannot read it/);
    // The file first and the workbook second: the "workbook" is not one.
    const swapped = await runCli(['import', fx('schwab-lots-voo.csv'), wb]);
    expect(swapped.exitCode).toBe(1);
    expect(swapped.stderr).toMatch(/schwab-lots-voo\.csv: expected an \.xlsx file or a folder of CSV files/);
  });
});
