import type { Account, Lot, Sale } from '../engine/types';
import { purchaseId } from '../engine/wash-sales';
import { mergeIntoTab } from './merge-into-tab';
import { ACCOUNT_COLUMNS } from './read-accounts';
import { LOT_COLUMNS } from './read-lots';
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
 * name, and sales by position (recording only appends).
 */
export function recordedTabs(
  existing: { lots: Grid | null; sales: Grid | null; accounts: Grid | null },
  result: { lots: readonly Lot[]; sales: readonly Sale[]; accounts: readonly Account[] },
): RecordedTabs {
  return {
    lots: mergeIntoTab(existing.lots, lotsToRows(result.lots), { specs: LOT_COLUMNS, key: 'Lot', origin: purchaseId }),
    sales: mergeIntoTab(existing.sales, salesToRows(result.sales), { specs: SALE_COLUMNS, key: null }),
    accounts: mergeIntoTab(existing.accounts, accountsToRows(result.accounts), { specs: ACCOUNT_COLUMNS, key: 'Account' }),
  };
}
