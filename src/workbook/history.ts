import { dec, type Decimal } from '../engine/money';
import { parseIsoDate, type IsoDate } from '../engine/dates';
import type { DriftPoint } from '../engine/schedule/drift-trend';
import { normalizeHeader } from './headers';
import { findTabName, type TabSource } from './tab-source';

/**
 * The History tab: one row per scheduled check (date, household drift, value, the plan's tax
 * when a plan was proposed, and each class's weight), so the Dashboard can chart drift over
 * time. Columns are found by header (a user may reorder them); a class that appears later
 * gets a new column at the end, and the rows before it keep their cells.
 */
export const HISTORY_TAB = 'History';
export const HISTORY_FIXED = ['Date', 'Household Drift', 'Value', 'Plan Tax'] as const;

export interface HistoryEntry {
  date: IsoDate;
  householdDrift: Decimal;
  value: Decimal;
  /** The proposed plan's estimated tax; null when no plan with trades was proposed. */
  planTax: Decimal | null;
  weights: readonly { assetClass: string; weight: Decimal }[];
}

export type HistoryCell = string | number;

/** A class's column title: its name, unless that reads as one of the fixed columns. */
export function classColumn(assetClass: string): string {
  const key = normalizeHeader(assetClass);
  return HISTORY_FIXED.some((f) => normalizeHeader(f) === key) ? `${assetClass} (weight)` : assetClass;
}

/** The header after this entry: the existing one in its order, then any column it lacks. */
export function historyHeader(existing: readonly unknown[] | null, entry: HistoryEntry): { header: string[]; grew: boolean } {
  const header = (existing ?? []).map((h) => String(h ?? ''));
  while (header.length > 0 && header[header.length - 1].trim() === '') header.pop();
  const have = new Set(header.map(normalizeHeader));
  let grew = existing === null || existing.length === 0;
  for (const title of [...HISTORY_FIXED, ...entry.weights.map((w) => classColumn(w.assetClass))]) {
    if (have.has(normalizeHeader(title))) continue;
    header.push(title);
    have.add(normalizeHeader(title));
    grew = true;
  }
  return { header, grew };
}

/**
 * The entry as a row under `header`. Fractions are rounded to 6 places (0.0001 of a percent)
 * and dollars to cents so each is a number a sheet keeps exactly (15 significant digits) and
 * formats as 0.0% or $; a column the entry has nothing for is left empty.
 */
export function historyRow(header: readonly string[], entry: HistoryEntry): HistoryCell[] {
  const fraction = (d: Decimal) => Number(d.toDecimalPlaces(6).toFixed());
  const dollars = (d: Decimal) => Number(d.toDecimalPlaces(2).toFixed());
  const byKey = new Map<string, HistoryCell>([
    [normalizeHeader('Date'), entry.date],
    [normalizeHeader('Household Drift'), fraction(entry.householdDrift)],
    [normalizeHeader('Value'), dollars(entry.value)],
    [normalizeHeader('Plan Tax'), entry.planTax === null ? '' : dollars(entry.planTax)],
  ]);
  for (const w of entry.weights) byKey.set(normalizeHeader(classColumn(w.assetClass)), fraction(w.weight));
  return header.map((h) => byKey.get(normalizeHeader(h)) ?? '');
}

/** How each column is shown: dates, percentages to 0.1, dollars. Class columns are weights. */
export function historyFormat(title: string): string {
  const key = normalizeHeader(title);
  if (key === normalizeHeader('Date')) return 'yyyy-mm-dd';
  if (key === normalizeHeader('Value') || key === normalizeHeader('Plan Tax')) return '$#,##0.00';
  return '0.0%';
}

/** Date and household drift of every readable History row, in date order (rows typed over by hand are skipped). */
export function driftSeries(grid: readonly (readonly unknown[])[] | null): DriftPoint[] {
  if (!grid || grid.length < 2) return [];
  const header = grid[0].map((h) => normalizeHeader(String(h ?? '')));
  const dateCol = header.indexOf(normalizeHeader('Date'));
  const driftCol = header.indexOf(normalizeHeader('Household Drift'));
  if (dateCol < 0 || driftCol < 0) return [];
  const points: DriftPoint[] = [];
  for (const row of grid.slice(1)) {
    const date = parseIsoDate(String(row[dateCol] ?? '').trim());
    const raw = row[driftCol];
    const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
    if (!date || !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) continue;
    points.push({ date, drift: dec(text) });
  }
  return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function historyGrid(source: TabSource): unknown[][] | null {
  const name = findTabName(source, HISTORY_TAB);
  return name === null ? null : source.values(name);
}
