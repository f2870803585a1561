import { Decimal } from '../money';

/** A table of annual returns: one row per year, one Decimal fraction per column. */
export interface ReturnsTable {
  columns: string[];
  rows: { year: number; returns: Record<string, Decimal> }[];
}

export type ReturnsParse = { ok: true; table: ReturnsTable } | { ok: false; errors: string[] };

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Parses the text of `data/us-annual-returns.csv`: a header starting with `year`, then one row
 * per year of decimal returns (0.10 = 10%). Years must run one after another with no gap, since
 * a rolling window must be a run of consecutive years. Problems come back as messages naming
 * the line.
 */
export function parseAnnualReturns(text: string): ReturnsParse {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const errors: string[] = [];
  if (lines.length === 0) return { ok: false, errors: ['The returns file is empty.'] };
  const header = lines[0].split(',').map((h) => h.trim());
  if (header[0]?.toLowerCase() !== 'year') {
    return { ok: false, errors: ['The returns file must start with a header whose first column is "year".'] };
  }
  const columns = header.slice(1);
  const rows: ReturnsTable['rows'] = [];
  lines.slice(1).forEach((line, index) => {
    const lineNumber = index + 2;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length) {
      errors.push(`Line ${lineNumber}: ${cells.length} values, expected ${header.length}.`);
      return;
    }
    const year = Number(cells[0]);
    if (!Number.isInteger(year)) {
      errors.push(`Line ${lineNumber}: "${cells[0]}" is not a year.`);
      return;
    }
    const previous = rows[rows.length - 1];
    if (previous && year !== previous.year + 1) errors.push(`Line ${lineNumber}: year ${year} does not follow ${previous.year}.`);
    const returns: Record<string, Decimal> = {};
    columns.forEach((column, i) => {
      const cell = cells[i + 1];
      if (!NUMBER.test(cell)) errors.push(`Line ${lineNumber}, column ${column}: "${cell}" is not a number.`);
      else returns[column] = new Decimal(cell);
    });
    rows.push({ year, returns });
  });
  if (rows.length === 0) errors.push('The returns file has no rows.');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, table: { columns, rows } };
}
