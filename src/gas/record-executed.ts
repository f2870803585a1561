import { recordTrades } from '../engine/index';
import { parseExecutedPlan } from '../present/plan-json';
import { accountsToRows, lotsToRows, salesToRows } from '../workbook/index';
import { JOURNAL_HEADERS, JOURNAL_TAB, journalGrid, journalRow, recordedPlanIds } from '../workbook/journal';
import { withDocumentLock, writeTabsAtomically, type TabWrite } from './atomic-write';
import { readSheetHousehold, type IssueJson } from './household-from-sheet';
import type { Spreadsheet } from './active-workbook';

export type RecordOutcome =
  | { ok: true; planId: string; trades: number; journal: string[] }
  | { ok: false; errors: string[]; issues?: IssueJson[] };

/**
 * Records a plan the user executed at the broker (fill prices and shares possibly edited):
 * under the document lock it re-reads the workbook, refuses a plan the Journal already holds,
 * works out the new Lots, Sales and Accounts tabs with the engine (wash sales adjusted), and
 * writes them plus a Journal row all-or-nothing. Nothing is written unless everything checks.
 */
export function recordExecutedPlan(ss: Spreadsheet, planInput: unknown, now: Date): RecordOutcome {
  const parsed = parseExecutedPlan(planInput);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const plan = parsed.value;
  return withDocumentLock(() => {
    const read = readSheetHousehold(ss, now);
    if (!read.ok) return { ok: false, errors: ['The workbook has errors; fix them before recording.'], issues: read.errors };
    const household = { ...read.household, settings: { ...read.household.settings, asOf: plan.asOf } };
    const journal = journalGrid(read.source);
    const result = recordTrades(household, plan, { recordedPlanIds: recordedPlanIds(journal) });
    if (!result.ok) return { ok: false, errors: result.errors };
    const details = `${plan.trades.length} trades recorded. ${result.journal.join(' ')}`.trim();
    const hasJournal = journal !== null && journal.length > 0;
    const writes: TabWrite[] = [
      { tab: tabName(read.source.tabNames(), 'Lots'), rows: lotsToRows(result.lots) },
      { tab: tabName(read.source.tabNames(), 'Sales'), rows: salesToRows(result.sales) },
      { tab: tabName(read.source.tabNames(), 'Accounts'), rows: accountsToRows(result.accounts) },
      {
        tab: tabName(read.source.tabNames(), JOURNAL_TAB),
        rows: [...(hasJournal ? [] : [[...JOURNAL_HEADERS]]), journalRow(now.toISOString(), plan.id, 'recorded', plan.asOf, details)],
        append: hasJournal,
      },
    ];
    writeTabsAtomically(ss, writes);
    return { ok: true, planId: plan.id, trades: plan.trades.length, journal: result.journal };
  });
}

export function tabName(existing: readonly string[], wanted: string): string {
  return existing.find((n) => n.toLowerCase() === wanted.toLowerCase()) ?? wanted;
}
