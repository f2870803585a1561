/**
 * Schwab "Realized Gain/Loss - Lot Details" (Accounts ▸ Realized Gain/Loss ▸ Details ▸ Export):
 *
 *   "Realized Gain/Loss - Lot Details for XXXX-1234 as of Wed Sep 16  10:16:58 EDT 2026 from 06/16/2026 to 09/16/2026","",...
 *   "Symbol","Name","Closed Date","Opened Date","Quantity","Proceeds Per Share","Cost Per Share","Proceeds",
 *   "Cost Basis (CB)","Gain/Loss ($)","Gain/Loss (%)","Long Term Gain/Loss","Short Term Gain/Loss","Term",
 *   "Unadjusted Cost Basis","Wash Sale?","Disallowed Loss","Transaction Closed Date",...
 *   "TSLA","TESLA INC","06/06/2025","06/06/2025","500","$275.58","$279.47","$137,787.67","$139,733.65","-$1,945.98",...
 *
 * Layout from public test fixtures of this export (e.g. the samples in public Schwab parsers'
 * tests: a one-line preamble padded with "" cells, the 25-column header above, options rows
 * such as "AAPL 09/16/2026 337.50 C", `-$1,945.98` losses, an empty Disallowed Loss when none).
 */
import type { BrokerFormat } from '../format';
import { findHeader, firstCell, blankRow, Problems, RowCells, type ColumnDef } from '../table';
import { saleCells } from '../read-rows';
import { emptyFile } from '../types';
import { cleanTicker } from '../cells';
import { isSummaryText, isTickerLike } from '../skip-rows';

const PREAMBLE = /Lot Details for\s+(.+?)(?:\s+as of\b.*)?$/i;

const COLUMNS: readonly ColumnDef[] = [
  { key: 'ticker', names: ['Symbol'], required: true },
  { key: 'sold', names: ['Closed Date'], required: true },
  { key: 'acquired', names: ['Opened Date'], required: true },
  { key: 'shares', names: ['Quantity'], required: true },
  { key: 'proceeds', names: ['Proceeds'], required: true },
  { key: 'basis', names: ['Cost Basis (CB)', 'Cost Basis'], required: true },
  { key: 'wash', names: ['Wash Sale?', 'Wash Sale'] },
  { key: 'disallowed', names: ['Disallowed Loss'] },
];

export const schwabRealized: BrokerFormat = {
  id: 'schwab-realized',
  label: 'Schwab Realized Gain/Loss - Lot Details',
  download: 'Schwab: Accounts ▸ Realized Gain/Loss ▸ choose the dates ▸ Details view ▸ Export',
  detect: (rows) => findHeader(rows.slice(0, 20), COLUMNS) !== null,
  parse(rows, file) {
    const out = emptyFile(file, 'schwab-realized', this.label);
    const problems = new Problems(file);
    const header = findHeader(rows, COLUMNS)!;
    for (const row of rows.slice(0, header.index)) {
      const m = PREAMBLE.exec(firstCell(row));
      if (m) out.account = m[1].trim();
    }
    const options = new Set<string>();
    for (let j = header.index + 1; j < rows.length; j++) {
      const row = rows[j];
      if (blankRow(row) || isSummaryText(firstCell(row))) continue;
      const r = new RowCells(row, header, j + 1, problems);
      const ticker = cleanTicker(r.text('ticker'));
      if (!isTickerLike(ticker)) {
        options.add(r.text('ticker'));
        continue;
      }
      const date = r.date('sold', 'the closed date as MM/DD/YYYY');
      const acquired = r.date('acquired');
      const sale = saleCells(r, ticker, date, acquired, j + 1);
      if (sale) out.sales.push(sale);
    }
    if (options.size > 0) out.warnings.push(`${file}: ${options.size} row${options.size === 1 ? ' that is' : 's that are'} not a stock or fund (options?) ${options.size === 1 ? 'was' : 'were'} not imported: ${[...options].slice(0, 3).join('; ')}${options.size > 3 ? '; ...' : ''}.`);
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
