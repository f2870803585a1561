import { JOURNAL_HEADERS, JOURNAL_TAB, journalRow, type JournalEvent } from '../../workbook/journal';
import type { Spreadsheet } from '../active-workbook';
import { withDocumentLock, writeTabsAtomically, type TabWrite } from '../atomic-write';
import { tabName } from '../record-executed';

export interface JournalEntry {
  planId?: string;
  event: JournalEvent;
  asOf: string;
  details: string;
}

/** The Journal tab write for `entries`: appended below existing rows, or a new tab with its header. */
export function journalWrite(ss: Spreadsheet, at: Date, entries: readonly JournalEntry[]): TabWrite {
  const name = tabName(ss.getSheets().map((s) => s.getName()), JOURNAL_TAB);
  const sheet = ss.getSheetByName(name);
  const hasRows = sheet !== null && sheet.getLastRow() > 0;
  const rows = entries.map((e) => journalRow(at.toISOString(), e.planId ?? '', e.event, e.asOf, e.details));
  return { tab: name, rows: hasRows ? rows : [[...JOURNAL_HEADERS], ...rows], append: hasRows };
}

/** Appends entries to the Journal under the document lock (one write). */
export function appendJournal(ss: Spreadsheet, at: Date, entries: readonly JournalEntry[]): void {
  if (entries.length === 0) return;
  withDocumentLock(() => writeTabsAtomically(ss, [journalWrite(ss, at, entries)]));
}
