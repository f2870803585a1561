import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

const dir = mkdtempSync(join(tmpdir(), 'rebalance-washes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example household with hand-typed purchases: a DRIP buy after the IEMG loss, and a closed account's loss washed in the Roth. */
function edited(name: string): string {
  const path = join(dir, name);
  cpSync(EXAMPLE_DIR, path, { recursive: true });
  appendFileSync(join(path, 'Lots.csv'), 'Taxable Brokerage,IEMG,10,575.00,2026-11-12,TX-IEMG-DRIP,\nRoth IRA,AGG,20,2008.00,2026-11-18,R-AGG,\n');
  appendFileSync(join(path, 'Sales.csv'), '2026-11-10,Old Brokerage,AGG,50,5000.00,5600.00,2025-01-15,OLD-AGG,0\n');
  return path;
}

describe('rebalance washes', () => {
  it('--json: every wash sale of the history in the documented shape, numbers as decimal strings', async () => {
    const result = await runCli(['washes', edited('json'), '--json']);
    expect(result.exitCode).toBe(0);
    const { washes } = JSON.parse(result.stdout) as { washes: Record<string, unknown>[] };
    expect(washes).toEqual([
      { saleDate: '2026-04-10', account: 'Taxable Brokerage', ticker: 'IEFA', lot: 'TX-IEFA-2024', replacementAccount: 'Taxable Brokerage', replacementTicker: 'IEFA', replacementLot: 'TX-IEFA-2026', replacementAcquired: '2026-04-20', shares: '100', disallowed: '1200', permanent: false, recorded: true },
      { saleDate: '2026-10-30', account: 'Taxable Brokerage', ticker: 'IEMG', lot: 'TX-IEMG-2025', replacementAccount: 'Taxable Brokerage', replacementTicker: 'IEMG', replacementLot: 'TX-IEMG-DRIP', replacementAcquired: '2026-11-12', shares: '10', disallowed: '67', permanent: false, recorded: false },
      { saleDate: '2026-11-10', account: 'Old Brokerage', ticker: 'AGG', lot: 'OLD-AGG', replacementAccount: 'Roth IRA', replacementTicker: 'AGG', replacementLot: 'R-AGG', replacementAcquired: '2026-11-18', shares: '20', disallowed: '240', permanent: true, recorded: false },
    ]);
  });

  it('text: a table and what to run; --fix without --out writes nothing', async () => {
    const path = edited('text');
    const text = await runCli(['washes', path]);
    expect(text.stdout).toContain('Wash sales in the history: 3, 2 not yet recorded.');
    expect(text.stdout).toContain(`rebalance washes ${path} --fix --out`);
    const dry = await runCli(['washes', path, '--fix']);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing written.');
    expect(readFileSync(join(path, 'Sales.csv'), 'utf8')).toContain('OLD-AGG,0\n');
  });

  it('--fix --out records both, all at once; run again on the result it changes nothing', async () => {
    const path = edited('fix');
    const out = join(dir, 'fixed');
    const fixed = await runCli(['washes', path, '--fix', '--out', out]);
    expect(fixed.exitCode).toBe(0);
    expect(fixed.stdout).toContain('Recording 2 wash sales ($307.00 disallowed, $240.00 of it permanently)');
    const sales = readFileSync(join(out, 'Sales.csv'), 'utf8');
    expect(sales).toContain('2026-10-30,Taxable Brokerage,IEMG,300,17460,19470,2025-07-22,TX-IEMG-2025,67');
    expect(sales).toContain('2026-11-10,Old Brokerage,AGG,50,5000,5600,2025-01-15,OLD-AGG,240');
    const lots = readFileSync(join(out, 'Lots.csv'), 'utf8');
    expect(lots).toContain('Taxable Brokerage,IEMG,10,642,2026-11-12,TX-IEMG-DRIP,2025-08-04');
    expect(lots).toContain('Roth IRA,AGG,20,2008,2026-11-18,R-AGG,');
    expect(readFileSync(join(out, 'Journal.csv'), 'utf8')).toMatch(/WASH-\d+,recorded,2026-11-20,"2 wash sales recorded/);
    const again = await runCli(['washes', out, '--fix', '--out', join(dir, 'again')]);
    expect(again.stdout).toBe('Every wash sale in the history is already recorded: nothing to change.');
    expect(existsSync(join(dir, 'again'))).toBe(false);
    const json = JSON.parse((await runCli(['washes', out, '--json'])).stdout) as { washes: { recorded: boolean }[] };
    expect(json.washes.map((w) => w.recorded)).toEqual([true, true, true]);
  });

  it('--json --fix --out: the recorded wash sales as JSON', async () => {
    const result = await runCli(['washes', edited('jsonfix'), '--json', '--fix', '--out', join(dir, 'jsonfixed')]);
    expect(result.exitCode).toBe(0);
    const { washes } = JSON.parse(result.stdout) as { washes: { ticker: string; recorded: boolean }[] };
    expect(washes.map((w) => [w.ticker, w.recorded])).toEqual([['IEMG', false], ['AGG', false]]);
    expect(existsSync(join(dir, 'jsonfixed', 'Sales.csv'))).toBe(true);
  });

  it('usage mistakes: no workbook, --out without --fix, --out without a path', async () => {
    expect((await runCli(['washes', EXAMPLE_DIR, '--fix', '--out'])).stderr).toContain('--out needs a value: <folder | file.xlsx>');
    expect((await runCli(['washes'])).exitCode).toBe(2);
    const noFix = await runCli(['washes', EXAMPLE_DIR, '--out', join(dir, 'x')]);
    expect(noFix.exitCode).toBe(2);
    expect(noFix.stderr).toContain('--out is for --fix');
  });
});
