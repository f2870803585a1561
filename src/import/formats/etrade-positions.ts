/**
 * E*TRADE portfolio download with lots expanded (Portfolios ▸ View: Lots / Positions with "Show
 * lots" ▸ Download), e.g.
 *
 *   Account Summary
 *   Account,Net Account Value,Total Gain $,Total Gain %,Day's Gain Unrealized $,...
 *   Individual Brokerage -1234,"$48,760.00",...
 *   (blank line)
 *   View Summary - All Positions
 *   Symbol,Date Acquired,Last Price $,Change $,Change %,Quantity,Price Paid $,Day's Gain $,Total Gain $,Total Gain %,Value $
 *   VTI,,318.40,1.20,0.38%,150,190.50,...
 *   ,03/04/2019,318.40,...,100,180.20,...
 *   CASH,,,,,,,,,,"5,000.00"
 *   TOTAL,,,,,,,,,,"53,760.00"
 *
 * Layout from the description (lot rows under their symbol) and E*TRADE's portfolio
 * download as public importers describe it (an "Account Summary" block above the positions,
 * `$`-suffixed headers, CASH and TOTAL rows). Basis is Price Paid times Quantity unless a total
 * cost column is present.
 */
import type { BrokerFormat } from '../format';
import { findHeader, Problems, type ColumnDef } from '../table';
import { emptyFile } from '../types';
import { readLotRows } from '../read-rows';

const COLUMNS: readonly ColumnDef[] = [
  { key: 'ticker', names: ['Symbol'], required: true },
  { key: 'acquired', names: ['Date Acquired', 'Acquired Date'], required: true },
  { key: 'shares', names: ['Quantity', 'Qty #', 'Qty'], required: true },
  { key: 'costPerShare', names: ['Price Paid $', 'Price Paid'], required: true },
  { key: 'basis', names: ['Cost Basis', 'Total Cost $', 'Total Cost'] },
  { key: 'price', names: ['Last Price $', 'Last Price'] },
];

const SUMMARY: readonly ColumnDef[] = [
  { key: 'account', names: ['Account'], required: true },
  { key: 'value', names: ['Net Account Value'], required: true },
];

export const etradePositions: BrokerFormat = {
  id: 'etrade-positions',
  label: 'E*TRADE positions (lots)',
  download: 'E*TRADE: Portfolios ▸ Positions, show lots ▸ Download',
  detect: (rows) => findHeader(rows.slice(0, 30), COLUMNS) !== null,
  parse(rows, file) {
    const out = emptyFile(file, 'etrade-positions', this.label);
    const problems = new Problems(file);
    const header = findHeader(rows, COLUMNS)!;
    const summary = findHeader(rows.slice(0, header.index), SUMMARY);
    if (summary) {
      const row = rows[summary.index + 1] ?? [];
      const cell = (row[summary.columns.get('account')!] ?? '').trim();
      out.account = /(-?\d{3,})\s*$/.exec(cell)?.[1]?.replace(/^-/, '') ?? (cell || null);
    }
    readLotRows(rows, header, problems, out);
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
