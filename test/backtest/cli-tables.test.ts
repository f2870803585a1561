import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { backtestCommand, type BacktestIo } from '../../src/cli/commands/backtest';
import type { SimulatedHousehold } from '../../src/engine/tax';
import { COUPLE } from './helpers';

/** `rebalance backtest <workbook>` with a workbook whose Settings set Filing Status. */
function io(tax: SimulatedHousehold | undefined): BacktestIo {
  return {
    readFile: (p) => readFileSync(p, 'utf8'),
    dataPath: 'data/us-annual-returns.csv',
    loadHousehold: async () => ({
      classes: [
        { name: 'US Stocks', target: dec('0.6'), band: null, absBand: null },
        { name: 'US Bonds', target: dec('0.4'), band: null, absBand: null },
      ],
      tax,
    }),
  };
}

describe('rebalance backtest <workbook> with Filing Status', () => {
  it('prices the simulated years with the tables and says so; --tax-rates asks for the flat rates instead', async () => {
    const tables = await backtestCommand(['wb', '--taxable', '--years', '5', '--policy', 'annual', '--json'], io(COUPLE));
    expect(tables.exitCode).toBe(0);
    const t = JSON.parse(tables.stdout);
    expect(t.tax).toMatchObject({ taxable: true, filingStatus: 'Married Filing Jointly', firstTaxYear: 2026 });
    expect(t.notes.join(' ')).toContain('2027-2030 use the 2026 table, the latest published');
    const flat = await backtestCommand(['wb', '--taxable', '--years', '5', '--policy', 'annual', '--json', '--tax-rates', '20%,37%'], io(COUPLE));
    const f = JSON.parse(flat.stdout);
    expect(f.tax.filingStatus).toBeUndefined();
    // The couple's 0% band leaves most of annual rebalancing's gains untaxed.
    expect(Number(t.results[0].taxesPaid)).toBeLessThan(Number(f.results[0].taxesPaid));
    const text = await backtestCommand(['wb', '--taxable', '--years', '5', '--policy', 'annual'], io(COUPLE));
    expect(text.stdout).toContain("Taxable account: the workbook's Filing Status (Married Filing Jointly)");
  });

  it('without Filing Status in the workbook, the flat rates as before', async () => {
    const out = await backtestCommand(['wb', '--taxable', '--years', '5', '--policy', 'annual'], io(undefined));
    expect(out.stdout).toContain('Taxable account: long-term 20.0%, short-term 37.0%');
  });
});
