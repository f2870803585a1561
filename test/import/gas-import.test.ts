import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyImportAt, previewImportAt, type ImportInput } from '../../src/gas/import-api';
import { undoRecording } from '../../src/gas/undo-recording';
import { parseUndoTab, UNDO_TAB, undoTabRows } from '../../src/gas/undo-image';
import { writeTabsAtomically } from '../../src/gas/atomic-write';
import { spreadsheetSource } from '../../src/gas/active-workbook';
import { readHousehold } from '../../src/workbook/index';
import { fillPrices } from '../../src/import/index';
import { dec } from '../../src/engine/index';
import { createFakeGoogle, type FakeExecution, type FakeGoogle } from '../../src/local-google/fake-google';
import { exampleGrid } from '../support/example-grids';
import { fixture } from './helpers';

const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'];
const NOW = new Date('2026-11-20T15:00:00Z');

function google(): FakeGoogle {
  const sheets: Record<string, unknown[][]> = {};
  for (const tab of TABS) sheets[tab] = exampleGrid(tab);
  sheets.Accounts = sheets.Accounts.map((r, i) => [...r, i === 0 ? 'Broker ID' : r[0] === 'Taxable Brokerage' ? 'XXXX-4321' : '']);
  return createFakeGoogle({ spreadsheet: { sheets, timeZone: 'America/New_York' } });
}

function run<T>(execution: FakeExecution, work: () => T): T {
  for (const [name, service] of Object.entries(execution.globals)) vi.stubGlobal(name, service);
  return work();
}

afterEach(() => vi.unstubAllGlobals());

const input = (fillPrices = false, names = ['schwab-lots-voo.csv', 'schwab-realized.csv']): ImportInput => ({
  files: names.map((name) => ({ name, text: fixture(name) })),
  account: '',
  fillPrices,
});

describe('the sidebar import on a Google spreadsheet', () => {
  it('the preview writes nothing; the import writes Lots, Sales, a Journal row and the undo image; Undo takes it back exactly', () => {
    const g = google();
    const before = g.spreadsheet.snapshot();
    const preview = run(g.execution, () => previewImportAt(input(), NOW));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.preview.changes[0]).toMatchObject({ ticker: 'VOO', added: 1, unchanged: 2 });
    expect(g.spreadsheet.snapshot()).toEqual(before);

    const applied = run(g.execution, () => applyImportAt(input(), preview.token, NOW));
    expect(applied).toMatchObject({ ok: true, importId: 'import-20261120T150000' });
    const after = g.spreadsheet.snapshot();
    expect(after.Journal.map((r) => r[2])).toEqual(['Event', 'imported']);
    const read = readHousehold(run(g.execution, () => spreadsheetSource(g.spreadsheet as never)), { defaultAsOf: '2026-11-20' as never });
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.household.lots.filter((l) => l.ticker === 'VOO' && l.account === 'Taxable Brokerage').map((l) => l.shares.toFixed())).toEqual(['200', '60', '5']);
      expect(read.household.sales.at(-1)).toMatchObject({ ticker: 'VWO', date: '2026-11-02', acquired: '2026-03-03' });
    }
    // The same import again: nothing to do, nothing written.
    const again = run(g.execution, () => previewImportAt(input(), NOW));
    expect(again.ok && again.changed).toBe(false);

    const undone = run(g.execution, () => undoRecording(g.spreadsheet as never, NOW));
    expect(undone).toMatchObject({ ok: true, planId: 'import-20261120T150000' });
    const restored = g.spreadsheet.snapshot();
    for (const tab of TABS) expect(restored[tab], tab).toEqual(before[tab]);
    expect(restored.Journal.map((r) => r[2])).toEqual(['Event', 'imported', 'undo']);
  });

  it('refuses an import whose result differs from the preview shown (the sheet changed); nothing is written', () => {
    const g = google();
    const preview = run(g.execution, () => previewImportAt(input(), NOW));
    if (!preview.ok) throw new Error('preview failed');
    g.spreadsheet.sheet('Lots').getRange(2, 3).setValue(201);
    const edited = g.spreadsheet.snapshot();
    const applied = run(g.execution, () => applyImportAt(input(), preview.token, NOW));
    expect(applied).toMatchObject({ ok: false, errors: ['The workbook changed since the preview (or the files did). Nothing was imported; preview again.'] });
    expect(g.spreadsheet.snapshot()).toEqual(edited);
  });

  it('a write that fails half way leaves every tab as it was', () => {
    const g = google();
    const before = g.spreadsheet.snapshot();
    const preview = run(g.execution, () => previewImportAt(input(), NOW));
    if (!preview.ok) throw new Error('preview failed');
    g.spreadsheet.failAfterWrites(3, 1);
    const applied = run(g.execution, () => applyImportAt(input(), preview.token, NOW));
    expect(applied.ok).toBe(false);
    expect(g.spreadsheet.snapshot()).toEqual(before);
  });

  it('errors come back as values: unknown tickers, no files, a file in no known format', () => {
    const g = google();
    const bad = run(g.execution, () => previewImportAt({ files: [{ name: 'x.csv', text: 'Symbol,Quantity,Cost Basis,Date Acquired\nZZZ,1,$1,01/02/2026\n' }], account: 'Taxable Brokerage', fillPrices: false }, NOW));
    expect(bad).toMatchObject({ ok: false, errors: ['1 ticker is not on the Securities tab: ZZZ (x.csv). Add it with its asset class, then import again.'] });
    expect(run(g.execution, () => previewImportAt({ files: [], account: '', fillPrices: false }, NOW))).toMatchObject({ ok: false });
    const unknown = run(g.execution, () => previewImportAt({ files: [{ name: 'n.csv', text: 'a,b\n1,2\n' }], account: '', fillPrices: false }, NOW));
    expect(!unknown.ok && unknown.errors[0]).toMatch(/n\.csv: not in a format I know/);
  });

  it('fills a plain Price cell when chosen, and the fill is undone with the rest', () => {
    const g = google();
    const before = g.spreadsheet.snapshot();
    const lots = fixture('schwab-lots-voo.csv').replace(/\$568\.30/g, '$570.12');
    const files: ImportInput = { files: [{ name: 'voo.csv', text: lots }], account: '', fillPrices: true };
    const preview = run(g.execution, () => previewImportAt(files, NOW));
    expect(preview.ok && preview.priceFill).toEqual([{ ticker: 'VOO', price: '570.12', was: '568.3' }]);
    if (!preview.ok) return;
    expect(run(g.execution, () => applyImportAt(files, preview.token, NOW)).ok).toBe(true);
    expect(g.spreadsheet.snapshot().Securities[1][2]).toBe(570.12);
    expect(run(g.execution, () => undoRecording(g.spreadsheet as never, NOW))).toMatchObject({ ok: true });
    expect(g.spreadsheet.snapshot().Securities).toEqual(before.Securities);
  });
});

describe('the undo image', () => {
  it('keeps a fingerprint that looks like a number (a hex hash such as 176530615e4221) as text', () => {
    const g = google();
    const rows = undoTabRows('import-1', '176530615e4221', [{ tab: 'Lots', existed: true, values: [['Account']], formulas: [['']] }]);
    run(g.execution, () => writeTabsAtomically(g.spreadsheet as never, [{ tab: UNDO_TAB, rows, raw: true }]));
    const read = parseUndoTab(g.spreadsheet.snapshot()[UNDO_TAB]);
    expect(read).toMatchObject({ planId: 'import-1', fingerprint: '176530615e4221' });
  });
});

describe('price fill', () => {
  it('never overwrites a formula (GOOGLEFINANCE), fills plain cells, leaves current prices alone', () => {
    const values = [['Ticker', 'Asset Class', 'Price'], ['VOO', 'US', 560], ['VTI', 'US', 300], ['BND', 'Bonds', 73.8]];
    const formulas = [['', '', ''], ['', '', '=GOOGLEFINANCE("VOO")'], ['', '', ''], ['', '', '']];
    const fill = fillPrices(values, formulas, [{ ticker: 'VOO', price: dec('568.3') }, { ticker: 'VTI', price: dec('318.4') }, { ticker: 'BND', price: dec('73.80') }]);
    expect(fill.formulas).toEqual(['VOO']);
    expect(fill.filled).toEqual([{ ticker: 'VTI', price: '318.4', was: '300' }]);
    expect(fill.current).toEqual(['BND']);
    expect(fill.values[1][2]).toBe(560);
    expect(fill.values[2][2]).toBe(318.4);
  });
});
