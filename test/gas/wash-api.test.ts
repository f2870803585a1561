import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordWashSalesIn, washNoticeFor } from '../../src/gas/wash-api';
import { undoRecording } from '../../src/gas/undo-recording';
import { UNDO_TAB } from '../../src/gas/undo-image';
import { createFakeGoogle, type FakeExecution, type FakeGoogle } from '../../src/local-google/fake-google';
import { exampleGrid } from '../support/example-grids';

const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'];
const NOW = new Date('2026-11-20T15:00:00Z');

/** The example household plus a DRIP buy of IEMG typed in 13 days after the recorded IEMG loss sale. */
function dripGoogle(): FakeGoogle {
  const sheets: Record<string, unknown[][]> = {};
  for (const tab of TABS) sheets[tab] = exampleGrid(tab);
  sheets.Lots.push(['Taxable Brokerage', 'IEMG', '10', '575', '2026-11-12', 'TX-IEMG-DRIP', '']);
  return createFakeGoogle({ spreadsheet: { sheets, timeZone: 'America/New_York' } });
}

function inExecution<T>(execution: FakeExecution, work: () => T): T {
  for (const [name, service] of Object.entries(execution.globals)) vi.stubGlobal(name, service);
  return work();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('recording the wash-sale adjustments from the sidebar', () => {
  it('the notice lists the unrecorded wash; recording writes Lots, Sales, Journal and the undo tab; twice changes nothing; Undo puts it back', () => {
    const google = dripGoogle();
    const ss = google.spreadsheet as never;
    const notice = inExecution(google.execution, () => washNoticeFor(ss, NOW));
    expect(notice).toMatchObject({ ok: true, unrecorded: 1, disallowed: '67', permanent: '0' });
    const before = google.spreadsheet.snapshot();
    const outcome = inExecution(google.execution, () => recordWashSalesIn(ss, NOW));
    expect(outcome).toMatchObject({ ok: true, recorded: 1 });
    const after = google.spreadsheet.snapshot();
    const changed = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t])).sort();
    expect(changed).toEqual(['Journal', 'Lots', 'Sales', UNDO_TAB]);
    expect(inExecution(google.execution, () => washNoticeFor(ss, NOW))).toMatchObject({ ok: true, unrecorded: 0 });

    const again = inExecution(google.execution, () => recordWashSalesIn(ss, NOW));
    expect(again).toMatchObject({ ok: true, recorded: 0 });
    expect(google.spreadsheet.snapshot()).toEqual(after);

    const undo = inExecution(google.execution, () => undoRecording(ss, NOW));
    expect(undo.ok).toBe(true);
    const undone = google.spreadsheet.snapshot();
    expect(undone.Lots).toEqual(before.Lots);
    expect(undone.Sales).toEqual(before.Sales);
    expect(inExecution(google.execution, () => washNoticeFor(ss, NOW))).toMatchObject({ ok: true, unrecorded: 1 });
  });

  it('a write that fails halfway leaves every tab exactly as before', () => {
    for (let n = 0; n < 4; n++) {
      const google = dripGoogle();
      const before = google.spreadsheet.snapshot();
      google.spreadsheet.failAfterWrites(n, 1);
      // Sheets' own failure, passed on after the rollback: not some other error on the way.
      expect(() => inExecution(google.execution, () => recordWashSalesIn(google.spreadsheet as never, NOW)), `failing write ${n + 1}`).toThrow('Service Spreadsheets failed');
      expect(google.spreadsheet.snapshot(), `failing write ${n + 1}`).toEqual(before);
    }
  });
});
