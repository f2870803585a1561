import { Decimal, dec } from '../../money';
import type { FilingStatus } from '../../types';
import type { TaxTableData } from './table-types';
import { TAX_TABLE_2025 } from './2025';
import { TAX_TABLE_2026 } from './2026';

/** The published tables, by tax year. Adding a year is adding its data file here. */
const TABLES: readonly TaxTableData[] = [TAX_TABLE_2025, TAX_TABLE_2026];

export interface Bracket {
  /** Taxable income above which `rate` applies. */
  over: Decimal;
  rate: Decimal;
}

/** One year's figures for one filing status, as Decimals. */
export interface StatusTable {
  year: number;
  status: FilingStatus;
  source: string;
  ordinary: Bracket[];
  zeroUpTo: Decimal;
  fifteenUpTo: Decimal;
  standardDeduction: Decimal;
}

export function taxYearsWithTables(): number[] {
  return TABLES.map((t) => t.year);
}

/** The year's table for a status; a year without a table is a clear error, never a guess. */
export function statusTable(year: number, status: FilingStatus): StatusTable {
  const data = TABLES.find((t) => t.year === year);
  if (!data) {
    throw new Error(`No federal tax table for ${year}: Filing Status uses the published tables, which exist for ${taxYearsWithTables().join(' and ')}. Set As Of in one of those years, or clear Filing Status to use the flat rates.`);
  }
  const cg = data.capitalGains[status];
  return {
    year,
    status,
    source: data.source,
    ordinary: data.ordinary[status].map((b) => ({ over: dec(b.over), rate: dec(b.rate).div(100) })),
    zeroUpTo: dec(cg.zeroUpTo),
    fifteenUpTo: dec(cg.fifteenUpTo),
    standardDeduction: dec(data.standardDeduction[status]),
  };
}
