/**
 * Any other broker: a CSV with a header row naming, in any order, a ticker, shares, a cost basis
 * (or cost per share) and a date acquired for lots, plus a date sold and proceeds for sales.
 * Headers are matched by their usual names (Symbol, Quantity, Cost Basis, Date Acquired, ...)
 * or by the user's own, given once in Settings' `Import Columns` (`Ticker=Sym; Shares=Units`).
 * Lines above the header (a preamble) and totals or cash rows below the data are skipped.
 */
import type { BrokerFormat } from '../format';
import { findHeader, Problems, RowCells, type ColumnDef } from '../table';
import { emptyFile, type ColumnMapping } from '../types';
import { accountAbove, readLotRows, readSaleRows } from '../read-rows';

function defs(mapping: ColumnMapping | undefined, sales: boolean): ColumnDef[] {
  const names = (field: keyof ColumnMapping, usual: string[]) => (mapping?.[field] ? [mapping[field]!, ...usual] : usual);
  const common: ColumnDef[] = [
    { key: 'ticker', names: names('ticker', ['Ticker', 'Symbol', 'Security']), required: true },
    { key: 'shares', names: names('shares', ['Shares', 'Quantity', 'Qty', 'Units']), required: true },
    { key: 'acquired', names: names('acquired', ['Acquired', 'Date Acquired', 'Acquired Date', 'Open Date', 'Opened Date', 'Purchase Date', 'Trade Date']), required: !sales },
    { key: 'basis', names: names('basis', ['Cost Basis', 'Basis', 'Total Cost', 'Cost']) },
    { key: 'costPerShare', names: names('costPerShare', ['Cost/Share', 'Cost Per Share', 'Unit Cost', 'Price Paid']) },
    { key: 'price', names: names('price', ['Price', 'Last Price', 'Current Price']) },
    { key: 'account', names: names('account', ['Account', 'Account Number']) },
  ];
  if (!sales) return common;
  return [
    ...common,
    { key: 'sold', names: names('sold', ['Date Sold', 'Sold', 'Sale Date', 'Closed Date']), required: true },
    { key: 'proceeds', names: names('proceeds', ['Proceeds', 'Total Proceeds']), required: true },
    { key: 'disallowed', names: names('disallowed', ['Disallowed', 'Disallowed Loss', 'Wash Sale Loss Disallowed', 'Wash Sale Disallowed']) },
  ];
}

export const generic: BrokerFormat = {
  id: 'generic',
  label: 'generic CSV',
  download: 'any other broker: a CSV with Symbol, Quantity, Cost Basis and Date Acquired columns (Date Sold and Proceeds for sales); name your own headers in Settings, e.g. Import Columns = "Ticker=Sym; Shares=Units"',
  detect: (rows, options) => findHeader(rows.slice(0, 20), defs(options.mapping, true)) !== null || findHeader(rows.slice(0, 20), defs(options.mapping, false)) !== null,
  parse(rows, file, options) {
    const problems = new Problems(file);
    const salesHeader = findHeader(rows, defs(options.mapping, true));
    const header = salesHeader ?? findHeader(rows, defs(options.mapping, false));
    const out = emptyFile(file, 'generic', salesHeader ? 'generic CSV (sales)' : 'generic CSV (lots)');
    if (!header) {
      const wanted = 'Ticker (or Symbol), Shares (or Quantity), Acquired (or Date Acquired), and Cost Basis or Cost/Share';
      return { ok: false, errors: [`${file}: found no header row with ${wanted}; name your columns in Settings' Import Columns (e.g. "Ticker=Sym; Shares=Units; Acquired=Bought")`] };
    }
    if (!header.columns.has('basis') && !header.columns.has('costPerShare')) {
      return { ok: false, errors: [`${file}, line ${header.index + 1}: found no Cost Basis (or Cost/Share) column; expected one in the header`] };
    }
    if (header.columns.has('account')) {
      const accounts = new Set<string>();
      for (let j = header.index + 1; j < rows.length; j++) {
        const value = new RowCells(rows[j], header, j + 1, problems).text('account');
        if (value !== '') accounts.add(value);
      }
      if (accounts.size > 1) return { ok: false, errors: [`${file}: found ${accounts.size} accounts (${[...accounts].slice(0, 4).join(', ')}); expected one account a file`] };
      out.account = [...accounts][0] ?? null;
    } else out.account = accountAbove(rows, header.index);
    if (salesHeader) readSaleRows(rows, header, problems, out);
    else readLotRows(rows, header, problems, out);
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
