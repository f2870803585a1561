import { JOURNAL_HEADERS, JOURNAL_TAB, journalRow, recordedPlanIds } from '../workbook/journal';
import { imageCells, withDocumentLock, writeTabsAtomically, type TabWrite } from './atomic-write';
import { readSheetHousehold } from './household-from-sheet';
import { tabName } from './record-executed';
import { parseUndoTab, tabsFingerprint, UNDO_TAB } from './undo-image';
import type { Spreadsheet } from './active-workbook';

export type UndoOutcome =
  | { ok: true; planId: string; message: string }
  | { ok: false; reason: 'nothing' | 'changed'; planId?: string; message: string };

function gridOf(ss: Spreadsheet, tab: string): unknown[][] | null {
  const sheet = ss.getSheetByName(tab);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/**
 * Takes back the last recording: under the document lock, puts Lots, Sales and Accounts back
 * from the before-image the recording stored, appends an `undo` Journal row (so the plan may be
 * recorded again) and empties the undo tab, all in one all-or-nothing write. Refuses when the
 * tabs changed since the recording (their fingerprint differs) unless `force`: an undo would
 * silently overwrite those edits.
 */
export function undoRecording(ss: Spreadsheet, now: Date, options: { force?: boolean } = {}): UndoOutcome {
  return withDocumentLock((): UndoOutcome => {
    const undo = parseUndoTab(gridOf(ss, UNDO_TAB));
    if (!undo) return { ok: false, reason: 'nothing', message: 'There is no recording to undo.' };
    const journalTab = ss.getSheets().map((s) => s.getName()).find((n) => n.toLowerCase() === JOURNAL_TAB.toLowerCase()) ?? JOURNAL_TAB;
    const journal = gridOf(ss, journalTab);
    if (!recordedPlanIds(journal).includes(undo.planId)) {
      return { ok: false, reason: 'nothing', planId: undo.planId, message: `Plan ${undo.planId} is not recorded (it was undone already); there is nothing to undo.` };
    }
    if (!options.force) {
      const read = readSheetHousehold(ss, now);
      const current = read.ok ? tabsFingerprint(read.household.lots, read.household.sales, read.household.accounts) : null;
      if (current !== undo.fingerprint) {
        return {
          ok: false,
          reason: 'changed',
          planId: undo.planId,
          message: `Lots, Sales or Accounts changed after plan ${undo.planId} was recorded${read.ok ? '' : ' (and now have errors)'}. Undoing would put back the tabs as they were before the recording and lose those later changes. Nothing was changed.`,
        };
      }
    }
    const names = ss.getSheets().map((s) => s.getName());
    const hasJournal = journal !== null && journal.length > 0;
    const writes: TabWrite[] = [
      ...undo.images.map((image): TabWrite =>
        image.existed ? { tab: tabName(names, image.tab), rows: imageCells(image), raw: true } : { tab: tabName(names, image.tab), rows: [], remove: true },
      ),
      {
        tab: journalTab,
        rows: [...(hasJournal ? [] : [[...JOURNAL_HEADERS]]), journalRow(now.toISOString(), undo.planId, 'undo', '', `Recording undone: ${undo.images.map((i) => i.tab).join(', ')} restored${options.force ? ' (the tabs had changed since; confirmed)' : ''}.`)],
        append: hasJournal,
      },
      { tab: UNDO_TAB, rows: [], hide: true },
    ];
    writeTabsAtomically(ss, writes);
    return { ok: true, planId: undo.planId, message: `Recording of plan ${undo.planId} undone: ${undo.images.map((i) => i.tab).join(', ')} are as they were before it.` };
  });
}

/** The menu item: undo, asking before overwriting edits made since the recording. */
export function undoLastRecordingMenu(now: Date = new Date()): UndoOutcome {
  const ss = SpreadsheetApp.getActive();
  const ui = SpreadsheetApp.getUi();
  let outcome = undoRecording(ss, now);
  if (!outcome.ok && outcome.reason === 'changed') {
    const answer = ui.alert('Undo last recording', `${outcome.message.replace(' Nothing was changed.', '')}\n\nUndo anyway?`, ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) {
      ui.alert('Undo last recording', 'Nothing was changed.', ui.ButtonSet.OK);
      return outcome;
    }
    outcome = undoRecording(ss, now, { force: true });
  }
  ui.alert('Undo last recording', outcome.message, ui.ButtonSet.OK);
  return outcome;
}
