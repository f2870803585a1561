import { afterEach, describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { isoDate } from '../../src/engine/index';
import { driftTrend } from '../../src/engine/schedule/drift-trend';
import { driftSeries, historyHeader, historyRow, type HistoryEntry } from '../../src/workbook/history';
import { createFakeGoogle, type FakeGoogle } from '../../src/local-google/fake-google';
import { runCheckAt } from '../../src/gas/schedule/run-check';
import { setUpWorkbook } from '../../src/gas/setup-tabs';
import { loadBundle } from '../support/load-bundle';
import { exampleTabs } from './example-household';

const installed: string[] = [];
afterEach(() => {
  for (const name of installed.splice(0)) delete (globalThis as Record<string, unknown>)[name];
});

function world(settings: Record<string, string> = {}, edit?: (tabs: Record<string, string[][]>) => void): FakeGoogle {
  const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs(settings, edit) } });
  const { console: _console, ...services } = google.globals;
  void _console;
  Object.assign(globalThis, services);
  installed.push(...Object.keys(services));
  return google;
}

const ss = (google: FakeGoogle) => google.globals.SpreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
const history = (google: FakeGoogle) => google.spreadsheet.snapshot().History ?? [];
const NOV_20 = new Date('2026-11-20T12:00:00Z');
const DEC_01 = new Date('2026-12-01T12:00:00Z');
const CLASSES = ['US Large Cap', 'US Small Cap', 'International Developed', 'Emerging Markets', 'US Bonds', 'TIPS', 'International Bonds', 'REITs', 'Cash'];

const entry = (weights: [string, string][], planTax: string | null = null): HistoryEntry => ({
  date: isoDate('2026-11-20'),
  householdDrift: dec('0.110425986285494351'),
  value: dec('742246.2149'),
  planTax: planTax === null ? null : dec(planTax),
  weights: weights.map(([assetClass, weight]) => ({ assetClass, weight: dec(weight) })),
});

describe('History rows (pure)', () => {
  it('a new tab gets the fixed columns and one per class; numbers a sheet keeps exactly', () => {
    const e = entry([['Stocks', '0.6123456789'], ['Bonds', '0.3876543211']], '-90.6543');
    const { header, grew } = historyHeader(null, e);
    expect(grew).toBe(true);
    expect(header).toEqual(['Date', 'Household Drift', 'Value', 'Plan Tax', 'Stocks', 'Bonds']);
    expect(historyRow(header, e)).toEqual(['2026-11-20', 0.110426, 742246.21, -90.65, 0.612346, 0.387654]);
  });

  it('a class seen later is added at the end; a class gone leaves its cell empty; columns found by header in any order', () => {
    const existing = ['Household Drift', 'Date', 'Bonds', 'Value', 'Plan Tax'];
    const e = entry([['Stocks', '0.6'], ['Gold', '0.4']]);
    const { header, grew } = historyHeader(existing, e);
    expect(grew).toBe(true);
    expect(header).toEqual(['Household Drift', 'Date', 'Bonds', 'Value', 'Plan Tax', 'Stocks', 'Gold']);
    expect(historyRow(header, e)).toEqual([0.110426, '2026-11-20', '', 742246.21, '', 0.6, 0.4]);
    expect(historyHeader(header, e).grew).toBe(false);
  });

  it('a class named like a fixed column gets its own column', () => {
    const { header } = historyHeader(null, entry([['Value', '1']]));
    expect(header).toEqual(['Date', 'Household Drift', 'Value', 'Plan Tax', 'Value (weight)']);
  });

  it('the drift series reads back dates and drifts, skipping rows typed over; the trend starts at the last review', () => {
    const grid = [
      ['Date', 'Household Drift'],
      ['2026-11-01', 0.041],
      ['2026-11-15', 'n/a'],
      ['2026-10-01', 0.02],
      ['2026-11-20', 0.066],
    ];
    const series = driftSeries(grid);
    expect(series.map((p) => [p.date, p.drift.toFixed()])).toEqual([['2026-10-01', '0.02'], ['2026-11-01', '0.041'], ['2026-11-20', '0.066']]);
    expect(driftTrend(series, isoDate('2026-11-01'), dec('0.07'))).toMatchObject({ since: '2026-11-01', sinceReview: true });
    // A review day with no row (the check ran later): the last row before it.
    expect(driftTrend(series, isoDate('2026-11-10'), dec('0.07'))?.since).toBe('2026-11-01');
    expect(driftTrend(series, null, dec('0.07'))).toMatchObject({ since: '2026-10-01', sinceReview: false });
    expect(driftTrend(series, isoDate('2026-09-01'), dec('0.07'))).toBeNull();
  });
});

describe('each scheduled check appends a History row', () => {
  it('two checks, two rows: created with a header, formats, the plan tax when a plan was proposed; the second email shows the trend', () => {
    const google = world();
    runCheckAt(ss(google), NOV_20);
    runCheckAt(ss(google), DEC_01);
    const rows = history(google);
    expect(rows[0]).toEqual(['Date', 'Household Drift', 'Value', 'Plan Tax', ...CLASSES]);
    expect(rows).toHaveLength(3);
    // Dates are date cells (ISO text is read as a date, as typed); drift 11.0% of $742,246.21.
    const sheet = google.spreadsheet.sheet('History');
    expect(rows.slice(1).every((r) => r[0] instanceof Date)).toBe(true);
    expect([sheet.getRange(2, 1).getDisplayValue(), sheet.getRange(3, 1).getDisplayValue()]).toEqual(['2026-11-20', '2026-12-01']);
    expect(rows[1].slice(1, 4)).toEqual([0.110426, 742246.21, -90.65]);
    // The December check is a new monthly review, with its own plan.
    expect(typeof rows[2][3]).toBe('number');
    expect(sheet.getRange(2, 1, 1, 5).getNumberFormats()[0]).toEqual(['yyyy-mm-dd', '0.0%', '$#,##0.00', '$#,##0.00', '0.0%']);
    expect(sheet.getRange(3, 2).getDisplayValue()).toBe('11.0%');
    expect(sheet.getRange(2, 3).getDisplayValue()).toBe('$742,246.21');
    expect(google.mail.sent).toHaveLength(2);
    expect(google.mail.sent[1].body).toContain('Household drift 11.0% -> 11.0% since 2026-11-20, the last review.');
    expect(google.mail.sent[1].htmlBody).toContain('Household drift 11.0% → 11.0% since 2026-11-20, the last review.');
    expect(google.mail.sent[0].body).not.toContain('since 2026');
  });

  it('a class that appears later gets a column; the earlier rows keep every cell', () => {
    const google = world();
    runCheckAt(ss(google), NOV_20);
    const first = history(google);
    // A new class (Gold, 0% target is not allowed: take 1% from US Large Cap) and a fund in it.
    const targets = google.spreadsheet.sheet('Targets');
    const rows = targets.contents();
    const large = rows.findIndex((r) => r[0] === 'US Large Cap');
    targets.getRange(large + 1, 2).setValue('34%');
    targets.getRange(rows.length + 1, 1, 1, 3).setValues([['Gold', '1%', '10%']]);
    const securities = google.spreadsheet.sheet('Securities');
    securities.getRange(securities.getLastRow() + 1, 1, 1, 3).setValues([['GLDM', 'Gold', '50']]);
    runCheckAt(ss(google), DEC_01);
    const after = history(google);
    expect(after[0]).toEqual([...first[0], 'Gold']);
    expect(after[1]).toEqual([...first[1], '']);
    expect(after).toHaveLength(3);
    expect(after[2][after[0].indexOf('Gold')]).toBe(0);
  });

  it('a class named like a formula is written as text, never a formula', () => {
    const google = world({}, (tabs) => {
      const rename = (grid: string[][], col: number) => grid.forEach((r) => r[col] === 'REITs' && (r[col] = `'=HYPERLINK("https://x.test","REITs")`)); // typed as text
      rename(tabs.Targets, 0);
      rename(tabs.Securities, 1);
    });
    expect(runCheckAt(ss(google), NOV_20).kind).toBe('review');
    const sheet = google.spreadsheet.sheet('History');
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getFormulas()[0].every((f) => f === '')).toBe(true);
    expect(history(google)[0]).toContain('=HYPERLINK("https://x.test","REITs")');
  });

  it('all or nothing: a failed write leaves History as it was, and the run says so in the Journal', () => {
    const google = world();
    runCheckAt(ss(google), NOV_20);
    const before = history(google);
    // The December review's first write is its History row: fail that one write only.
    google.spreadsheet.failAfterWrites(0, 1);
    const outcome = runCheckAt(ss(google), DEC_01);
    expect(history(google)).toEqual(before);
    expect(outcome.failures.join('\n')).toMatch(/History row: /);
    const journal = google.spreadsheet.snapshot().Journal.map((r) => r.map(String));
    expect(journal.some((r) => r[2] === 'notice failed' && r[4].startsWith('History row: '))).toBe(true);
  });

  it('the Dashboard gets its drift chart when a check first creates History (a Dashboard set up before History existed)', () => {
    const google = world();
    setUpWorkbook(ss(google), 'moderate');
    // Simulate a workbook set up by an older version: History removed, Dashboard without the line chart.
    const dash = google.spreadsheet.sheet('Dashboard');
    for (const c of dash.getCharts().filter((c) => c.getType() === 'LINE')) dash.removeChart(c);
    google.spreadsheet.deleteSheet(google.spreadsheet.sheet('History'));
    runCheckAt(ss(google), NOV_20);
    expect(dash.getCharts().map((c) => [c.getType(), c.record.ranges])).toEqual([['COLUMN', ['Dashboard!A1:A9', 'Dashboard!C1:D9']], ['LINE', ['History!A1:B1000']]]);
    runCheckAt(ss(google), DEC_01);
    expect(dash.getCharts()).toHaveLength(2);
  });
});

describe('History through dist/Code.js in a bare V8 context', () => {
  const fired = (month: number, day: number) => ({ authMode: 'FULL', year: 2026, month, 'day-of-month': day, hour: 12, minute: 3, second: 0, timezone: 'UTC', triggerUid: '1' });

  it('a scheduled check run twice appends two rows; the sidebar gets the drift series for its sparkline', () => {
    const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs() } });
    const ctx = loadBundle(google.globals);
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(11, 20));
    ctx.runScheduledCheck(fired(11, 21));
    const rows = google.spreadsheet.snapshot().History;
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 4)).toEqual(['Date', 'Household Drift', 'Value', 'Plan Tax']);
    // The second run proposed no plan (nothing due): its Plan Tax is empty.
    expect(rows[2][3]).toBe('');
    google.setRunContext('menu');
    const state = ctx.getPlannerState() as { ok: boolean; driftHistory: { date: string; drift: string }[] };
    expect(state.driftHistory).toEqual([
      { date: '2026-11-20', drift: '0.110426' },
      { date: '2026-11-21', drift: '0.110426' },
    ]);
  });
});
