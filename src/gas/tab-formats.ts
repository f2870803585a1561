import { formatGrid, type CellKind } from '../present/cell-formats';
import { normalizeHeader } from '../workbook/headers';
import { JOURNAL_HEADERS, JOURNAL_TAB } from '../workbook/journal';

/** Column kinds of the add-on's own tabs that every writer of them shares (the Journal's As Of is a date). */
const TAB_KINDS: Record<string, readonly (CellKind | null)[]> = {
  [normalizeHeader(JOURNAL_TAB)]: JOURNAL_HEADERS.map((h) => (h === 'As Of' ? 'date' : null)),
};

/**
 * The number formats a write to one of the add-on's own tabs gets when its writer gives none:
 * by the tab's column kinds (a header row among the rows stays text). Null for any other tab,
 * whose formats are the user's and are left alone.
 */
export function defaultTabFormats(tab: string, rows: readonly (readonly unknown[])[]): string[][] | null {
  const kinds = TAB_KINDS[normalizeHeader(tab)];
  if (!kinds) return null;
  const grid = formatGrid(rows, kinds);
  rows.forEach((row, r) => {
    if (String(row[0] ?? '') === JOURNAL_HEADERS[0]) grid[r] = grid[r].map(() => 'General');
  });
  return grid;
}
