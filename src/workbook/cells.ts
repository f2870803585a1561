import { Decimal, dec } from '../engine/money';
import { impossibleDateReason, parseIsoDate, type IsoDate } from '../engine/dates';

/**
 * Turning one cell into one value. Cells arrive as Apps Script's getValues() hands them:
 * numbers, booleans, Dates, strings ("" for empty), with null/undefined tolerated. Every parser
 * returns a value or a message "found X; expected Y" (the caller adds tab, row and column), and
 * never a NaN, an Infinity or a guess.
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * How a Date cell becomes a calendar day: Apps Script hands dates in the script's time zone
 * (read with local getters); exceljs hands UTC midnight (read with UTC getters).
 */
export type DateCells = 'local' | 'utc';

/** Whether plain numbers in a percent column are fractions (0.3) or points (30). */
export type PercentScale = 'fraction' | 'points';

/** Anything larger is a typo or a unit mix-up, not a holding. */
const MAX_MAGNITUDE = dec('1e15');

const SPREADSHEET_ERROR =
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|ERROR!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

function fail<T>(cell: unknown, expected: string): CellResult<T> {
  return { ok: false, message: `found ${describeCell(cell)}; expected ${expected}` };
}

export function isDateObject(cell: unknown): cell is Date {
  // Not `instanceof`: a Date from another realm (a vm context, a sandbox) must count too.
  return Object.prototype.toString.call(cell) === '[object Date]';
}

export function isBlank(cell: unknown): boolean {
  return cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(row: readonly unknown[] | null | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}

/** `#N/A` and friends, as Sheets and exceljs hand them (a string); null when not an error. */
export function spreadsheetError(cell: unknown): string | null {
  if (typeof cell !== 'string') return null;
  const t = cell.trim();
  return SPREADSHEET_ERROR.test(t) ? t.toUpperCase() : null;
}

/** The "found ..." part of a message: what the cell held, as a user would recognize it. */
export function describeCell(cell: unknown): string {
  if (isBlank(cell)) return 'an empty cell';
  const error = spreadsheetError(cell);
  if (error) return `${error} (a spreadsheet error)`;
  if (typeof cell === 'string') {
    const t = cell.trim();
    return JSON.stringify(t.length > 60 ? `${t.slice(0, 57)}...` : t);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : `the non-number ${String(cell)}`;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isDateObject(cell)) return Number.isNaN(cell.getTime()) ? 'an invalid date' : 'a date';
  return 'an unreadable value';
}

const NUMBER_TEXT = /^([+-])?\$?([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;

/** "1,234.50", "$1,234.50", "-$5", "(5.00)" as accountants write a negative; null otherwise. */
function numberFromText(text: string): Decimal | null {
  let s = text.trim().replace(/\s+/g, '');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  const m = NUMBER_TEXT.exec(s);
  if (!m || (m[1] && m[2]) || (m[3] === undefined && m[4] === undefined)) return null;
  if (negative && (m[1] || m[2])) return null;
  const sign = m[1] ?? m[2];
  const digits = `${(m[3] ?? '0').replace(/,/g, '')}${m[4] ?? ''}`;
  const value = dec(digits);
  return negative || sign === '-' ? value.negated() : value;
}

function checkMagnitude(value: Decimal, cell: unknown, expected: string): CellResult<Decimal> {
  if (value.abs().greaterThan(MAX_MAGNITUDE)) {
    return { ok: false, message: `found ${describeCell(cell)}, which is implausibly large; expected ${expected}` };
  }
  return ok(value.isZero() ? dec(0) : value);
}

/** A number: a numeric cell, or numeric text with optional `$` and thousands separators. */
export function parseNumberCell(cell: unknown, expected: string): CellResult<Decimal> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail(cell, expected);
    return checkMagnitude(dec(cell), cell, expected);
  }
  if (typeof cell === 'string' && !spreadsheetError(cell)) {
    const value = numberFromText(cell);
    if (value) return checkMagnitude(value, cell, expected);
  }
  return fail(cell, expected);
}

/** A whole number (a rank, a count of days). */
export function parseIntegerCell(cell: unknown, expected: string): CellResult<number> {
  const parsed = parseNumberCell(cell, expected);
  if (!parsed.ok) return parsed;
  if (!parsed.value.isInteger()) return fail(cell, expected);
  return ok(parsed.value.toNumber());
}

/** A plain number in a percent column (no `%` sign): the cells that decide the column's scale. */
function plainNumber(cell: unknown): Decimal | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? dec(cell) : null;
  if (typeof cell === 'string' && !cell.trim().endsWith('%')) return numberFromText(cell);
  return null;
}

/**
 * A column "clearly uses 0-100" when any plain number in it is above 1 (no fraction of a
 * portfolio is 1.5); otherwise its plain numbers are fractions, as a percent-formatted cell
 * arrives (30% is 0.3). Text with a `%` sign is unambiguous and does not vote.
 */
export function percentScaleOf(cells: readonly unknown[]): PercentScale {
  for (const cell of cells) {
    const n = plainNumber(cell);
    if (n && n.abs().greaterThan(1)) return 'points';
  }
  return 'fraction';
}

/** A percentage as a fraction: `30%` → 0.3; 0.3 → 0.3; 30 → 0.3 when the column is on 0-100. */
export function parsePercentCell(cell: unknown, scale: PercentScale, expected: string): CellResult<Decimal> {
  if (typeof cell === 'string' && cell.trim().endsWith('%')) {
    const value = numberFromText(cell.trim().slice(0, -1));
    if (!value || cell.includes('$')) return fail(cell, expected);
    return checkMagnitude(value.dividedBy(100), cell, expected);
  }
  const value = plainNumber(cell);
  if (value === null || spreadsheetError(cell)) return fail(cell, expected);
  return checkMagnitude(scale === 'points' ? value.dividedBy(100) : value, cell, expected);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Years a holding or a plan can plausibly carry. Outside them a date is a typo ("0015" for
 * "2015"), and the engine's day arithmetic (Date.UTC) reads years 0-99 as 1900-1999.
 */
const FIRST_DAY = '1900-01-01';
const LAST_DAY = '2199-12-31';

function plausible(date: IsoDate, cell: unknown, what: string): CellResult<IsoDate> {
  if (date < FIRST_DAY || date > LAST_DAY) {
    return { ok: false, message: `found ${describeCell(cell)}, which is out of range; expected ${what} between 1900 and 2199` };
  }
  return ok(date);
}

/** A calendar day from a real date cell or ISO `YYYY-MM-DD` text, in the years 1900-2199. */
export function parseDateCell(cell: unknown, dateCells: DateCells, what = 'a date'): CellResult<IsoDate> {
  if (isDateObject(cell)) {
    if (Number.isNaN(cell.getTime())) return fail(cell, `${what} as YYYY-MM-DD`);
    const [y, m, d] =
      dateCells === 'utc'
        ? [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()]
        : [cell.getFullYear(), cell.getMonth() + 1, cell.getDate()];
    if (y < 0 || y > 9999) return fail(cell, `${what} between 1900 and 2199`);
    return plausible(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate, cell, what);
  }
  if (typeof cell === 'number') {
    // A date serial (46346) or a year typed alone: reading it would be a guess about the epoch.
    return fail(cell, `${what}: format the cell as a date, or write it as YYYY-MM-DD text`);
  }
  if (typeof cell === 'string' && !spreadsheetError(cell)) {
    const parsed = parseIsoDate(cell);
    if (parsed) return plausible(parsed, cell, what);
    const impossible = impossibleDateReason(cell);
    if (impossible) return { ok: false, message: `found ${describeCell(cell)}, which is not a real date (${impossible}); expected a real date as YYYY-MM-DD` };
  }
  return fail(cell, `${what} as YYYY-MM-DD`);
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0']);

export function parseBooleanCell(cell: unknown, expected = 'yes or no'): CellResult<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === 1 || cell === 0) return ok(cell === 1);
  if (typeof cell === 'string') {
    const t = cell.trim().toLowerCase();
    if (TRUE_WORDS.has(t)) return ok(true);
    if (FALSE_WORDS.has(t)) return ok(false);
  }
  return fail(cell, expected);
}

/** Text as typed, trimmed; a number in a text column (an account named 529) reads as its digits. */
export function parseTextCell(cell: unknown, expected: string): CellResult<string> {
  if (spreadsheetError(cell)) return fail(cell, expected);
  if (typeof cell === 'string') return ok(cell.trim());
  if (typeof cell === 'number' && Number.isFinite(cell)) return ok(String(cell));
  return fail(cell, expected);
}
