import { headerText, normalizeHeader, type ColumnSpec } from './headers';
import type { TabRows } from './write-tabs';

type Grid = readonly (readonly unknown[])[];

export interface MergeRule {
  /** Every column the reader knows for the tab, with its aliases. */
  specs: readonly ColumnSpec[];
  /**
   * The canonical header whose value ties a new row to an old one (Lot, Account), or null to
   * tie them by position (Sales only grows at the bottom).
   */
  key: string | null;
  /** Turns a key into the key of the row it came from (a split-off lot `A-W1` came from `A`). */
  origin?: (key: string) => string;
  /** The sheet row (1-based) of a key the reader made up for a row with a blank key cell (a lot's short id). */
  rowOf?: (key: string) => number | undefined;
}

/**
 * Writes the engine's canonical rows back into the tab the user laid out, so recording a plan
 * keeps the sheet theirs: their header spelling and column order stay, the user's own columns
 * (notes, account numbers, a GOOGLEFINANCE price beside a lot) stay with the row they belong to,
 * and a canonical column the tab lacks is added at the right. A
 * column the reader knows but the engine does not write (Cost/Share when Cost Basis is written)
 * is dropped: after a wash-sale adjustment it would be stale.
 */
export function mergeIntoTab(existing: Grid | null, canonical: TabRows, rule: MergeRule): unknown[][] {
  const headerIndex = existing ? existing.findIndex((row) => row.some((c) => headerText(c).trim() !== '')) : -1;
  if (!existing || headerIndex < 0) return canonical;
  const oldHeader = existing[headerIndex].map((c) => headerText(c));
  const [newHeader, ...newRows] = canonical;
  const specOf = (header: string) =>
    rule.specs.find((s) => [s.header, ...(s.aliases ?? [])].some((h) => normalizeHeader(h) === normalizeHeader(header)));
  const written = new Set(newHeader.map((h) => specOf(h)?.key ?? h));

  // Where each output column comes from: a canonical value, or the old row's own cell.
  type Source = { canonical: number } | { old: number };
  const layout: { header: string; source: Source }[] = [];
  oldHeader.forEach((header, i) => {
    const spec = specOf(header);
    if (!spec) {
      layout.push({ header, source: { old: i } });
    } else if (written.has(spec.key) && !layout.some((l) => 'canonical' in l.source && newHeader[l.source.canonical] === spec.header)) {
      layout.push({ header, source: { canonical: newHeader.indexOf(spec.header) } });
    }
  });
  newHeader.forEach((header, i) => {
    if (!layout.some((l) => 'canonical' in l.source && l.source.canonical === i)) layout.push({ header, source: { canonical: i } });
  });

  const oldRowsWithNumbers = existing
    .map((row, i) => ({ row, sheetRow: i + 1 }))
    .slice(headerIndex + 1)
    .filter(({ row }) => row.some((c) => headerText(c).trim() !== ''));
  const oldRows = oldRowsWithNumbers.map(({ row }) => row);
  const oldBySheetRow = new Map(oldRowsWithNumbers.map(({ row, sheetRow }) => [sheetRow, row]));
  const keyColumnOld = rule.key === null ? -1 : oldHeader.findIndex((h) => specOf(h)?.header === rule.key);
  const keyColumnNew = rule.key === null ? -1 : newHeader.indexOf(rule.key);
  const oldByKey = new Map<string, readonly unknown[]>();
  if (keyColumnOld >= 0) for (const row of oldRows) oldByKey.set(String(row[keyColumnOld] ?? '').trim(), row);
  const origin = rule.origin ?? ((k: string) => k);
  const oldRowFor = (row: readonly string[], i: number): readonly unknown[] | undefined => {
    if (rule.key === null) return oldRows[i];
    const key = String(row[keyColumnNew] ?? '').trim();
    // A lot the user gave no id got a made-up id from the reader: found by the row it read it from.
    const sheetRow = rule.rowOf?.(key) ?? rule.rowOf?.(origin(key));
    return oldByKey.get(key) ?? oldByKey.get(origin(key)) ?? (sheetRow === undefined ? undefined : oldBySheetRow.get(sheetRow));
  };

  return [
    ...existing.slice(0, headerIndex).map((row) => [...row]),
    layout.map((l) => l.header),
    ...newRows.map((row, i) => {
      const old = oldRowFor(row, i);
      return layout.map((l) => ('canonical' in l.source ? row[l.source.canonical] : old?.[l.source.old] ?? ''));
    }),
  ];
}
