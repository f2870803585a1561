/**
 * The sidebar's wash-sale notice: the history audit (every wash sale the Lots and Sales tabs
 * hold, closed accounts and shares since sold included) and "record the adjustment", which
 * writes the unrecorded ones through the same all-or-nothing write, Journal row and Undo tab as
 * recording a plan (so Undo last recording takes it back). Plain JSON in and out.
 */
import { formatDollars, toPlain } from '../engine/index';
import { auditWashSales, fixWashSales, historyWashJson, unrecordedTotals, washRecordingId, type HistoryWashJson } from '../engine/wash-audit';
import { recordedTabs } from '../workbook/index';
import { JOURNAL_HEADERS, JOURNAL_TAB, journalGrid, journalRow } from '../workbook/journal';
import { captureImages, withDocumentLock, writeTabsAtomically, type TabWrite } from './atomic-write';
import { readSheetHousehold, type IssueJson } from './household-from-sheet';
import { tabName } from './record-executed';
import { tabsFingerprint, UNDO_TAB, undoTabRows } from './undo-image';
import type { Spreadsheet } from './active-workbook';

export interface WashNoticeJson {
  ok: true;
  asOf: string;
  /** Every wash sale in the history, with a sentence for each. */
  washes: (HistoryWashJson & { reason: string })[];
  /** How many are not recorded yet, and their disallowed loss (decimal strings). */
  unrecorded: number;
  disallowed: string;
  permanent: string;
}

export type WashNoticeResult = WashNoticeJson | { ok: false; errors: string[]; issues: IssueJson[] };

export type WashRecordOutcome =
  | { ok: true; recorded: number; message: string; journal: string[] }
  | { ok: false; errors: string[]; issues?: IssueJson[] };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function washNoticeFor(ss: Spreadsheet, now: Date): WashNoticeResult {
  const read = readSheetHousehold(ss, now);
  if (!read.ok) return { ok: false, errors: ['The workbook has errors; fix them first.'], issues: read.errors };
  const audit = auditWashSales(read.household);
  const totals = unrecordedTotals(audit.washes);
  return {
    ok: true,
    asOf: read.household.settings.asOf ?? '',
    washes: audit.washes.map((w) => ({ ...historyWashJson(w), reason: w.reason })),
    unrecorded: totals.count,
    disallowed: toPlain(totals.disallowed),
    permanent: toPlain(totals.permanent),
  };
}

/**
 * Records every unrecorded wash sale (the sale's Disallowed, the replacement's basis and Holding
 * From), under the document lock, re-reading the workbook first: all or nothing. The Journal gets
 * a `recorded` row under its own id, and the Undo tab the before-image, so Undo last recording
 * takes it back like a plan.
 */
export function recordWashSalesIn(ss: Spreadsheet, now: Date): WashRecordOutcome {
  return withDocumentLock((): WashRecordOutcome => {
    const read = readSheetHousehold(ss, now);
    if (!read.ok) return { ok: false, errors: ['The workbook has errors; fix them before recording.'], issues: read.errors };
    const { household } = read;
    const fix = fixWashSales(household);
    if (!fix.ok) return { ok: false, errors: fix.errors };
    if (fix.fixed.length === 0) return { ok: true, recorded: 0, message: 'Every wash sale in the history is already recorded: nothing changed.', journal: [] };
    const total = unrecordedTotals(fix.fixed).disallowed;
    const id = washRecordingId(now.toISOString());
    const names = read.source.tabNames();
    const [lotsTab, salesTab, accountsTab] = ['Lots', 'Sales', 'Accounts'].map((t) => tabName(names, t));
    const images = captureImages(ss, [lotsTab, salesTab]);
    const tabs = recordedTabs(
      { lots: read.source.values(lotsTab), sales: read.source.values(salesTab), accounts: read.source.values(accountsTab) },
      { lots: fix.lots, sales: fix.sales, accounts: household.accounts },
    );
    const journal = journalGrid(read.source);
    const hasJournal = journal !== null && journal.length > 0;
    const summary = `${fix.fixed.length} wash sale${fix.fixed.length === 1 ? '' : 's'} recorded (${formatDollars(total)} disallowed).`;
    const writes: TabWrite[] = [
      { tab: lotsTab, rows: tabs.lots },
      { tab: salesTab, rows: tabs.sales },
      {
        tab: tabName(names, JOURNAL_TAB),
        rows: [...(hasJournal ? [] : [[...JOURNAL_HEADERS]]), journalRow(now.toISOString(), id, 'recorded', household.settings.asOf ?? '', `${summary} ${fix.journal.join(' ')}`)],
        append: hasJournal,
      },
      { tab: UNDO_TAB, rows: undoTabRows(id, tabsFingerprint(fix.lots, fix.sales, household.accounts), images), raw: true, hide: true },
    ];
    writeTabsAtomically(ss, writes, images);
    return { ok: true, recorded: fix.fixed.length, message: `${summary} Undo last recording takes it back.`, journal: fix.journal };
  });
}

/** Sidebar: the wash-sale notice. */
export function getWashNotice(): WashNoticeResult {
  try {
    return washNoticeFor(SpreadsheetApp.getActive(), new Date());
  } catch (error) {
    return { ok: false, errors: [message(error)], issues: [] };
  }
}

/** Sidebar: "record the adjustment". */
export function recordWashAdjustments(): WashRecordOutcome {
  try {
    return recordWashSalesIn(SpreadsheetApp.getActive(), new Date());
  } catch (error) {
    return { ok: false, errors: [`Nothing was recorded: ${message(error)}`] };
  }
}
