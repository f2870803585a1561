import type { CheckContent } from '../../engine/schedule/decide-check';
import { HISTORY_TAB, historyFormat, historyHeader, historyRow, type HistoryEntry } from '../../workbook/history';
import type { Spreadsheet } from '../active-workbook';
import { withDocumentLock, writeTabsAtomically, type TabWrite } from '../atomic-write';
import { ensureDriftChart, historySheet } from '../drift-chart';
import { DASHBOARD_TAB } from '../setup-tabs';

/** What a check adds to History: the figures its email shows (one computation: CheckContent). */
export function historyEntryOf(content: CheckContent): HistoryEntry {
  const plan = content.plan;
  return {
    date: content.asOf,
    householdDrift: content.drift.householdDrift,
    value: content.drift.total,
    planTax: plan && plan.trades.length > 0 ? plan.summary.estimatedTax : null,
    weights: content.drift.rows.map((r) => ({ assetClass: r.assetClass, weight: r.weight })),
  };
}

/**
 * The History write for `entry`: appended under the rows there are, or, when the tab is new or a
 * class has no column yet, the whole tab rewritten with the wider header and every earlier row
 * kept (padded with empty cells). Either way one TabWrite, so it goes through the same
 * all-or-nothing path (and formula-safe cells) as every other write.
 */
export function historyWrite(ss: Spreadsheet, entry: HistoryEntry): { write: TabWrite; header: string[]; created: boolean } {
  const sheet = historySheet(ss);
  const grid = sheet && sheet.getLastRow() > 0 ? (sheet.getDataRange().getValues() as unknown[][]) : null;
  const { header, grew } = historyHeader(grid?.[0] ?? null, entry);
  const row = historyRow(header, entry);
  const tab = sheet?.getName() ?? HISTORY_TAB;
  if (grid && !grew) return { write: { tab, rows: [row], append: true }, header, created: false };
  const earlier = (grid ?? []).slice(1).map((r) => header.map((_, i) => r[i] ?? ''));
  return { write: { tab, rows: [header, ...earlier, row] }, header, created: sheet === null };
}

/**
 * Appends the check's row to History under the document lock; then (not part of the
 * all-or-nothing write, and harmless if it fails) formats the columns and, on a tab just
 * created, adds the drift chart to the Dashboard if there is one.
 */
export function appendHistory(ss: Spreadsheet, content: CheckContent): void {
  withDocumentLock(() => {
    const { write, header, created } = historyWrite(ss, historyEntryOf(content));
    writeTabsAtomically(ss, [write]);
    const sheet = historySheet(ss);
    if (!sheet) return;
    if (created) {
      sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
      sheet.setFrozenRows(1);
    }
    // One call for the rows written: all of them after a rewrite, else the appended one.
    const last = sheet.getLastRow();
    const first = write.append ? last : 2;
    if (last >= first) sheet.getRange(first, 1, last - first + 1, header.length).setNumberFormats(Array.from({ length: last - first + 1 }, () => header.map(historyFormat)));
    if (created) ensureDriftChart(ss.getSheetByName(DASHBOARD_TAB), sheet);
  });
}
