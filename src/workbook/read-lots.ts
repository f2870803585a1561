import type { Lot } from '../engine/types';
import { shortLotId } from '../engine/lots/short-lot-id';
import type { Decimal } from '../engine/money';
import type { IsoDate } from '../engine/dates';
import type { IssueLog } from './issues';
import type { DateCells } from './cells';
import type { ColumnSpec } from './headers';
import { readTable, type Located, type TabRead } from './table';
import { rowReader, tabContext, type RowReader } from './fields';
import { issueLog } from './issues';

export const LOTS_TAB = 'Lots';

export const LOT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'account', header: 'Account', required: true },
  { key: 'ticker', header: 'Ticker', aliases: ['Symbol'], required: true },
  { key: 'shares', header: 'Shares', aliases: ['Quantity', 'Qty'], required: true },
  { key: 'basis', header: 'Cost Basis', aliases: ['Basis', 'Total Cost'] },
  { key: 'costPerShare', header: 'Cost/Share', aliases: ['Cost per Share', 'Unit Cost'] },
  { key: 'acquired', header: 'Acquired', aliases: ['Date Acquired', 'Acquired Date', 'Purchase Date'], required: true },
  { key: 'lot', header: 'Lot', aliases: ['Lot ID'] },
  { key: 'holdingFrom', header: 'Holding From', aliases: ['Holding Period From'] },
];

export const SHARES_EXPECTED = 'a number of shares greater than 0';
const BASIS_EXPECTED = 'a total cost basis in dollars (0 or more)';

/** A date that must not lie after the as-of date (a lot bought "in the future" is a typo). */
export function notAfter(r: RowReader, key: string, date: IsoDate | null, asOf: IsoDate | null, what: string): void {
  if (date !== null && asOf !== null && date > asOf) {
    r.error(key, `found ${date}, after the as-of date ${asOf}; expected ${what} on or before ${asOf}`);
  }
}

/** Total basis from `Cost Basis`, or `Cost/Share` times shares when that is what the row has. */
function readBasis(r: RowReader, shares: Decimal | null): Decimal | null {
  if (r.has('basis') && (!r.blank('basis') || !r.has('costPerShare') || r.blank('costPerShare'))) {
    return r.number('basis', BASIS_EXPECTED, 'nonnegative', true);
  }
  const perShare = r.number('costPerShare', 'a cost per share in dollars (0 or more)', 'nonnegative', true);
  return perShare === null || shares === null ? null : perShare.times(shares);
}

export function readLots(
  grid: readonly unknown[][],
  log: IssueLog,
  dateCells: DateCells,
  asOf: IsoDate | null,
): TabRead<Lot> | null {
  const table = readTable(LOTS_TAB, grid, LOT_COLUMNS, log);
  if (!table) return null;
  if (!table.columns.has('basis') && !table.columns.has('costPerShare')) {
    log.error(
      { tab: LOTS_TAB, row: table.headerRow, column: 'Cost Basis' },
      'found no Cost Basis (or Cost/Share) column; expected one in the header row',
    );
    return null;
  }
  const ctx = tabContext(table, log, dateCells, LOT_COLUMNS);
  const items: Located<Lot>[] = [];
  const firstRow = new Map<string, number>();
  // Rows with a blank Lot cell get a short made-up id (TB-VOO-2021a) once every typed id is
  // known, so a made-up id never takes one the user typed further down.
  const untyped: Located<Lot>[] = [];

  for (const dataRow of table.rows) {
    const r = rowReader(ctx, dataRow);
    const account = r.text('account', 'an account listed on Accounts', true);
    const ticker = r.text('ticker', 'a ticker listed on Securities', true)?.toUpperCase() ?? null;
    const shares = r.number('shares', SHARES_EXPECTED, 'positive', true);
    const basis = readBasis(r, shares);
    const acquired = r.date('acquired', 'an acquisition date', true);
    notAfter(r, 'acquired', acquired, asOf, 'an acquisition date');
    const holdingFrom = r.date('holdingFrom', 'a holding-period start date');
    notAfter(r, 'holdingFrom', holdingFrom, asOf, 'a holding-period start date');
    const idText = r.text('lot', 'a lot id');
    if (r.failed || account === null || ticker === null || shares === null || basis === null || acquired === null) continue;
    if (!idText) {
      untyped.push({ row: r.row, value: { id: '', account, ticker, shares, basis, acquired, holdingFrom } });
      continue;
    }
    const id = idText;
    const seen = firstRow.get(id);
    if (seen !== undefined) {
      r.error('lot', `found lot id "${id}" again; expected each lot id once (first on row ${seen})`);
      continue;
    }
    firstRow.set(id, r.row);
    items.push({ row: r.row, value: { id, account, ticker, shares, basis, acquired, holdingFrom } });
  }
  const used = new Set(firstRow.keys());
  for (const item of untyped) item.value.id = shortLotId(item.value, used);
  items.push(...untyped);
  items.sort((a, b) => a.row - b.row);
  return { table, items, names: new Map() };
}

/**
 * The sheet row (1-based) of each lot id the Lots grid reads as, made-up ids included: a lot
 * with a blank Lot cell is found by the id the reader gave it, so a writer can put a changed lot
 * back in its own row.
 */
export function lotRows(grid: readonly unknown[][] | null, dateCells: DateCells): Map<string, number> {
  const read = grid ? readLots(grid, issueLog(), dateCells, null) : null;
  return new Map((read?.items ?? []).map((item) => [item.value.id, item.row]));
}
