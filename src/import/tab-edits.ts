/**
 * Writing an import into the tabs the user laid out, touching as little as possible: every row
 * of a lot the import does not replace stays exactly as it is (its text, its number format, its
 * notes), a lot the broker states unchanged keeps its row too, a changed lot gets new values in
 * its own row (the user's columns kept), and new lots take the place of their ticker's old rows.
 * Sales rows are only appended. A column the rows need and the tab lacks is added at the right.
 */
import type { Lot, Sale } from '../engine/types';
import { toPlain } from '../engine/money';
import { headerLookup, headerText, type ColumnSpec } from '../workbook/headers';
import { LOT_COLUMNS, lotRows } from '../workbook/read-lots';
import type { DateCells } from '../workbook/cells';
import { SALE_COLUMNS } from '../workbook/read-sales';
import { LOT_HEADERS, SALE_HEADERS } from '../workbook/write-tabs';
import type { FreshLot } from './merge';

type Grid = readonly (readonly unknown[])[];
type Values = Record<string, string>;

interface Layout {
  rows: unknown[][];
  headerIndex: number;
  /** Column of each spec key. */
  at: Map<string, number>;
}

function layout(grid: Grid | null, specs: readonly ColumnSpec[], canonical: readonly string[]): Layout {
  const rows = (grid ?? []).map((r) => [...r]);
  let headerIndex = rows.findIndex((r) => r.some((c) => headerText(c) !== ''));
  if (headerIndex < 0) {
    rows.length = 0;
    rows.push([...canonical]);
    headerIndex = 0;
  }
  const lookup = headerLookup(specs);
  const at = new Map<string, number>();
  rows[headerIndex].forEach((c, i) => {
    const spec = lookup(headerText(c));
    if (spec && !at.has(spec.key)) at.set(spec.key, i);
  });
  return { rows, headerIndex, at };
}

/** Puts values into a row by key, adding a missing column (with its canonical header) at the right. */
function put(l: Layout, row: unknown[], values: Values, specs: readonly ColumnSpec[]): void {
  for (const [key, value] of Object.entries(values)) {
    let col = l.at.get(key);
    if (col === undefined) {
      if (value === '') continue;
      col = Math.max(...l.rows.map((r) => r.length), 0);
      l.rows[l.headerIndex][col] = specs.find((s) => s.key === key)!.header;
      l.at.set(key, col);
    }
    while (row.length <= col) row.push('');
    row[col] = value;
  }
}

function lotValues(l: Layout, lot: Lot, withId: boolean): Values {
  const values: Values = { account: lot.account, ticker: lot.ticker, shares: toPlain(lot.shares), acquired: lot.acquired, holdingFrom: lot.holdingFrom ?? '' };
  // A tab that keeps cost per share (and no total) gets cost per share: the reader multiplies back.
  if (l.at.has('basis') || !l.at.has('costPerShare')) {
    values.basis = toPlain(lot.basis);
    if (l.at.has('costPerShare')) values.costPerShare = ''; // a stale per-share cost would contradict it
  } else values.costPerShare = toPlain(lot.basis.dividedBy(lot.shares));
  if (withId) values.lot = lot.id;
  return values;
}

/** The sheet row (index into the grid) of an old lot, by the id the reader gave it (`rows`: lotRows). */
function rowOf(rows: ReadonlyMap<string, number>, lot: Lot): number {
  const row = rows.get(lot.id);
  return row === undefined ? -1 : row - 1;
}

export function lotsTabAfterImport(grid: Grid | null, replacements: readonly { old: readonly Lot[]; fresh: readonly FreshLot[] }[], dateCells: DateCells): unknown[][] {
  const l = layout(grid, LOT_COLUMNS, LOT_HEADERS);
  const ids = lotRows(grid as unknown[][] | null, dateCells);
  const rowOfLot = (lot: Lot) => rowOf(ids, lot);
  const insertAt = new Map<number, unknown[][]>();
  const drop = new Set<number>();
  const appended: unknown[][] = [];
  for (const { old, fresh } of replacements) {
    const oldRows = old.map(rowOfLot).filter((r) => r > l.headerIndex);
    oldRows.forEach((r) => drop.add(r));
    const rows = fresh.map((f) => {
      const origin = f.origin ? rowOfLot(f.origin) : -1;
      if (f.unchanged && origin > l.headerIndex) return [...l.rows[origin]];
      const row = origin > l.headerIndex ? [...l.rows[origin]] : [];
      // A new lot gets its id written; a changed one keeps the id cell it had.
      put(l, row, lotValues(l, f.lot, origin <= l.headerIndex), LOT_COLUMNS);
      return row;
    });
    if (oldRows.length > 0) insertAt.set(Math.min(...oldRows), rows);
    else appended.push(...rows);
  }
  const out: unknown[][] = [];
  l.rows.forEach((row, i) => {
    const inserted = insertAt.get(i);
    if (inserted) out.push(...inserted);
    if (!drop.has(i)) out.push(row);
  });
  // New tickers go after the last row with anything in it.
  let last = out.length;
  while (last > l.headerIndex + 1 && out[last - 1].every((c) => String(c ?? '').trim() === '')) last--;
  out.splice(last, 0, ...appended);
  return square(out);
}

export function salesTabAfterImport(grid: Grid | null, added: readonly Sale[]): unknown[][] {
  const l = layout(grid, SALE_COLUMNS, SALE_HEADERS);
  let last = l.rows.length;
  while (last > l.headerIndex + 1 && l.rows[last - 1].every((c) => String(c ?? '').trim() === '')) last--;
  const rows = added.map((s) => {
    const row: unknown[] = [];
    put(l, row, {
      date: s.date,
      account: s.account,
      ticker: s.ticker,
      shares: toPlain(s.shares),
      proceeds: toPlain(s.proceeds),
      basis: toPlain(s.basis),
      acquired: s.acquired ?? '',
      disallowed: s.disallowed.isZero() ? (l.at.has('disallowed') ? '0' : '') : toPlain(s.disallowed),
    }, SALE_COLUMNS);
    return row;
  });
  l.rows.splice(last, 0, ...rows);
  return square(l.rows);
}

/** Every row as wide as the widest (a write needs a rectangle). */
function square(rows: unknown[][]): unknown[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<unknown>(width - r.length).fill('')]);
}
