import type { Decimal } from '../engine/money';
import type { IsoDate } from '../engine/dates';
import type { CellRef } from '../engine/types';
import type { IssueLog } from './issues';
import type { ColumnSpec } from './headers';
import { cellAt, columnName, type DataRow, type Table } from './table';
import {
  isBlank,
  parseBooleanCell,
  parseDateCell,
  parseIntegerCell,
  parseNumberCell,
  parsePercentCell,
  parseTextCell,
  percentScaleOf,
  type CellResult,
  type DateCells,
  type PercentScale,
} from './cells';

/** What a tab reader needs to read its rows: the table, where issues go, and how dates read. */
export interface TabContext {
  table: Table;
  log: IssueLog;
  dateCells: DateCells;
  specs: readonly ColumnSpec[];
  scales: Map<string, PercentScale>;
}

export function tabContext(table: Table, log: IssueLog, dateCells: DateCells, specs: readonly ColumnSpec[]): TabContext {
  return { table, log, dateCells, specs, scales: new Map() };
}

export type Sign = 'positive' | 'nonnegative' | 'any';

/**
 * Reads the fields of one row. Each getter returns the value, or null when the cell is blank
 * (optional) or unreadable (then the error is logged and `failed` is set, so the row is dropped
 * and the whole read fails: nothing is built on a half-read row).
 */
export interface RowReader {
  readonly row: number;
  readonly failed: boolean;
  ref(key: string): CellRef;
  has(key: string): boolean;
  blank(key: string): boolean;
  raw(key: string): unknown;
  error(key: string, message: string): void;
  warn(key: string, message: string): void;
  text(key: string, expected: string, required?: boolean): string | null;
  number(key: string, expected: string, sign: Sign, required?: boolean): Decimal | null;
  percent(key: string, expected: string, sign: Sign, required?: boolean): Decimal | null;
  integer(key: string, expected: string, min: number, required?: boolean): number | null;
  date(key: string, what: string, required?: boolean): IsoDate | null;
  bool(key: string, required?: boolean): boolean | null;
}

function signOk(value: Decimal, sign: Sign): boolean {
  if (sign === 'positive') return value.greaterThan(0);
  if (sign === 'nonnegative') return !value.isNegative() || value.isZero();
  return true;
}

export function rowReader(ctx: TabContext, dataRow: DataRow): RowReader {
  let failed = false;
  const { table, log } = ctx;
  const fallback = (key: string) => ctx.specs.find((s) => s.key === key)?.header ?? key;
  const ref = (key: string): CellRef => ({
    tab: table.tab,
    row: dataRow.row,
    column: columnName(table, key, fallback(key)),
  });
  const error = (key: string, message: string) => {
    failed = true;
    log.error(ref(key), message);
  };

  /** The shared shape of every getter: blank → null (an error when required); parse; log. */
  function read<T>(key: string, required: boolean, expected: string, parse: (cell: unknown) => CellResult<T>): T | null {
    const cell = cellAt(table, dataRow, key);
    if (isBlank(cell)) {
      if (required) error(key, `found an empty cell; expected ${expected}`);
      return null;
    }
    const result = parse(cell);
    if (!result.ok) {
      error(key, result.message);
      return null;
    }
    return result.value;
  }

  function checkSign(key: string, value: Decimal | null, sign: Sign, expected: string): Decimal | null {
    if (value === null || signOk(value, sign)) return value;
    error(key, `found ${value.toFixed()}; expected ${expected}`);
    return null;
  }

  function scaleOf(key: string): PercentScale {
    let scale = ctx.scales.get(key);
    if (scale === undefined) {
      scale = percentScaleOf(table.rows.map((r) => cellAt(table, r, key)));
      ctx.scales.set(key, scale);
    }
    return scale;
  }

  return {
    row: dataRow.row,
    get failed() {
      return failed;
    },
    ref,
    has: (key) => table.columns.has(key),
    blank: (key) => isBlank(cellAt(table, dataRow, key)),
    raw: (key) => cellAt(table, dataRow, key),
    error,
    warn: (key, message) => log.warn(ref(key), message),
    text: (key, expected, required = false) => read(key, required, expected, (c) => parseTextCell(c, expected)),
    number: (key, expected, sign, required = false) =>
      checkSign(key, read(key, required, expected, (c) => parseNumberCell(c, expected)), sign, expected),
    percent: (key, expected, sign, required = false) =>
      checkSign(key, read(key, required, expected, (c) => parsePercentCell(c, scaleOf(key), expected)), sign, expected),
    integer(key, expected, min, required = false) {
      const value = read(key, required, expected, (c) => parseIntegerCell(c, expected));
      if (value !== null && value < min) {
        error(key, `found ${value}; expected ${expected}`);
        return null;
      }
      return value;
    },
    date: (key, what, required = false) =>
      read(key, required, `${what} as YYYY-MM-DD`, (c) => parseDateCell(c, ctx.dateCells, what)),
    bool: (key, required = false) => read(key, required, 'yes or no', (c) => parseBooleanCell(c)),
  };
}
