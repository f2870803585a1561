import { wallClock, zonedInstant } from './time-zone';

/** What getValues can return for one cell: "" for empty. */
export type CellValue = string | number | boolean | Date;

/** One stored cell. A formula cell keeps its text in `formula` and its last result in `value`. */
export interface Cell {
  value: CellValue;
  formula: string;
  numberFormat: string;
  fontWeight: 'normal' | 'bold';
}

export const emptyCell = (): Cell => ({ value: '', formula: '', numberFormat: '', fontWeight: 'normal' });

export const isEmptyCell = (cell: Cell | undefined): boolean => !cell || (cell.value === '' && cell.formula === '');

export const copyValue = (value: CellValue): CellValue => (value instanceof Date ? new Date(value.getTime()) : value);

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^-?\$?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\$\d+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What Sheets stores when a script writes `input`, the way it treats typed text:
 *  - `=...` is a formula (its value is computed by Sheets; see InMemorySpreadsheet);
 *  - a leading apostrophe forces literal text and is not stored;
 *  - text that reads as a number, percent, dollar amount, TRUE/FALSE or an ISO date becomes
 *    that number, boolean or Date (midnight in the spreadsheet's time zone), as typing it would;
 *  - null and undefined clear the cell.
 * Anything else (a Decimal, a plain object, NaN) throws: Google would coerce it to some string,
 * which is never what our code means, so the fake is stricter on purpose.
 */
export function storedFromInput(input: unknown, timeZone: string): { value: CellValue; formula: string } {
  if (input === null || input === undefined || input === '') return { value: '', formula: '' };
  if (typeof input === 'boolean') return { value: input, formula: '' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new Error(`fake Sheets: cannot write the number ${input} to a cell`);
    return { value: input, formula: '' };
  }
  if (Object.prototype.toString.call(input) === '[object Date]') {
    const time = (input as Date).getTime();
    if (Number.isNaN(time)) throw new Error('fake Sheets: cannot write an invalid Date to a cell');
    return { value: new Date(time), formula: '' };
  }
  if (typeof input !== 'string') {
    const kind = typeof input === 'object' ? (input as object).constructor?.name ?? 'object' : typeof input;
    throw new Error(`fake Sheets: cannot write a ${kind} to a cell; write a number, string, boolean or Date`);
  }
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (input.startsWith('=')) return { value: '', formula: input };
  return { value: parseTyped(input, timeZone), formula: '' };
}

function parseTyped(text: string, timeZone: string): CellValue {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (GROUPED.test(t)) return Number(t.replace(/[$,]/g, ''));
  if (PERCENT.test(t)) return Number(t.slice(0, -1)) / 100;
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = zonedInstant(timeZone, y, m, d);
    const back = wallClock(date, timeZone);
    if (back.year === y && back.month === m && back.day === d) return date;
  }
  return text;
}

/**
 * getDisplayValues for the formats the add-on sets; Sheets' full format language is not
 * modelled. Dates show as M/d/yyyy (en-US default) unless formatted yyyy-mm-dd.
 */
export function displayValue(value: CellValue, numberFormat: string, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const w = wallClock(value, timeZone);
    const two = (n: number) => String(n).padStart(2, '0');
    if (/^yyyy-mm-dd$/i.test(numberFormat)) return `${w.year}-${two(w.month)}-${two(w.day)}`;
    return `${w.month}/${w.day}/${w.year}`;
  }
  if (typeof value === 'string') return value;
  return formatNumber(value, numberFormat);
}

/** A format's sections (`positive;negative;zero;text`), split on semicolons outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The digits of `n` (not negative) for a placeholder run like `#,##0.00` or `0.######`. */
function digits(n: number, run: string): string {
  const [intPart, fracPart = null] = run.split('.');
  const required = (fracPart ?? '').replace(/[^0]/g, '').length;
  const optional = (fracPart ?? '').replace(/[^#]/g, '').length;
  const fixed = n.toFixed(required + optional);
  let [whole, fraction = ''] = fixed.split('.');
  while (fraction.length > required && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const minWhole = intPart.replace(/[^0]/g, '').length;
  if (whole === '0' && minWhole === 0) whole = '';
  whole = whole.padStart(minWhole, '0');
  if (intPart.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Sheets keeps the point of a pattern with a decimal part even when no digit follows ("250.").
  return fracPart === null ? whole : `${whole}.${fraction}`;
}

/**
 * getDisplayValues for number formats: sections (`positive;negative;zero`), quoted literals,
 * `\x` escapes, `$`, `%`, `#`/`0` placeholders with grouping; color tags like `[Red]` are
 * accepted and not shown. Dates and the rest of Sheets' format language are not modelled.
 */
function formatNumber(n: number, format: string): string {
  const f = format.trim();
  if (f === '' || /^general$/i.test(f) || f === '@') return String(n);
  const parts = sections(f);
  let section = parts[0];
  let value = n;
  let sign = '';
  if (n < 0 && parts.length >= 2 && parts[1] !== '') {
    section = parts[1];
    value = -n;
  } else if (n === 0 && parts.length >= 3 && parts[2] !== '') {
    section = parts[2];
  } else if (n < 0) {
    value = -n;
    sign = '-';
  }
  const percent = /%/.test(section.replace(/"[^"]*"/g, ''));
  const scaled = percent ? value * 100 : value;
  let out = '';
  let shownDigits = '';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      out += section[++i] ?? '';
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '#' || ch === '0' || (ch === '.' && /[#0]/.test(section[i + 1] ?? ''))) {
      let run = '';
      while (i < section.length && /[#0,.]/.test(section[i])) run += section[i++];
      i--;
      shownDigits = digits(scaled, run);
      out += shownDigits;
    } else out += ch;
  }
  // A negative number that rounds to zero shows no minus sign.
  if (sign && !/[1-9]/.test(shownDigits)) sign = '';
  return sign + out;
}
