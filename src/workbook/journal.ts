import { normalizeHeader } from './headers';
import type { TabSource } from './tab-source';
import { findTabName } from './tab-source';

/** The Journal tab: one row per event the add-on records (plans written, recorded, checks, undo). */
export const JOURNAL_TAB = 'Journal';
export const JOURNAL_HEADERS = ['Time', 'Plan Id', 'Event', 'As Of', 'Details'] as const;

export type JournalEvent = 'recorded' | 'plan written' | 'check' | 'undo' | 'notice failed' | 'notice sent';

export function journalRow(time: string, planId: string, event: JournalEvent, asOf: string, details: string): string[] {
  return [time, planId, event, asOf, details];
}

/** Ids of plans the Journal says were recorded (and not undone since). */
export function recordedPlanIds(grid: readonly (readonly unknown[])[] | null): string[] {
  if (!grid || grid.length === 0) return [];
  const header = grid[0].map((h) => normalizeHeader(String(h ?? '')));
  const idCol = header.indexOf(normalizeHeader('Plan Id'));
  const eventCol = header.indexOf(normalizeHeader('Event'));
  if (idCol < 0 || eventCol < 0) return [];
  const recorded = new Set<string>();
  for (const row of grid.slice(1)) {
    const id = String(row[idCol] ?? '').trim();
    const event = String(row[eventCol] ?? '').trim().toLowerCase();
    if (!id) continue;
    if (event === 'recorded') recorded.add(id);
    if (event === 'undo') recorded.delete(id);
  }
  return [...recorded].sort();
}

export function journalGrid(source: TabSource): unknown[][] | null {
  const name = findTabName(source, JOURNAL_TAB);
  return name === null ? null : source.values(name);
}
