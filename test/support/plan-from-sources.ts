/**
 * Prints the example household's plan JSON read three ways, one per line as JSON:
 * the CSV folder, the .xlsx file, and the values Apps Script's getValues() would hand the
 * adapter (numbers as numbers, date cells as Date objects at midnight in the sheet's zone),
 * read through the Apps Script reader. Run in a fresh Node process by
 * test/workbook/determinism.test.ts: `node --import tsx test/support/plan-from-sources.ts`.
 */
import { loadWorkbook } from '../../src/workbook/node/load-workbook';
import { readHousehold } from '../../src/workbook/read-household';
import { planRebalance } from '../../src/engine/planner';
import { planJson } from '../../src/present/plan-json';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { readSheetHousehold } from '../../src/gas/household-from-sheet';
import type { Household } from '../../src/engine/types';
import { EXAMPLE_DIR, EXAMPLE_XLSX } from './example-grids';

const TIME_ZONE = 'America/New_York';
const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'];

const plan = (h: Household) => JSON.stringify(planJson(planRebalance(h, { mode: 'threshold' })));

function must<T extends { ok: boolean }>(r: T, what: string): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** Midnight of this calendar day in the sheet's zone, as Apps Script returns a date cell. */
function sheetMidnight(utcDay: Date): Date {
  const iso = utcDay.toISOString().slice(0, 10);
  for (const offset of ['-05:00', '-04:00']) {
    const d = new Date(`${iso}T00:00:00${offset}`);
    const hour = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(d);
    if (Number(hour) === 0) return d;
  }
  throw new Error(`no midnight for ${iso} in ${TIME_ZONE}`);
}

const csv = await loadWorkbook(EXAMPLE_DIR);
const xlsx = await loadWorkbook(EXAMPLE_XLSX);
const fromCsv = plan(must(readHousehold(csv), 'csv').household);
const fromXlsx = plan(must(readHousehold(xlsx), 'xlsx').household);
const sheets = Object.fromEntries(
  TABS.map((tab) => [tab, (xlsx.values(tab) ?? []).map((row) => row.map((cell) => (cell instanceof Date ? sheetMidnight(cell) : cell)))]),
);
// The adapter runs as in Apps Script: its globals (Utilities, SpreadsheetApp, ...) are the fakes'.
const google = createFakeGoogle({ spreadsheet: { sheets, timeZone: TIME_ZONE } });
Object.assign(globalThis, google.globals);
const fromAppsScript = plan(must(readSheetHousehold(google.spreadsheet as never), 'apps script').household);
process.stdout.write(`${JSON.stringify({ csv: fromCsv, xlsx: fromXlsx, appsScript: fromAppsScript })}\n`);
