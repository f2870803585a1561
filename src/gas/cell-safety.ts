/**
 * What the add-on writes into cells. Sheets turns a string that starts with `=` into a formula
 * (and `+`, `-`, `@` are read as formulas too when typed), so text from a workbook or a plan is
 * written with a leading apostrophe, the way a user types literal text: a ticker or account
 * named `=IMPORTXML(...)` stays text. Numbers stay numbers, so a negative gain is still a number
 * the user can sum; decimal strings from the engine become numbers at this edge.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export type SheetCell = string | number | boolean | Date;

export function safeCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  const text = String(value);
  if (DECIMAL.test(text) && text.replace(/^-/, '').replace(/\./, '').length <= 15) return Number(text);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function safeRows(rows: readonly (readonly unknown[])[]): SheetCell[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => safeCell(r[i])));
}
