import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnnualReturns } from '../../src/engine/backtest/returns-csv';
import { historicalScenario, rollingWindows, seriesForAssetClass } from '../../src/engine/backtest/history';
import { runBacktestRequest } from '../../src/engine/backtest/backtest-request';
import { DEFAULT_POLICY_CONFIG } from '../../src/engine/backtest/policies';
import { dec } from '../../src/engine/money';
import { backtestCommand } from '../../src/cli/commands/backtest';
import { mix, NO_TAX } from './helpers';

const text = readFileSync(new URL('../../data/us-annual-returns.csv', import.meta.url), 'utf8');
const parsed = parseAnnualReturns(text);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const table = parsed.table;

describe('the returns file', () => {
  it('has 98 years, 1928-2025, with the five series', () => {
    expect(table.rows).toHaveLength(98);
    expect(table.rows[0].year).toBe(1928);
    expect(table.rows[97].year).toBe(2025);
    expect(table.columns).toEqual(['sp500_total_return', 'tbill_3m', 'tbond_10y_total_return', 'baa_corp_bond_total_return', 'cpi_inflation']);
    expect(table.rows[0].returns.sp500_total_return.toFixed()).toBe('0.438112');
  });

  it('reports bad lines by number', () => {
    const bad = parseAnnualReturns('year,a\n2000,0.1\n2002,x\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual(['Line 3: year 2002 does not follow 2000.', 'Line 3, column a: "x" is not a number.']);
  });
});

describe('rolling windows', () => {
  it('1928-2025 has 89 ten-year windows, from 1928-1937 to 2016-2025', () => {
    const windows = rollingWindows(1928, 2025, 10);
    expect(windows).toHaveLength(89);
    expect(windows[0]).toEqual({ from: 1928, to: 1937 });
    expect(windows[88]).toEqual({ from: 2016, to: 2025 });
    expect(rollingWindows(1928, 2025, 98)).toHaveLength(1);
    expect(rollingWindows(1928, 2025, 99)).toHaveLength(0);
  });

  it('a window scenario takes the mapped columns of its years', () => {
    const s = historicalScenario(table, { stocks: 'sp500', cash: 'tbill' }, 2024, 2025);
    expect(s.periods.map((p) => p.label)).toEqual(['2024', '2025']);
    expect(s.periods[0].returns.stocks.toFixed()).toBe('0.248786');
    expect(s.periods[1].returns.cash.toFixed()).toBe('0.0421');
  });

  it('runs every window for each policy and summarizes the spread', () => {
    const outcome = runBacktestRequest({
      mix: mix({ stocks: '0.7', bonds: '0.3' }),
      startValue: dec(100000),
      policies: ['never', 'annual'],
      policyConfig: DEFAULT_POLICY_CONFIG,
      tax: NO_TAX,
      cashFlowPerPeriod: null,
      source: { kind: 'windows', table, series: { stocks: 'sp500', bonds: 'tbond' }, years: 10 },
    });
    if (!outcome.ok || outcome.report.kind !== 'distribution') throw new Error('expected a distribution');
    const [never, annual] = outcome.report.summaries;
    expect(outcome.report.runs).toBe(89);
    expect(never.runs).toBe(89);
    expect(never.endingValue.p10.lessThan(never.endingValue.median)).toBe(true);
    expect(never.endingValue.median.lessThan(never.endingValue.p90)).toBe(true);
    // The numbers, worked out here from the table: never rebalanced, $70,000 in stocks and
    // $30,000 in bonds grow by their own returns over each 10-year window (1928-1937 through
    // 2016-2025); percentiles by linear interpolation between closest ranks (type 7).
    const grow = (from: number, column: string) =>
      table.rows.filter((r) => r.year >= from && r.year < from + 10).reduce((acc, r) => acc.times(dec(1).plus(r.returns[column])), dec(1));
    const endings = Array.from({ length: 89 }, (_, i) => grow(1928 + i, 'sp500_total_return').times(70000).plus(grow(1928 + i, 'tbond_10y_total_return').times(30000)));
    const sorted = endings.sort((a, b) => a.comparedTo(b));
    const type7 = (p: number) => {
      const h = dec(88).times(p);
      const lo = h.floor().toNumber();
      return sorted[lo].plus(sorted[Math.min(lo + 1, 88)].minus(sorted[lo]).times(h.minus(lo)));
    };
    const cents = (x: { toFixed(n: number): string }) => x.toFixed(2);
    expect([never.endingValue.p10, never.endingValue.median, never.endingValue.p90].map(cents)).toEqual([type7(0.1), type7(0.5), type7(0.9)].map(cents));
    expect(annual.rebalances.median.toFixed()).toBe('10');
    expect(outcome.report.notes.some((n) => n.startsWith('Annual data cannot show intra-year drift'))).toBe(true);
  });
});

describe('asset-class mapping by name', () => {
  it.each([
    ['US Stocks', 'sp500'],
    ['International', 'sp500'],
    ['Bonds', 'tbond'],
    ['TIPS', 'tbond'],
    ['US Treasury', 'tbond'],
    ['Gov Bonds', 'tbond'],
    ['Corporate Bonds', 'baa'],
    ['Credit', 'baa'],
    ['Cash', 'tbill'],
    ['Money Market', 'tbill'],
  ])('%s follows %s', (name, series) => {
    expect(seriesForAssetClass(name)).toBe(series);
  });

  it('the CLI states the mapping for a workbook', async () => {
    const out = await backtestCommand(['book.xlsx', '--years', '5', '--json'], {
      readFile: () => text,
      loadHousehold: async () => ({
        classes: [
          { name: 'US <Stocks>', target: dec('0.6'), band: null, absBand: null },
          { name: 'Corporate Bonds', target: dec('0.3'), band: null, absBand: null },
          { name: 'Cash', target: dec('0.1'), band: null, absBand: null },
        ],
      }),
    });
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout) as { scenario: string; notes: string[] };
    expect(json.scenario).toBe('2021-2025');
    expect(json.notes[0]).toBe(
      "Asset mapping: US <Stocks> -> S&P 500 total return (sp500_total_return); Corporate Bonds -> Moody's Baa corporate bond total return (baa_corp_bond_total_return); Cash -> 3-month Treasury bill (tbill_3m).",
    );
  });
});
