import type { Sale } from '../engine/types';
import { ZERO } from '../engine/money';
import type { IsoDate } from '../engine/dates';
import type { IssueLog } from './issues';
import type { DateCells } from './cells';
import type { ColumnSpec } from './headers';
import { readTable, type Located, type TabRead } from './table';
import { rowReader, tabContext } from './fields';
import { notAfter, SHARES_EXPECTED } from './read-lots';

export const SALES_TAB = 'Sales';

export const SALE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'date', header: 'Date', aliases: ['Sale Date', 'Sold'], required: true },
  { key: 'account', header: 'Account', required: true },
  { key: 'ticker', header: 'Ticker', aliases: ['Symbol'], required: true },
  { key: 'shares', header: 'Shares', aliases: ['Quantity', 'Qty'], required: true },
  { key: 'proceeds', header: 'Proceeds', required: true },
  { key: 'basis', header: 'Cost Basis', aliases: ['Basis'], required: true },
  { key: 'acquired', header: 'Acquired', aliases: ['Date Acquired'] },
  { key: 'lot', header: 'Lot', aliases: ['Lot ID'] },
  { key: 'disallowed', header: 'Disallowed', aliases: ['Wash Sale Disallowed', 'Disallowed Loss'] },
];

export function readSales(
  grid: readonly unknown[][],
  log: IssueLog,
  dateCells: DateCells,
  asOf: IsoDate | null,
): TabRead<Sale> | null {
  const table = readTable(SALES_TAB, grid, SALE_COLUMNS, log);
  if (!table) return null;
  const ctx = tabContext(table, log, dateCells, SALE_COLUMNS);
  const items: Located<Sale>[] = [];
  for (const dataRow of table.rows) {
    const r = rowReader(ctx, dataRow);
    const date = r.date('date', 'the sale date', true);
    notAfter(r, 'date', date, asOf, 'a sale date');
    const account = r.text('account', 'the account the shares were sold in', true);
    const ticker = r.text('ticker', 'a ticker listed on Securities', true)?.toUpperCase() ?? null;
    const shares = r.number('shares', SHARES_EXPECTED, 'positive', true);
    const proceeds = r.number('proceeds', 'the sale proceeds in dollars (0 or more)', 'nonnegative', true);
    const basis = r.number('basis', 'the cost basis sold in dollars (0 or more)', 'nonnegative', true);
    const acquired = r.date('acquired', 'the sold shares\' acquisition date');
    // Shares cannot be sold before they were bought; a later date would also turn the sale's
    // holding period (and any wash-sale tacking, IRC 1223(3)) negative.
    if (acquired !== null && date !== null && acquired > date) {
      r.error('acquired', `found ${acquired}, after the sale date ${date}; expected the sold shares' acquisition date on or before ${date}`);
    }
    const lot = r.text('lot', 'a lot id') || null;
    // Pub. 550: a disallowed loss is an amount of loss, so it is written as a positive number.
    const disallowed = r.number('disallowed', 'the loss disallowed so far, in dollars (0 or more)', 'nonnegative') ?? ZERO;
    if (r.failed || date === null || account === null || ticker === null || shares === null) continue;
    if (proceeds === null || basis === null) continue;
    items.push({ row: r.row, value: { date, account, ticker, shares, proceeds, basis, acquired, lot, disallowed } });
  }
  return { table, items, names: new Map() };
}
