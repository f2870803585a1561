import type { Settings } from '../engine/index';
import { recordTrades } from '../engine/index';
import { parseExecutedPlan } from '../present/plan-json';
import { matchTabName, recordedTabs } from '../workbook/index';
import { JOURNAL_HEADERS, JOURNAL_TAB, journalGrid, journalRow, recordedPlanIds } from '../workbook/journal';
import { captureImages, withDocumentLock, writeTabsAtomically, type TabWrite } from './atomic-write';
import { tabsFingerprint, UNDO_TAB, undoTabRows } from './undo-image';
import { readSheetHousehold, type IssueJson } from './household-from-sheet';
import type { Spreadsheet } from './active-workbook';

export type RecordOutcome =
  | { ok: true; planId: string; trades: number; skipped: string[]; journal: string[] }
  | { ok: false; errors: string[]; issues?: IssueJson[] };

/**
 * Records a plan the user executed at the broker (fill prices and shares possibly edited; 0
 * shares marks a trade not executed, which is skipped and named in the Journal):
 * under the document lock it re-reads the workbook, refuses a plan the Journal already holds,
 * works out the new Lots, Sales and Accounts tabs with the engine (wash sales adjusted), and
 * writes them plus a Journal row all-or-nothing. Nothing is written unless everything checks.
 */
export function recordExecutedPlan(
  ss: Spreadsheet,
  planInput: unknown,
  now: Date,
  afterRecorded?: (settings: Settings) => void,
): RecordOutcome {
  const parsed = parseExecutedPlan(planInput);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const plan = parsed.value;
  let recordedSettings: Settings | null = null;
  const outcome = withDocumentLock((): RecordOutcome => {
    const read = readSheetHousehold(ss, now);
    if (!read.ok) return { ok: false, errors: ['The workbook has errors; fix them before recording.'], issues: read.errors };
    const household = { ...read.household, settings: { ...read.household.settings, asOf: plan.asOf } };
    const journal = journalGrid(read.source);
    const result = recordTrades(household, plan, { recordedPlanIds: recordedPlanIds(journal) });
    if (!result.ok) return { ok: false, errors: result.errors };
    const hasJournal = journal !== null && journal.length > 0;
    const names = read.source.tabNames();
    const [lotsTab, salesTab, accountsTab] = ['Lots', 'Sales', 'Accounts'].map((t) => tabName(names, t));
    // The before-image serves twice: the rollback if this write fails, and the Undo tab (written
    // in the same all-or-nothing write) if the user later takes the recording back.
    const images = captureImages(ss, [lotsTab, salesTab, accountsTab]);
    const fingerprint = tabsFingerprint(result.lots, result.sales, result.accounts);
    const tabs = recordedTabs({ lots: read.source.values(lotsTab), sales: read.source.values(salesTab), accounts: read.source.values(accountsTab) }, result);
    const writes: TabWrite[] = [
      { tab: lotsTab, rows: tabs.lots },
      { tab: salesTab, rows: tabs.sales },
      { tab: accountsTab, rows: tabs.accounts },
      {
        tab: tabName(names, JOURNAL_TAB),
        rows: [...(hasJournal ? [] : [[...JOURNAL_HEADERS]]), journalRow(now.toISOString(), plan.id, 'recorded', plan.asOf, result.details)],
        append: hasJournal,
      },
      { tab: UNDO_TAB, rows: undoTabRows(plan.id, fingerprint, images), raw: true, hide: true },
    ];
    writeTabsAtomically(ss, writes, images);
    recordedSettings = household.settings;
    return { ok: true, planId: plan.id, trades: result.executed, skipped: result.skipped, journal: result.journal };
  });
  // Outside the lock: what follows a recording (a Slack note) journals under its own lock.
  if (outcome.ok && recordedSettings && afterRecorded) afterRecorded(recordedSettings);
  return outcome;
}

/**
 * The tab to write: the one the reader reads under that name (matched the same way, ignoring
 * case, spaces and punctuation), so a write never lands beside the tab it should replace.
 */
export function tabName(existing: readonly string[], wanted: string): string {
  return matchTabName(existing, wanted) ?? wanted;
}
