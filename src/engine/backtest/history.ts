import type { Decimal } from '../money';
import type { ReturnsTable } from './returns-csv';
import type { Period, Scenario } from './types';

/** The columns of `data/us-annual-returns.csv` an asset can follow. */
export const HISTORY_SERIES = {
  sp500: 'sp500_total_return',
  tbond: 'tbond_10y_total_return',
  baa: 'baa_corp_bond_total_return',
  tbill: 'tbill_3m',
} as const;
export type HistorySeries = keyof typeof HISTORY_SERIES;

/**
 * Which history an asset class follows, by its name: corporate or credit -> Baa corporate
 * bonds; cash or money market -> 3-month T-bills; bond, treasury, TIPS or government -> 10-year
 * Treasury; anything else -> S&P 500. Corporate is tested before bond, so "Corporate Bonds" is Baa.
 * A crude proxy on purpose (TIPS are not Treasuries, small caps are not the S&P 500): the
 * mapping is printed with every result so nobody mistakes it for more.
 */
export function seriesForAssetClass(name: string): HistorySeries {
  const n = name.toLowerCase();
  if (/\b(corporate|corp|credit)\b/.test(n)) return 'baa';
  if (/\b(cash|money ?market)\b/.test(n)) return 'tbill';
  if (/\b(bonds?|treasur(y|ies)|tips|gov|govt|government)\b/.test(n)) return 'tbond';
  return 'sp500';
}

/** A scenario of the table's years `from` through `to` (inclusive), each asset following its series. */
export function historicalScenario(
  table: ReturnsTable,
  assetSeries: Readonly<Record<string, HistorySeries>>,
  from: number,
  to: number,
): Scenario {
  const periods: Period[] = table.rows
    .filter((row) => row.year >= from && row.year <= to)
    .map((row) => {
      const returns: Record<string, Decimal> = {};
      for (const [asset, series] of Object.entries(assetSeries)) returns[asset] = row.returns[HISTORY_SERIES[series]];
      return { label: String(row.year), returns };
    });
  return { label: `${from}-${to}`, periodsPerYear: 1, periods };
}

/** Every run of `years` consecutive years in [firstYear, lastYear]: 1928-2025 has 89 ten-year windows. */
export function rollingWindows(firstYear: number, lastYear: number, years: number): { from: number; to: number }[] {
  const windows: { from: number; to: number }[] = [];
  for (let from = firstYear; from + years - 1 <= lastYear; from += 1) windows.push({ from, to: from + years - 1 });
  return windows;
}
