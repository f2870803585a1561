import type { Account } from '../engine/types';
import { ZERO, roundCents } from '../engine/money';
import type { IssueLog } from './issues';
import type { DateCells } from './cells';
import { normalizeHeader, type ColumnSpec } from './headers';
import { nameKey, readTable, type Located, type TabRead } from './table';
import { rowReader, tabContext } from './fields';
import { parseAccountType, splitTickers, TICKER, treatmentOf } from './account-types';
import { ACCOUNT_TYPES } from '../engine/types';

export const ACCOUNTS_TAB = 'Accounts';

export const ACCOUNT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'account', header: 'Account', aliases: ['Account Name', 'Name'], required: true },
  { key: 'type', header: 'Type', aliases: ['Account Type'], required: true },
  { key: 'cash', header: 'Cash' },
  { key: 'reserve', header: 'Reserve' },
  { key: 'withdraw', header: 'Withdraw', aliases: ['Withdrawal'] },
  { key: 'allowed', header: 'Allowed', aliases: ['Allowed Tickers', 'Menu'] },
  { key: 'fractional', header: 'Fractional', aliases: ['Fractional Shares'] },
  { key: 'drip', header: 'DRIP', aliases: ['Reinvest Dividends'] },
];

export function readAccounts(grid: readonly unknown[][], log: IssueLog, dateCells: DateCells): TabRead<Account> | null {
  const table = readTable(ACCOUNTS_TAB, grid, ACCOUNT_COLUMNS, log);
  if (!table) return null;
  const ctx = tabContext(table, log, dateCells, ACCOUNT_COLUMNS);
  const items: Located<Account>[] = [];
  const firstRow = new Map<string, number>();
  const names = new Map<string, string>();

  for (const dataRow of table.rows) {
    const r = rowReader(ctx, dataRow);
    const name = r.text('account', 'an account name', true);
    if (name !== null) {
      const seen = firstRow.get(nameKey(name));
      if (seen !== undefined) r.error('account', `found "${name}" again; expected each account name once (first on row ${seen})`);
      else {
        firstRow.set(nameKey(name), r.row);
        names.set(nameKey(name), name);
      }
    }
    const typeText = r.text('type', `an account type: ${ACCOUNT_TYPES.join(', ')}`, true);
    const type = typeText === null ? null : parseAccountType(typeText);
    if (typeText !== null && type === null) {
      r.error('type', `found "${typeText}"; expected an account type: ${ACCOUNT_TYPES.join(', ')}`);
    }
    // An account's dollars are whole cents (no broker holds a fraction of one), rounded half up as
    // they are read: a sub-cent Withdraw such as 5e-324 would ask for cash no trade can raise.
    const cash = roundCents(r.number('cash', 'an amount of cash in dollars (0 or more)', 'nonnegative') ?? ZERO);
    const reserve = roundCents(r.number('reserve', 'a cash reserve in dollars (0 or more)', 'nonnegative') ?? ZERO);
    const withdraw = roundCents(r.number('withdraw', 'an amount to withdraw in dollars (0 or more)', 'nonnegative') ?? ZERO);
    const allowedText = r.text('allowed', 'tickers separated by commas');
    let allowed: string[] | null = null;
    if (allowedText !== null && allowedText !== '') {
      allowed = splitTickers(allowedText);
      const bad = allowed.find((t) => !TICKER.test(t));
      if (bad) r.error('allowed', `found "${bad}"; expected tickers separated by commas, semicolons or spaces`);
    }
    const fractional = r.bool('fractional') ?? false;
    const drip = r.bool('drip') ?? false;
    if (r.failed || name === null || type === null) continue;
    items.push({
      row: r.row,
      value: { name, type, treatment: treatmentOf(type), cash, reserve, withdraw, allowed, fractional, drip },
    });
  }
  return { table, items, names };
}

/**
 * The optional `Broker ID` column: the account number as the broker's exports show it
 * (`XXXX-4321`, `Z00000000`, `U1234567`), used only to match an imported file to its account.
 * Read here rather than as one of ACCOUNT_COLUMNS so that recording a plan, which rewrites the
 * tab from the engine's accounts, keeps it as the user's own column instead of dropping it.
 * Returns account name -> Broker ID for the rows that have one.
 */
export const BROKER_ID_HEADERS = ['Broker ID', 'Broker Account', 'Account Number', 'Account No'];

export function readBrokerIds(grid: readonly (readonly unknown[])[] | null): Map<string, string> {
  const ids = new Map<string, string>();
  if (!grid) return ids;
  const headerIndex = grid.findIndex((row) => row.some((c) => String(c ?? '').trim() !== ''));
  if (headerIndex < 0) return ids;
  const header = grid[headerIndex].map((c) => normalizeHeader(String(c ?? '')));
  const accountNames = [ACCOUNT_COLUMNS[0].header, ...(ACCOUNT_COLUMNS[0].aliases ?? [])].map(normalizeHeader);
  const nameCol = header.findIndex((h) => accountNames.includes(h));
  const idCol = header.findIndex((h) => BROKER_ID_HEADERS.map(normalizeHeader).includes(h));
  if (nameCol < 0 || idCol < 0) return ids;
  for (const row of grid.slice(headerIndex + 1)) {
    const name = String(row[nameCol] ?? '').trim();
    const id = String(row[idCol] ?? '').trim();
    if (name !== '' && id !== '') ids.set(name, id);
  }
  return ids;
}
