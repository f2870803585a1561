import type { IssueLog } from './issues';
import { isBlank, isBlankRow } from './cells';
import { headerLookup, headerText, type ColumnSpec } from './headers';

/** A column found in the header row. */
export interface Column {
  key: string;
  index: number;
  /** The header as written in the sheet, for messages. */
  header: string;
}

/** A non-blank data row; `row` is as the sheet numbers it (1-based). */
export interface DataRow {
  row: number;
  cells: readonly unknown[];
}

export interface Table {
  tab: string;
  headerRow: number;
  /** Every column read, by key (patterned ones included). */
  columns: ReadonlyMap<string, Column>;
  /** Columns claimed by a pattern (dated `Target YYYY-MM-DD` columns), in sheet order. */
  patterned: Column[];
  rows: DataRow[];
}

export interface TableOptions {
  /** Claims headers no spec names (e.g. dated targets); returns the column's key or null. */
  pattern?: (header: string) => string | null;
}

/**
 * Finds the header row (the first non-empty row), matches it against the specs and collects
 * the data rows below it. Logs and returns null when the tab is empty, a header repeats or a
 * required column is missing: a half-understood tab is never read.
 */
export function readTable(
  tab: string,
  grid: readonly (readonly unknown[] | null | undefined)[],
  specs: readonly ColumnSpec[],
  log: IssueLog,
  options: TableOptions = {},
): Table | null {
  let headerIndex = 0;
  while (headerIndex < grid.length && isBlankRow(grid[headerIndex])) headerIndex++;
  if (headerIndex >= grid.length) {
    const wanted = specs.filter((s) => s.required).map((s) => s.header).join(', ');
    log.error({ tab, row: 1, column: '' }, `found an empty tab; expected a header row naming ${wanted}`);
    return null;
  }
  const headerRow = headerIndex + 1;
  const lookup = headerLookup(specs);
  const columns = new Map<string, Column>();
  const patterned: Column[] = [];
  const seenPatterned = new Set<string>();
  let broken = false;

  (grid[headerIndex] ?? []).forEach((cell, index) => {
    const header = headerText(cell);
    if (!header) return;
    const spec = lookup(header);
    const key = spec?.key ?? options.pattern?.(header) ?? null;
    if (key === null) return; // an unknown column: the user's own notes
    const taken = spec ? columns.has(key) : seenPatterned.has(key);
    if (taken) {
      log.error(
        { tab, row: headerRow, column: header },
        `found a second "${header}" column; expected each column once`,
      );
      broken = true;
      return;
    }
    columns.set(key, { key, index, header });
    if (!spec) {
      seenPatterned.add(key);
      patterned.push({ key, index, header });
    }
  });

  for (const spec of specs) {
    if (spec.required && !columns.has(spec.key)) {
      log.error(
        { tab, row: headerRow, column: spec.header },
        `found no ${spec.header} column; expected one in the header row`,
      );
      broken = true;
    }
  }
  if (broken) return null;

  // Blank means blank in every column we read: notes in a column of the user's own don't make a row.
  const read = [...columns.values()].map((c) => c.index);
  const rows: DataRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (!cells || cells.length === 0) continue;
    let blank = true;
    for (const index of read) {
      if (!isBlank(cells[index])) {
        blank = false;
        break;
      }
    }
    if (!blank) rows.push({ row: i + 1, cells });
  }
  return { tab, headerRow, columns, patterned, rows };
}

/** The cell under a column, or undefined when the optional column is absent. */
export function cellAt(table: Table, row: DataRow, key: string): unknown {
  const column = table.columns.get(key);
  return column === undefined ? undefined : row.cells[column.index];
}

/** The header to name in a message about this column. */
export function columnName(table: Table, key: string, fallback: string): string {
  return table.columns.get(key)?.header ?? fallback;
}

/** A value with the sheet row it came from, for cross-tab messages. */
export interface Located<T> {
  value: T;
  row: number;
}

/** What a tab reader hands back: null when the tab could not be read as a table at all. */
export interface TabRead<T> {
  table: Table;
  /** The rows read in full. */
  items: Located<T>[];
  /**
   * Every name the tab defines (account names, tickers, asset classes), by nameKey, spelled as
   * the tab spells it; rows that failed on another cell count too, so one bad price does not
   * also make every lot of that ticker "unknown".
   */
  names: Map<string, string>;
}

/** The key users and cross-tab checks match names by: case and runs of spaces don't matter. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
