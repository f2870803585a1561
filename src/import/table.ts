/**
 * Finding a broker file's header row and reading its data rows by column name: exports put a
 * preamble above the header and totals, cash and legal text below the data, and move columns
 * between versions, so a column is always found by its header (any of its names, matched
 * ignoring case, spaces and punctuation), never by position.
 */
import { normalizeHeader } from '../workbook/headers';
import type { Decimal } from '../engine/money';
import type { IsoDate } from '../engine/dates';
import { parseBrokerDate, parseMoney, parseQuantity, isEmptyCell, type Cell } from './cells';

export interface ColumnDef {
  key: string;
  /** Header names, the first as messages show it. */
  names: readonly string[];
  required?: boolean;
  /** Also accept any header that starts with one of the names ("Market value as of 11/20/2026"). */
  prefix?: boolean;
}

export interface Header {
  /** Index of the header row in the file's rows. */
  index: number;
  columns: Map<string, number>;
  /** The header text of each found column, for messages. */
  names: Map<string, string>;
}

function matches(def: ColumnDef, cell: string): boolean {
  const key = normalizeHeader(cell);
  if (key === '') return false;
  return def.names.some((n) => (def.prefix ? key.startsWith(normalizeHeader(n)) : key === normalizeHeader(n)));
}

/** Reads one row as a header: every required column found, or null. */
export function headerAt(rows: readonly (readonly string[])[], index: number, defs: readonly ColumnDef[]): Header | null {
  const row = rows[index] ?? [];
  const columns = new Map<string, number>();
  const names = new Map<string, string>();
  for (const def of defs) {
    // Exact names first, so "Cost Basis" never takes "Cost Basis Per Share".
    // The names in order: "Cost Basis (CB)" before "Cost Basis" where a file has both.
    let at = -1;
    for (const name of def.names) {
      at = row.findIndex((cell) => normalizeHeader(cell) === normalizeHeader(name));
      if (at >= 0) break;
    }
    if (at < 0 && def.prefix) at = row.findIndex((cell) => matches(def, cell));
    if (at >= 0) {
      columns.set(def.key, at);
      names.set(def.key, row[at].trim());
    } else if (def.required) return null;
  }
  return { index, columns, names };
}

/** The first row at or after `from` that holds every required column. */
export function findHeader(rows: readonly (readonly string[])[], defs: readonly ColumnDef[], from = 0): Header | null {
  for (let i = from; i < rows.length; i++) {
    const header = headerAt(rows, i, defs);
    if (header) return header;
  }
  return null;
}

/** Collects every problem of a file, each naming the file, its line and column. */
export class Problems {
  readonly errors: string[] = [];
  constructor(readonly file: string) {}
  at(line: number, column: string | null, message: string): void {
    this.errors.push(`${this.file}, line ${line}${column ? `, column "${column}"` : ''}: ${message}`);
  }
}

/** One data row, read by column key; every failure is recorded, and `failed` says whether any happened. */
export class RowCells {
  failed = false;
  constructor(
    private readonly row: readonly string[],
    private readonly header: Header,
    readonly line: number,
    private readonly problems: Problems,
  ) {}

  has(key: string): boolean {
    return this.header.columns.has(key);
  }

  text(key: string): string {
    const at = this.header.columns.get(key);
    return at === undefined ? '' : (this.row[at] ?? '').trim();
  }

  empty(key: string): boolean {
    return isEmptyCell(this.text(key));
  }

  private take<T>(key: string, cell: Cell<T>, required: string | null): T | null {
    if (!cell.ok) {
      this.fail(key, cell.message);
      return null;
    }
    if (cell.value === null && required !== null) {
      this.fail(key, `found an empty cell; expected ${required}`);
      return null;
    }
    return cell.value;
  }

  fail(key: string, message: string): void {
    this.failed = true;
    this.problems.at(this.line, this.header.names.get(key) ?? key, message);
  }

  money(key: string, required: string | null = null): Decimal | null {
    return this.take(key, parseMoney(this.text(key), required ?? 'an amount in dollars'), required);
  }

  quantity(key: string, required: string | null = null): Decimal | null {
    return this.take(key, parseQuantity(this.text(key)), required);
  }

  date(key: string, required: string | null = null): IsoDate | null {
    return this.take(key, parseBrokerDate(this.text(key), required ?? 'a date as MM/DD/YYYY'), required);
  }
}

/** A row with nothing in it (a blank line, or only commas). */
export function blankRow(row: readonly string[] | undefined): boolean {
  return !row || row.every((c) => c.trim() === '');
}

/** The first non-empty cell of a row, trimmed. */
export function firstCell(row: readonly string[] | undefined): string {
  return (row ?? []).find((c) => c.trim() !== '')?.trim() ?? '';
}
