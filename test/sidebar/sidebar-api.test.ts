import { describe, expect, it } from 'vitest';
import { checkTransportable } from '../../src/local-google/script-run';
import type { MakePlanResult, PlannerState, RecordOutcome, WriteResult } from '../../src/gas/sidebar-api';
import type { PlanJson } from '../../src/present/plan-json';
import { exampleSheets, withExtraLots, world, type World } from './world';
import { lotRows } from '../../src/workbook/read-lots';

const state = (w: World) => checkTransportable(w.ctx.getPlannerState(), 'result') as PlannerState;
const plan = (w: World, options: object = {}) => {
  const r = checkTransportable(w.ctx.makePlan(options), 'result') as MakePlanResult;
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.plan;
};
const write = (w: World, p: unknown) => checkTransportable(w.ctx.writePlanToSheet(p), 'result') as WriteResult;
const record = (w: World, p: unknown) => checkTransportable(w.ctx.recordExecuted(p), 'result') as RecordOutcome;

describe('sidebar server functions over the in-memory spreadsheet', () => {
  it('getPlannerState: household drift, accounts with cash, Settings defaults, all plain JSON', () => {
    const s = state(world());
    if (!s.ok) throw new Error('expected the example to read');
    expect(s.asOf).toBe('2026-11-20');
    // US Large Cap: $307,342.67232 of $742,246.21032 less $3,000 of cash reserves ($739,246.21032)
    // = 41.58% against 35%, band 35% ± 10% of 35% = 31.5%..38.5%.
    const large = s.classes.find((c) => c.assetClass === 'US Large Cap')!;
    expect(Number(large.weight)).toBeCloseTo(0.415751, 6);
    expect(large).toMatchObject({ target: '0.35', bandLow: '0.315', bandHigh: '0.385', status: 'over' });
    expect(s.total).toBe('742246.21032');
    expect(s.accounts.map((a) => [a.name, a.cash])).toEqual([
      ['Taxable Brokerage', '4850'],
      ['Traditional IRA', '1210.35'],
      ['Roth IRA', '320'],
      ['Acme 401(k)', '0'],
      ['HSA', '2400'],
    ]);
    // Per account: the Roth holds VB 60 x 247.10 = 14,826, VWO 500 x 51.60 = 25,800, VTI 110 x 318.40 = 35,024, cash 320: 75,970.
    expect(s.accounts.find((a) => a.name === 'Roth IRA')!.total).toBe('75970');
    expect(s.defaults).toMatchObject({ mode: 'threshold', lotMethod: 'MinTax', gainBudget: '5000', harvest: true });
    expect(s.startStep).toBe('drift');
    expect(s.lastPlan).toBeNull();
  });

  it('getPlannerState: reader errors come back as a list naming tab, row and column', () => {
    const bad = exampleSheets({ Lots: (rows) => rows.map((r, i) => (i === 4 ? [r[0], r[1], 'lots', ...r.slice(3)] : r)) });
    const s = state(world(bad));
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.errors[0]).toMatchObject({ tab: 'Lots', row: 5, column: 'Shares' });
  });

  it('makePlan: the options change the plan; bad options are named', () => {
    const w = world();
    const base = plan(w);
    // $20,000 more cash in the Roth IRA is invested: bought grows.
    const more = plan(w, { cash: { 'Roth IRA': '20000' } });
    expect(more.id).not.toBe(base.id);
    expect(Number(more.summary.bought)).toBeGreaterThan(Number(base.summary.bought));
    const cashOnly = plan(w, { mode: 'cash-only' });
    expect(cashOnly.trades.length).toBeGreaterThan(0);
    expect(cashOnly.trades.every((t) => t.action === 'BUY')).toBe(true);
    const bad = w.ctx.makePlan({ cash: { Nowhere: '5', 'Roth IRA': 'lots' }, mode: 'sideways', lotMethod: 'random', gainBudget: '-3', harvest: 'maybe' }) as MakePlanResult;
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toEqual([
      'Cash: no account named "Nowhere" on the Accounts tab.',
      'Cash for Roth IRA: expected dollars (negative to withdraw); found "lots".',
      'Mode: expected one of threshold, full, cash-only; found "sideways".',
      'Lot method: expected one of MinTax, HIFO, FIFO, LIFO, SpecID; found "random".',
      'Gain budget: expected dollars (or "none"); found "-3".',
      'Harvest losses: expected yes or no; found "maybe".',
    ]);
  });

  it('reads are batched: one getValues per tab, the same number of spreadsheet calls whatever the size of Lots', () => {
    const counts = (sheets: Record<string, unknown[][]>) => {
      const w = world(sheets);
      const out: Record<string, Record<string, number>> = {};
      const step = (name: string, run: () => void) => {
        w.google.calls.reset();
        run();
        // Spreadsheet, lock and property calls; Utilities.formatDate (one per date cell) runs in-process, not against the document.
        out[name] = Object.fromEntries(Object.entries(w.google.calls.snapshot()).filter(([api]) => !api.startsWith('Utilities.')));
      };
      let p: PlanJson | null = null;
      step('state', () => state(w));
      step('plan', () => (p = plan(w)));
      step('write', () => write(w, p));
      step('rewrite', () => write(w, p));
      step('record', () => record(w, p));
      return out;
    };
    const small = counts(exampleSheets());
    const large = counts(withExtraLots(600));
    expect(large).toEqual(small);
    // Six contract tabs read once each (Journal too when recording, for the already-recorded check).
    expect(small.state['Range.getValues']).toBe(6);
    expect(small.plan['Range.getValues']).toBe(6);
    // Writing: Plan, Journal and the hidden kept plan are new (nothing to read back), one setValues
    // each; writing again reads one before-image per tab first. Either way the Settings tab is read
    // once, for its Webhook URL (the plan.written event).
    expect(small.write['Range.getValues']).toBe(1);
    expect(small.write['Range.setValues']).toBe(3);
    expect(small.rewrite['Range.getValues']).toBe(3 + 1);
    expect(small.rewrite['Range.setValues']).toBe(3);
    // Recording: 6 tabs + Journal read, then before-images of Lots, Sales, Accounts, Journal;
    // five writes: Lots, Sales, Accounts, the Journal row and the hidden undo image.
    expect(small.record['Range.getValues']).toBe(7 + 4);
    expect(small.record['Range.setValues']).toBe(5);
  });

  it('writePlanToSheet takes the document lock, flushes, then releases it', () => {
    const w = world();
    const p = plan(w);
    w.google.calls.reset();
    expect(write(w, p)).toEqual({ ok: true, planId: p.id, trades: p.trades.length });
    expect(w.google.calls.count('Lock.tryLock')).toBe(1);
    expect(w.google.calls.count('SpreadsheetApp.flush')).toBe(1);
    expect(w.google.calls.count('Lock.releaseLock')).toBe(1);
    expect(w.google.locks.holder('document')).toBeUndefined();
  });

  it('writePlanToSheet refuses while another execution holds the lock, and writes nothing', () => {
    const w = world();
    const p = plan(w);
    const other = w.google.startExecution({ userEmail: 'partner@example.com' });
    expect(other.globals.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    const before = w.google.spreadsheet.snapshot();
    const r = write(w, p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/Another change to this spreadsheet is in progress/);
    expect(w.google.spreadsheet.snapshot()).toEqual(before);
    other.end();
  });

  it('writePlanToSheet: the Plan tab and a Journal row; a failed write leaves exactly the previous workbook', () => {
    const w = world();
    const p = plan(w);
    // Fail the 1st, 2nd, 3rd... write in turn: each time the workbook is exactly as before.
    for (let n = 0; n < 4; n++) {
      const before = w.google.spreadsheet.snapshot();
      w.google.spreadsheet.failAfterWrites(n, 1);
      const r = write(w, p);
      expect(r.ok, `failing write ${n + 1}`).toBe(false);
      expect(w.google.spreadsheet.snapshot()).toEqual(before);
    }
    w.google.spreadsheet.stopFailing();
    expect(write(w, p).ok).toBe(true);
    const planTab = w.google.spreadsheet.sheet('Plan').contents();
    expect(planTab[0][0]).toBe(`Plan ${p.id}`);
    expect(planTab[1].slice(0, 4)).toEqual(['Account', 'Action', 'Ticker', 'Shares']);
    expect(planTab.length).toBeGreaterThan(p.trades.length + 2);
    const journal = w.google.spreadsheet.sheet('Journal').contents();
    expect(journal[0]).toEqual(['Time', 'Plan Id', 'Event', 'As Of', 'Details']);
    expect(journal[1].slice(1, 3)).toEqual([p.id, 'plan written']);
  });

  it('recordExecuted: a failed write rolls Lots, Sales, Accounts and Journal back exactly', () => {
    const w = world();
    const p = plan(w);
    const before = w.google.spreadsheet.snapshot();
    w.google.spreadsheet.failAfterWrites(3, 1); // Lots and Sales written, Accounts fails
    const r = record(w, p);
    expect(r.ok).toBe(false);
    expect(w.google.spreadsheet.snapshot()).toEqual(before);
  });

  it('recordExecuted: updates Lots, Sales and the Journal; recording the same plan again is refused', () => {
    const w = world();
    const p = plan(w);
    const lotsBefore = w.google.spreadsheet.sheet('Lots').contents().length;
    const salesBefore = w.google.spreadsheet.sheet('Sales').contents().length;
    const r = record(w, p);
    expect(r).toMatchObject({ ok: true, planId: p.id, trades: p.trades.length });
    const buys = p.trades.filter((t) => t.action === 'BUY').length;
    const lots = w.google.spreadsheet.sheet('Lots').contents();
    // Every buy is a new lot named after the plan; the harvest sold all 250 shares of TX-BND-2021.
    expect(lots.filter((row) => String(row[5]).startsWith(`${p.id}-`)).length).toBeGreaterThanOrEqual(buys);
    expect(p.trades.some((t) => t.lots.some((l) => l.lot === 'TX-BND-2021' && l.shares === '250'))).toBe(true);
    expect(lots.some((row) => row[5] === 'TX-BND-2021')).toBe(false);
    expect(lotsBefore).toBe(28); // header + 27 lots (Taxable 10, IRA 6, Roth 3, 401(k) 5, HSA 3)
    const sold = p.trades.filter((t) => t.action === 'SELL').reduce((n, t) => n + t.lots.length, 0);
    expect(w.google.spreadsheet.sheet('Sales').contents().length).toBe(salesBefore + sold);
    expect(w.google.spreadsheet.sheet('Journal').contents().at(-1)!.slice(1, 3)).toEqual([p.id, 'recorded']);
    const again = record(w, p);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors[0]).toBe(`Plan ${p.id} is already in the Journal; it was recorded before.`);
  });

  it('recordExecuted: edited fill prices and shares are what gets recorded', () => {
    const w = world();
    const p = plan(w);
    const i = p.trades.findIndex((t) => t.action === 'BUY' && t.account === 'Roth IRA');
    const t = p.trades[i];
    // Bought 1 share fewer at a cent more: the new lot's basis is (shares - 1) x (price + 0.01).
    const edited = { ...p, trades: p.trades.map((x, j) => (j === i ? { ...x, shares: String(Number(t.shares) - 1), price: (Number(t.price) + 0.01).toFixed(2) } : x)) };
    expect(record(w, edited).ok).toBe(true);
    const lots = w.google.spreadsheet.sheet('Lots').contents();
    const lot = lots.find((row) => row[0] === 'Roth IRA' && row[1] === t.ticker && String(row[5]).startsWith(p.id))!;
    expect(lot[2]).toBe(Number(t.shares) - 1);
    expect(lot[3]).toBeCloseTo((Number(t.shares) - 1) * (Number(t.price) + 0.01), 2);
  });

  it('text that looks like a formula is written as text; negative gains stay numbers', () => {
    const w = world();
    const p = plan(w);
    const sell = p.trades.findIndex((t) => t.action === 'SELL' && Number(t.longTermGain) < 0);
    expect(sell).toBeGreaterThanOrEqual(0);
    const hostile: PlanJson = {
      ...p,
      trades: p.trades.map((t, i) => (i === sell ? { ...t, ticker: '=HYPERLINK("x")', account: '+1', reason: '@SUM(A1)' } : t)),
    };
    expect(write(w, hostile).ok).toBe(true);
    const sheet = w.google.spreadsheet.sheet('Plan');
    const rows = sheet.contents();
    const r = rows.findIndex((row) => row[0] === '+1');
    expect(r).toBeGreaterThan(1);
    expect(rows[r][2]).toBe('=HYPERLINK("x")');
    expect(rows[r][10]).toBe('@SUM(A1)');
    for (let c = 1; c <= rows[r].length; c++) expect(sheet.cellAt(r + 1, c)?.formula ?? '').toBe('');
    // Long-term gain column (I): the loss is a number the user can sum, e.g. -3275.
    expect(rows[r][8]).toBe(Number(p.trades[sell].longTermGain));
    expect(typeof rows[r][8]).toBe('number');
    expect(rows[r][8] as number).toBeLessThan(0);
  });

  it('writePlanToSheet and recordExecuted refuse a malformed plan and write nothing', () => {
    const w = world();
    const before = w.google.spreadsheet.snapshot();
    const r = write(w, { id: '', asOf: 'soon', trades: [{ account: 'HSA', action: 'HOLD', ticker: 'VTI', shares: '-1', price: 'x' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('trades[0].action: expected BUY or SELL; found "HOLD"');
    expect(record(w, null).ok).toBe(false);
    expect(w.google.spreadsheet.snapshot()).toEqual(before);
  });

  it('showRecordDialog opens the sidebar at the record step with the plan written last', () => {
    const w = world();
    const p = plan(w);
    write(w, p);
    w.ctx.showRecordDialog();
    expect(w.google.ui.shown.at(-1)).toMatchObject({ kind: 'sidebar', width: 300 });
    const s = state(w);
    if (!s.ok) throw new Error('expected state');
    expect(s.startStep).toBe('record');
    expect(s.lastPlan).toEqual(JSON.parse(JSON.stringify(p)));
    // Only once: the next opening starts at drift again.
    const next = state(w);
    expect(next.startStep).toBe('drift');
  });

  it('while the schedule is paused, the planner state says since when, why, and the drift then and now', () => {
    const w = world();
    expect((state(w) as Extract<PlannerState, { ok: true }>).paused).toBeNull();
    w.google.globals.PropertiesService.getDocumentProperties()!.setProperty(
      'rebalancer.schedule.state',
      JSON.stringify({ pausedAt: '2026-10-15', pauseReason: 'waiting for a <b>bonus</b>', driftAtPause: '0.05' }),
    );
    const s = state(w);
    if (!s.ok) throw new Error('expected the example to read');
    expect(s.paused).toMatchObject({ since: '2026-10-15', reason: 'waiting for a <b>bonus</b>', driftAtPause: '0.05' });
    expect(s.paused!.days).toBeGreaterThanOrEqual(36);
    expect(Number(s.paused!.driftNow)).toBeCloseTo(Number(s.householdDrift), 10);
  });

  it("recording keeps the user's own columns on Lots (a Notes column stays with its lot)", () => {
    const w = world(exampleSheets({ Lots: (rows) => rows.map((r, i) => [...r, i === 0 ? 'Notes' : `note for row ${i + 1}`]) }));
    const p = plan(w);
    expect(write(w, p).ok).toBe(true);
    expect(record(w, p).ok).toBe(true);
    const lots = w.google.spreadsheet.snapshot().Lots;
    const notes = lots[0].indexOf('Notes');
    const lotCol = lots[0].indexOf('Lot');
    expect(notes).toBeGreaterThan(0);
    // The VEA lot the plan does not touch keeps its note; every lot that was there keeps one.
    const original = exampleSheets().Lots;
    let checked = 0;
    for (const row of lots.slice(1)) {
      const id = String(row[lotCol]);
      // An explicit Lot id, or the short id the reader made up for a row without one.
      const sheetRow = lotRows(original, 'local').get(id);
      const before = sheetRow === undefined ? -1 : sheetRow - 1;
      if (before > 0) {
        expect(row[notes], id).toBe(`note for row ${before + 1}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('writes into the tab the reader read, even when its name has a stray space', () => {
    // The reader matches tab names ignoring case, spaces and punctuation; a recording must update
    // that same tab, not add a second "Lots" beside "Lots " (the next read would miss it).
    const sheets = exampleSheets();
    const w = world({ ...Object.fromEntries(Object.entries(sheets).filter(([n]) => n !== 'Lots')), 'Lots ': sheets.Lots });
    const p = plan(w);
    expect(write(w, p).ok).toBe(true);
    expect(record(w, p).ok).toBe(true);
    const tabs = Object.keys(w.google.spreadsheet.snapshot());
    expect(tabs.filter((t) => t.trim() === 'Lots')).toEqual(['Lots ']);
    // The plan's buys are lots `<plan id>-<n>` in that tab.
    expect(w.google.spreadsheet.snapshot()['Lots '].some((row) => row.some((c) => String(c).startsWith(`${p.id}-`)))).toBe(true);
  });
});
