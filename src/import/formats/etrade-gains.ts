/**
 * E*TRADE Gains & Losses (Portfolios ▸ Gains & Losses ▸ the tax year ▸ Download Expanded),
 * saved as CSV: one Summary row, then one row per lot sold, e.g.
 *
 *   Record Type,Symbol,Plan Type,Quantity,Date Acquired,Date Sold,Total Proceeds,Adjusted Cost Basis,Wash Sale Loss Disallowed,Gain/Loss,Capital Gains Status
 *   Summary,,,,,,"$5,210.00","$5,400.00",,"-$190.00",
 *   Sell,VEA,,100,03/02/2026,04/10/2026,"$5,210.00","$5,400.00",$0.00,-$190.00,Short Term
 *
 * Layout from public importers of the "G&L_Expanded" download (Record Type rows Summary/Sell,
 * Date Acquired and Date Sold, Total Proceeds and Adjusted Cost Basis); the wash-sale column is
 * read under any of its usual names when present.
 */
import type { BrokerFormat } from '../format';
import { findHeader, Problems, type ColumnDef } from '../table';
import { emptyFile } from '../types';
import { accountAbove, readSaleRows } from '../read-rows';

const COLUMNS: readonly ColumnDef[] = [
  { key: 'recordType', names: ['Record Type'], required: true },
  { key: 'ticker', names: ['Symbol'], required: true },
  { key: 'shares', names: ['Quantity', 'Qty.', 'Qty'], required: true },
  { key: 'acquired', names: ['Date Acquired'], required: true },
  { key: 'sold', names: ['Date Sold'], required: true },
  { key: 'proceeds', names: ['Total Proceeds', 'Proceeds'], required: true },
  { key: 'basis', names: ['Adjusted Cost Basis', 'Cost Basis'], required: true },
  { key: 'disallowed', names: ['Wash Sale Loss Disallowed', 'Wash Sale Adjustment', 'Disallowed Loss'] },
];

export const etradeGains: BrokerFormat = {
  id: 'etrade-gains',
  label: 'E*TRADE Gains & Losses',
  download: 'E*TRADE: Portfolios ▸ Gains & Losses ▸ (tax year) ▸ Download Expanded, saved as CSV',
  detect: (rows) => findHeader(rows.slice(0, 20), COLUMNS) !== null,
  parse(rows, file) {
    const out = emptyFile(file, 'etrade-gains', this.label);
    const problems = new Problems(file);
    const header = findHeader(rows, COLUMNS)!;
    out.account = accountAbove(rows, header.index);
    readSaleRows(rows, header, problems, out, (r) => !/^summary$/i.test(r.text('recordType')));
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
