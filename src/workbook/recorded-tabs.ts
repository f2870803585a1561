import type { Account, Lot, Sale } from '../engine/types';
import { purchaseId } from '../engine/wash-sales';
import { mergeIntoTab } from './merge-into-tab';
import { ACCOUNT_COLUMNS } from './read-accounts';
import { LOT_COLUMNS, lotRows } from './read-lots';
import type { DateCells } from './cells';
import { SALE_COLUMNS } from './read-sales';
import { accountsToRows, lotsToRows, salesToRows } from './write-tabs';

type Grid = readonly (readonly unknown[])[];

export interface RecordedTabs {
  lots: unknown[][];
  sales: unknown[][];
  accounts: unknown[][];
}

/**
 * The Lots, Sales and Accounts tabs after a recording, laid out as the user had them: lots tied
 * to their old rows by id (a part split off by a wash sale by the id it came from), accounts by
 * name, and sales by position (recording only appends). `dateCells`: how the source's date cells
 * read (Apps Script: local; an .xlsx: utc), for the short ids of lots with a blank Lot cell.
 */
export function recordedTabs(
  existing: { lots: Grid | null; sales: Grid | null; accounts: Grid | null },
  result: { lots: readonly Lot[]; sales: readonly Sale[]; accounts: readonly Account[] },
  dateCells: DateCells = 'local',
): RecordedTabs {
  // A lot whose Lot cell was blank is found by the row the reader gave its short id.
  const rows = lotRows(existing.lots as unknown[][] | null, dateCells);
  return {
    lots: mergeIntoTab(existing.lots, lotsToRows(result.lots), { specs: LOT_COLUMNS, key: 'Lot', origin: purchaseId, rowOf: (id) => rows.get(id) }),
    sales: mergeIntoTab(existing.sales, salesToRows(result.sales), { specs: SALE_COLUMNS, key: null }),
    accounts: mergeIntoTab(existing.accounts, accountsToRows(result.accounts), { specs: ACCOUNT_COLUMNS, key: 'Account' }),
  };
}
