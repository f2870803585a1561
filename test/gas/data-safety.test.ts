import { afterEach, describe, expect, it, vi } from 'vitest';
import { planRebalance } from '../../src/engine/index';
import { planJson, type PlanJson } from '../../src/present/plan-json';
import { gridSource, readHousehold } from '../../src/workbook/index';
import { recordExecutedPlan } from '../../src/gas/record-executed';
import { undoLastRecordingMenu, undoRecording } from '../../src/gas/undo-recording';
import { UNDO_TAB } from '../../src/gas/undo-image';
import { BusyError } from '../../src/gas/atomic-write';
import { createFakeGoogle, type FakeExecution, type FakeGoogle } from '../../src/local-google/fake-google';
import { exampleGrid } from '../support/example-grids';

const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'];
const NOW = new Date('2026-11-20T15:00:00Z');

/** The example household as a Google spreadsheet (cells typed in, as a user would). */
function exampleGoogle(edit?: (tabs: Record<string, unknown[][]>) => void): FakeGoogle {
  const sheets: Record<string, unknown[][]> = {};
  for (const tab of TABS) sheets[tab] = exampleGrid(tab);
  edit?.(sheets);
  return createFakeGoogle({ spreadsheet: { sheets, timeZone: 'America/New_York' } });
}

/** Runs `work` as one execution would: its globals in place of Apps Script's. */
function inExecution<T>(execution: FakeExecution, work: () => T): T {
  for (const [name, service] of Object.entries(execution.globals)) vi.stubGlobal(name, service);
  return work();
}

function examplePlan(): PlanJson {
  const tabs: Record<string, unknown[][]> = {};
  for (const tab of TABS) tabs[tab] = exampleGrid(tab);
  const read = readHousehold(gridSource(tabs));
  if (!read.ok) throw new Error('example household does not read');
  return planJson(planRebalance(read.household));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('recording a plan is all-or-nothing', () => {
  const plan = examplePlan();

  it('the example plan has trades to record (so the writes below are real)', () => {
    expect(plan.trades.length).toBeGreaterThan(0);
    expect(plan.trades.some((t) => t.action === 'SELL')).toBe(true);
  });

  it('a clean recording changes Lots, Sales, Accounts, Journal and the hidden undo tab: 5 tabs', () => {
    const google = exampleGoogle();
    const before = google.spreadsheet.snapshot();
    const outcome = inExecution(google.execution, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW));
    expect(outcome).toMatchObject({ ok: true, planId: plan.id });
    const after = google.spreadsheet.snapshot();
    const changed = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t])).sort();
    expect(changed).toEqual(['Accounts', 'Journal', 'Lots', 'Sales', UNDO_TAB]);
    expect(google.spreadsheet.sheet(UNDO_TAB).isSheetHidden()).toBe(true);
  });

  it('a write that fails halfway (after 0, 1, 2, ... successful writes) leaves every tab exactly as before', () => {
    // Count the writes of a clean recording, then fail at every point inside it.
    const clean = exampleGoogle();
    const start = clean.spreadsheet.writeCount();
    inExecution(clean.execution, () => recordExecutedPlan(clean.spreadsheet as never, plan, NOW));
    const total = clean.spreadsheet.writeCount() - start;
    expect(total).toBeGreaterThanOrEqual(8); // 3 tabs x (clear + set) + Journal + undo tab (insert, hide, set)

    for (let n = 0; n < total; n++) {
      const google = exampleGoogle();
      const before = google.spreadsheet.snapshot();
      google.spreadsheet.failAfterWrites(n, 1); // a transient failure: the rollback can write
      expect(() => inExecution(google.execution, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW)), `fail after ${n}`).toThrow(
        'Service Spreadsheets failed',
      );
      expect(google.spreadsheet.snapshot(), `fail after ${n} writes`).toEqual(before);
      expect(google.locks.holder('document'), 'the lock is released').toBeUndefined();
    }
  });

  it('when Sheets keeps failing, the rollback cannot write either, and the error says which tabs to check', () => {
    const google = exampleGoogle();
    google.spreadsheet.failAfterWrites(3); // every write from the 4th on fails
    expect(() => inExecution(google.execution, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW))).toThrow(
      /could not be put back.*Check those tabs/,
    );
  });

  it('the rollback restores text exactly: a lot id "0042" stays text, a literal "=x" stays text', () => {
    const google = exampleGoogle((tabs) => {
      tabs.Lots[3][5] = "'0042"; // typed with an apostrophe: the text 0042
      tabs.Lots[4][5] = "'=x";
    });
    const before = google.spreadsheet.snapshot();
    expect(before.Lots[3][5]).toBe('0042');
    google.spreadsheet.failAfterWrites(4, 1);
    expect(() => inExecution(google.execution, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW))).toThrow(/^Service Spreadsheets failed while accessing document/);
    expect(google.spreadsheet.snapshot()).toEqual(before);
    expect(google.spreadsheet.sheet('Lots').getRange(5, 6).getFormula()).toBe('');
  });
});

describe('two executions record the same plan at once', () => {
  const plan = examplePlan();

  it('while one holds the document lock the other is refused; once it is done, the plan is refused as recorded', () => {
    const google = exampleGoogle();
    const first = google.startExecution();
    const second = google.startExecution({ userEmail: 'partner@example.com' });
    // The first execution is mid-recording: it holds the lock.
    expect(inExecution(first, () => LockService.getDocumentLock()!.tryLock(10_000))).toBe(true);
    const before = google.spreadsheet.snapshot();
    expect(() => inExecution(second, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW))).toThrow(BusyError);
    expect(google.spreadsheet.snapshot()).toEqual(before);
    first.end();

    const won = inExecution(first, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW));
    expect(won).toMatchObject({ ok: true, planId: plan.id });
    const afterWin = google.spreadsheet.snapshot();
    const lost = inExecution(second, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW));
    expect(lost.ok).toBe(false);
    expect(JSON.stringify(lost)).toContain(plan.id);
    expect(google.spreadsheet.snapshot()).toEqual(afterWin);
    const journal = google.spreadsheet.snapshot().Journal;
    expect(journal.filter((r) => r[1] === plan.id && r[2] === 'recorded')).toHaveLength(1);
  });
});

describe('Undo last recording', () => {
  const plan = examplePlan();

  function recorded(): { google: FakeGoogle; before: ReturnType<FakeGoogle['spreadsheet']['snapshot']> } {
    const google = exampleGoogle();
    const before = google.spreadsheet.snapshot();
    const outcome = inExecution(google.execution, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW));
    expect(outcome.ok).toBe(true);
    return { google, before };
  }

  it('puts Lots, Sales and Accounts back exactly, journals the undo, and lets the plan be recorded again', () => {
    const { google, before } = recorded();
    const outcome = inExecution(google.execution, () => undoRecording(google.spreadsheet as never, NOW));
    expect(outcome).toMatchObject({ ok: true, planId: plan.id });
    const after = google.spreadsheet.snapshot();
    for (const tab of TABS) expect(after[tab], tab).toEqual(before[tab]);
    const journal = after.Journal;
    expect(journal.map((r) => r[2])).toEqual(['Event', 'recorded', 'undo']);
    expect(after[UNDO_TAB].every((r) => r.every((c) => c === ''))).toBe(true);
    // Nothing left to undo; the plan records again.
    expect(inExecution(google.execution, () => undoRecording(google.spreadsheet as never, NOW))).toMatchObject({ ok: false, reason: 'nothing' });
    expect(inExecution(google.execution, () => recordExecutedPlan(google.spreadsheet as never, plan, NOW))).toMatchObject({ ok: true });
  });

  it('refuses when the tabs changed since the recording, unless confirmed', () => {
    const { google, before } = recorded();
    google.spreadsheet.sheet('Accounts').getRange(2, 3).setValue(99999); // the user edits Cash afterwards
    const edited = google.spreadsheet.snapshot();
    const refused = inExecution(google.execution, () => undoRecording(google.spreadsheet as never, NOW));
    expect(refused).toMatchObject({ ok: false, reason: 'changed', planId: plan.id });
    expect(refused.message).toContain('lose those later changes');
    expect(google.spreadsheet.snapshot()).toEqual(edited);

    const forced = inExecution(google.execution, () => undoRecording(google.spreadsheet as never, NOW, { force: true }));
    expect(forced.ok).toBe(true);
    for (const tab of TABS) expect(google.spreadsheet.snapshot()[tab], tab).toEqual(before[tab]);
  });

  it('the menu asks before overwriting later edits; "No" changes nothing', () => {
    const { google } = recorded();
    google.spreadsheet.sheet('Accounts').getRange(2, 3).setValue(1);
    const edited = google.spreadsheet.snapshot();
    google.ui.responder = (request) => ({ button: request.buttons === 'YES_NO' ? 'NO' : 'OK' });
    const outcome = inExecution(google.execution, () => undoLastRecordingMenu(NOW));
    expect(outcome.ok).toBe(false);
    expect(google.ui.dialogs.map((d) => d.message)).toEqual([expect.stringContaining('Undo anyway?'), 'Nothing was changed.']);
    expect(google.spreadsheet.snapshot()).toEqual(edited);
  });

  it('is atomic: a failure halfway through the undo leaves the recorded state', () => {
    const { google } = recorded();
    const recordedState = google.spreadsheet.snapshot();
    for (const n of [0, 1, 2, 3, 5, 7]) {
      google.spreadsheet.failAfterWrites(n, 1);
      expect(() => inExecution(google.execution, () => undoRecording(google.spreadsheet as never, NOW)), `fail after ${n}`).toThrow(/^Service Spreadsheets failed while accessing document/);
      expect(google.spreadsheet.snapshot(), `fail after ${n}`).toEqual(recordedState);
    }
  });

  it('is refused while another execution holds the lock', () => {
    const { google } = recorded();
    const other = google.startExecution();
    inExecution(other, () => LockService.getDocumentLock()!.tryLock(1));
    expect(() => inExecution(google.execution, () => undoRecording(google.spreadsheet as never, NOW))).toThrow(BusyError);
  });
});
