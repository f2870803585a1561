/**
 * Header matching: case-insensitive, ignoring spaces and punctuation ("Cost Basis", "cost_basis"
 * and "COST-BASIS" are one header); column order is free; unknown columns are ignored.
 */

/** One column a tab reader understands. */
export interface ColumnSpec {
  /** The reader's name for it. */
  key: string;
  /** The canonical header, used in messages when the column is missing. */
  header: string;
  /** Other headers accepted for the same column. */
  aliases?: readonly string[];
  required?: boolean;
}

export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A header cell as text: text as typed, a number as its digits, anything else empty. */
export function headerText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return '';
}

/** The spec a header names, or undefined: a lookup table from every normalized name and alias. */
export function headerLookup(specs: readonly ColumnSpec[]): (header: string) => ColumnSpec | undefined {
  const byName = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    for (const name of [spec.header, ...(spec.aliases ?? [])]) byName.set(normalizeHeader(name), spec);
  }
  return (header) => byName.get(normalizeHeader(header));
}
