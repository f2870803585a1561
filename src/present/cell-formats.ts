/**
 * Number formats for the tabs the add-on writes (Plan, Journal, History, ...): one place that
 * says how dollars, shares, percentages, dates and tax look in a sheet, so every writer shows
 * them alike. A writer describes each column by its kind and `formatGrid` gives the grid of
 * format strings for `Range.setNumberFormats` (same shape as the rows). The values stay numbers
 * (a user can sum them); only what the cell shows changes.
 *
 * Patterns are Google Sheets' (developers.google.com/sheets/api/guides/formats): `#` an optional
 * digit, `0` a required one, `,` grouping, `%` times 100, `"text"` a literal, and sections
 * `positive;negative;zero`. A negative section shows no minus sign unless it writes one.
 */
export const CELL_FORMATS = {
  /** $1,234.56 */
  dollars: '$#,##0.00',
  /** 11.0% (the cell holds the fraction 0.11) */
  percent: '0.0%',
  /** 2026-11-20 */
  date: 'yyyy-mm-dd',
  /** A whole number: 1,234 */
  count: '#,##0',
  /** Tax: a cost as $90.65, a saving (negative tax) as "saves $90.65", never a red -90.65. */
  tax: '$#,##0.00;"saves "$#,##0.00;$0.00',
  /** Text or anything else: Sheets' automatic format. */
  text: 'General',
} as const;

/** Shares to at most this many decimals (fractional accounts keep 6; imports may bring 8). */
const SHARE_PLACES = 8;

/**
 * Shares shown to their real precision: `#,##0` for whole shares, `#,##0.000000` for 2459.029572.
 * A column format with optional digits (`#,##0.######`) would show whole shares as "250." in
 * Sheets, so the format follows each value's own decimals.
 */
export function sharesFormat(shares: unknown): string {
  const text = typeof shares === 'number' ? String(shares) : typeof shares === 'string' ? shares.trim() : '';
  const m = /^-?\d+(?:\.(\d+))?$/.exec(text);
  const places = Math.min(SHARE_PLACES, (m?.[1] ?? '').replace(/0+$/, '').length);
  return places === 0 ? CELL_FORMATS.count : `#,##0.${'0'.repeat(places)}`;
}

/** What a column holds; `shares` takes its format from each value. */
export type CellKind = keyof typeof CELL_FORMATS | 'shares';

/** The number format for one cell of a kind (its value decides the shares' decimals). */
export function numberFormatFor(kind: CellKind, value?: unknown): string {
  return kind === 'shares' ? sharesFormat(value) : CELL_FORMATS[kind];
}

/**
 * The format grid for rows whose columns have the given kinds (missing kinds are text): one
 * format string a cell, the same shape as `rows` padded to the widest row, ready for
 * `Range.setNumberFormats`. `headerRows` leading rows (titles, headers) are text.
 */
export function formatGrid(rows: readonly (readonly unknown[])[], kinds: readonly (CellKind | null)[], headerRows = 0): string[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      const kind = kinds[c] ?? null;
      const value = row[c];
      if (r < headerRows || kind === null || value === '' || value === null || value === undefined) return CELL_FORMATS.text;
      return numberFormatFor(kind, value);
    }),
  );
}
