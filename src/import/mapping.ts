/**
 * The generic CSV's column mapping, as the user writes it once in Settings (`Import Columns`):
 * `Ticker=Sym; Shares=Units; Cost Basis=Total Paid; Acquired=Bought On`. Field names match like
 * headers (ignoring case, spaces and punctuation); an unknown field is an error naming it.
 */
import { normalizeHeader } from '../workbook/headers';
import type { ColumnMapping } from './types';

export const IMPORT_COLUMNS_SETTING = 'Import Columns';

const FIELDS: Record<string, keyof ColumnMapping> = {
  ticker: 'ticker',
  symbol: 'ticker',
  shares: 'shares',
  quantity: 'shares',
  costbasis: 'basis',
  basis: 'basis',
  costshare: 'costPerShare',
  costpershare: 'costPerShare',
  acquired: 'acquired',
  dateacquired: 'acquired',
  sold: 'sold',
  datesold: 'sold',
  date: 'sold',
  proceeds: 'proceeds',
  disallowed: 'disallowed',
  price: 'price',
  account: 'account',
};

export function parseColumnMapping(text: string): { ok: true; mapping: ColumnMapping } | { ok: false; error: string } {
  const mapping: ColumnMapping = {};
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const field = eq > 0 ? FIELDS[normalizeHeader(part.slice(0, eq))] : undefined;
    const header = eq > 0 ? part.slice(eq + 1).trim() : '';
    if (!field || header === '') {
      return { ok: false, error: `${IMPORT_COLUMNS_SETTING}: found "${part}"; expected Field=Your Header, fields Ticker, Shares, Cost Basis, Cost/Share, Acquired, Sold, Proceeds, Disallowed, Price, Account (e.g. "Ticker=Sym; Shares=Units")` };
    }
    mapping[field] = header;
  }
  return { ok: true, mapping };
}

/** The Settings tab's `Import Columns` value, read from its grid (Setting, Value columns). */
export function mappingFromSettings(grid: readonly (readonly unknown[])[] | null): string {
  if (!grid || grid.length === 0) return '';
  const header = grid[0].map((c) => normalizeHeader(String(c ?? '')));
  const nameCol = header.findIndex((h) => h === 'setting' || h === 'name');
  const valueCol = header.indexOf('value');
  if (nameCol < 0 || valueCol < 0) return '';
  const row = grid.slice(1).find((r) => normalizeHeader(String(r[nameCol] ?? '')) === normalizeHeader(IMPORT_COLUMNS_SETTING));
  return row ? String(row[valueCol] ?? '').trim() : '';
}
