/**
 * Fidelity "Realized_Gain_Loss_Account_XXXXXXXX.csv" (Accounts & Trade ▸ Portfolio ▸ a taxable
 * account ▸ Closed Positions ▸ Download):
 *
 *   Symbol(CUSIP),Security Description,Quantity,Date Acquired,Date Sold,Proceeds,Cost Basis,
 *   Short Term Gain/Loss,Long Term Gain/Loss
 *   VEA(921943858),VANGUARD FTSE DEVELOPED MARKETS ETF,100,03/02/2026,04/10/2026,"$5,210.00","$5,400.00",-$190.00,
 *
 * Layout from the description and open-portfolio's FINporterFido (FidoSales.swift reads
 * "Realized_Gain_Loss_Account_*.csv" from Closed Positions, the account number only in the file
 * name). Some downloads add a wash-sale column ("Wash Sale Loss Disallowed"); it is read when
 * present. A lot bought in several purchases shows Date Acquired `VARIOUS`: read as unknown.
 */
import type { BrokerFormat } from '../format';
import { findHeader, firstCell, blankRow, Problems, RowCells, type ColumnDef } from '../table';
import { saleCells } from '../read-rows';
import { emptyFile } from '../types';
import { cleanTicker } from '../cells';
import { isSummaryText, isTickerLike } from '../skip-rows';

const COLUMNS: readonly ColumnDef[] = [
  { key: 'ticker', names: ['Symbol(CUSIP)', 'Symbol (CUSIP)'], required: true },
  { key: 'shares', names: ['Quantity'], required: true },
  { key: 'acquired', names: ['Date Acquired'], required: true },
  { key: 'sold', names: ['Date Sold'], required: true },
  { key: 'proceeds', names: ['Proceeds'], required: true },
  { key: 'basis', names: ['Cost Basis'], required: true },
  { key: 'disallowed', names: ['Wash Sale Loss Disallowed', 'Wash Sale Disallowed', 'Disallowed Loss'] },
];

const ACCOUNT_LINE = /\baccount\b[^A-Z0-9]*(?:number|no\.?|#)?[^A-Z0-9]*([A-Z]?\d{6,9}|X{2,}[-\d]+)/i;

export const fidelityRealized: BrokerFormat = {
  id: 'fidelity-realized',
  label: 'Fidelity Realized Gain/Loss',
  download: 'Fidelity: Accounts & Trade ▸ Portfolio ▸ (taxable account) ▸ Closed Positions ▸ Download',
  detect: (rows) => findHeader(rows.slice(0, 10), COLUMNS) !== null,
  parse(rows, file) {
    const out = emptyFile(file, 'fidelity-realized', this.label);
    const problems = new Problems(file);
    const header = findHeader(rows, COLUMNS)!;
    for (const row of rows.slice(0, header.index)) {
      const m = ACCOUNT_LINE.exec(row.join(' '));
      if (m) out.account = m[1];
    }
    let various = 0;
    for (let j = header.index + 1; j < rows.length; j++) {
      const row = rows[j];
      if (blankRow(row) || isSummaryText(firstCell(row))) continue;
      const r = new RowCells(row, header, j + 1, problems);
      const ticker = cleanTicker(r.text('ticker'));
      if (r.empty('shares') && r.empty('sold')) continue; // legal text under the data
      if (!isTickerLike(ticker)) continue;
      const isVarious = /^various$/i.test(r.text('acquired'));
      if (isVarious) various++;
      const acquired = isVarious ? null : r.date('acquired');
      const date = r.date('sold', 'the date sold as MM/DD/YYYY');
      const sale = saleCells(r, ticker, date, acquired, j + 1);
      if (sale) out.sales.push(sale);
    }
    if (various > 0) out.warnings.push(`${file}: ${various} sale${various === 1 ? '' : 's'} show Date Acquired "VARIOUS"; imported without an acquisition date.`);
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
