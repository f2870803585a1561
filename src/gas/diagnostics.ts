/**
 * Help > Diagnostics: times, inside Apps Script, what a user waits for (reading the household,
 * DRIFT, TAXLOTS and a plan) on the active workbook and on a generated 5,000-lot household built
 * in memory, and reports the runtime's facts. Node timings do not carry over to Google's V8, and
 * a custom function has 30 seconds: the first real deployment's figures say how close we are.
 * The figures go to the Journal (one row) and a dialog.
 */
import { planRebalance } from '../engine/index';
import { generateHousehold } from '../generate/generate-household';
import { householdGrids } from '../generate/household-grids';
import { matchTabName } from '../workbook/index';
import { todayIn, type Spreadsheet } from './active-workbook';
import { driftFormula, rebalanceFormula, taxLotsFormula } from './custom-functions';
import { readSheetHousehold } from './household-from-sheet';
import { probeGlobals } from './runtime-globals';
import { appendJournal } from './schedule/journal-log';
import { authorizationRequired } from './schedule/reauth';

/** The custom-function limit the timings are measured against. */
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
export const GENERATED_LOTS = 5_000;

export interface Timing {
  /** "active: DRIFT", "generated: plan", ... */
  what: string;
  ms: number;
  /** What was measured: rows, trades, or why it was skipped. */
  detail: string;
}

export interface DiagnosticsReport {
  at: string;
  timings: Timing[];
  facts: [string, string][];
}

type Clock = () => number;
type Grids = Record<string, unknown[][]>;

function timed<T>(clock: Clock, what: string, timings: Timing[], work: () => T, describe: (result: T) => string): T | null {
  const start = clock();
  try {
    const result = work();
    timings.push({ what, ms: clock() - start, detail: describe(result) });
    return result;
  } catch (error) {
    timings.push({ what, ms: clock() - start, detail: `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) });
    return null;
  }
}

const rows = (grid: unknown[][] | undefined) => Math.max(0, (grid?.length ?? 0) - 1);

/** DRIFT, TAXLOTS and REBALANCE through the custom functions' own code, on grids as Sheets passes them. */
function formulaTimings(label: string, grids: Grids, asOf: string, clock: Clock, timings: Timing[]): void {
  const { Targets, Securities, Lots, Accounts, Settings, Sales } = grids;
  timed(clock, `${label}: DRIFT`, timings, () => driftFormula(Targets, Securities, Lots, Accounts, Settings), (r) => `${r.length - 1} rows`);
  timed(clock, `${label}: TAXLOTS`, timings, () => taxLotsFormula(Lots, Securities, asOf, Accounts, Settings), (r) => `${r.length - 1} lots`);
  timed(clock, `${label}: REBALANCE (read + plan)`, timings, () => rebalanceFormula(Targets, Securities, Lots, Accounts, Settings, Sales), (r) => `${Math.max(0, r.length - 1)} rows`);
}

/** The active workbook's contract tabs as range values (what a formula's arguments hold). */
function activeGrids(ss: Spreadsheet): Grids {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const grids: Grids = {};
  for (const tab of ['Targets', 'Securities', 'Lots', 'Accounts', 'Settings', 'Sales']) {
    const name = matchTabName(names, tab);
    const sheet = name === null ? null : ss.getSheetByName(name);
    if (sheet) grids[tab] = sheet.getDataRange().getValues();
  }
  return grids;
}

export function runDiagnostics(ss: Spreadsheet, now: Date, clock: Clock = Date.now, generatedLots = GENERATED_LOTS): DiagnosticsReport {
  const timings: Timing[] = [];
  const total = clock();

  const read = timed(clock, 'active: read the household (every tab, one getValues each)', timings, () => readSheetHousehold(ss, now), (r) =>
    r.ok ? `${r.household.lots.length} lots, ${r.household.accounts.length} accounts` : `${r.errors.length} workbook error(s): ${r.errors[0]?.text ?? ''}`,
  );
  if (read?.ok) {
    const grids = timed(clock, 'active: getValues of the six tabs', timings, () => activeGrids(ss), (g) => `${rows(g.Lots)} lot rows`) ?? {};
    formulaTimings('active', grids, read.household.settings.asOf ?? todayIn(ss, now), clock, timings);
    timed(clock, 'active: plan (sidebar)', timings, () => planRebalance(read.household), (p) => `${p.trades.length} trades`);
  }

  const household = timed(clock, `generated: build a ${generatedLots}-lot household in memory`, timings, () => generateHousehold(20261120, { accounts: 6, classes: 17, lots: generatedLots }), (h) => `${h.lots.length} lots, ${h.accounts.length} accounts`);
  if (household) {
    const grids = householdGrids(household);
    formulaTimings('generated', grids, household.settings.asOf ?? '', clock, timings);
    timed(clock, 'generated: plan (engine only)', timings, () => planRebalance(household), (p) => `${p.trades.length} trades`);
  }

  const facts: [string, string][] = [['Total run', `${clock() - total} ms`]];
  const slowest = timings.filter((t) => / DRIFT| TAXLOTS| REBALANCE/.test(t.what)).reduce((m, t) => Math.max(m, t.ms), 0);
  facts.push(['Slowest custom function', `${slowest} ms of the ${CUSTOM_FUNCTION_LIMIT_MS / 1000} s limit (${((slowest / CUSTOM_FUNCTION_LIMIT_MS) * 100).toFixed(1)}%)`]);
  facts.push(...runtimeFacts(ss));
  return { at: now.toISOString(), timings, facts };
}

/** What the runtime says about itself; a fact that cannot be read says why instead. */
function runtimeFacts(ss: Spreadsheet): [string, string][] {
  const fact = (name: string, read: () => string): [string, string] => {
    try {
      return [name, read()];
    } catch (error) {
      return [name, `unavailable: ${error instanceof Error ? error.message : String(error)}`];
    }
  };
  const globals = probeGlobals();
  return [
    fact('Runtime', () => `V8 ${typeof Symbol.asyncIterator === 'symbol' ? '(ES2018+)' : ''}`.trim()),
    fact('Globals present', () => Object.keys(globals).filter((k) => globals[k]).join(', ') || 'none'),
    fact('Globals absent', () => Object.keys(globals).filter((k) => !globals[k]).join(', ') || 'none'),
    fact('Script time zone', () => Session.getScriptTimeZone()),
    fact('Spreadsheet time zone', () => ss.getSpreadsheetTimeZone()),
    fact('Email recipients left today', () => String(MailApp.getRemainingDailyQuota())),
    fact('Document properties used', () => {
      const all = PropertiesService.getDocumentProperties()?.getProperties() ?? {};
      const bytes = Object.entries(all).reduce((n, [k, v]) => n + utf8Bytes(k) + utf8Bytes(v), 0);
      return `${(bytes / 1024).toFixed(1)} KB of 500 KB`;
    }),
    fact('Authorization', () => (authorizationRequired().required ? 'REQUIRED: some scope is not granted' : 'all scopes granted')),
    fact('Tabs', () => String(ss.getSheets().length)),
  ];
}

function utf8Bytes(text: string): number {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, 'x').length;
}

export function reportText(report: DiagnosticsReport): string {
  return [
    `Diagnostics ${report.at}: ${report.timings.map((t) => `${t.what} ${t.ms} ms (${t.detail})`).join('; ')}.`,
    report.facts.map(([k, v]) => `${k}: ${v}`).join('; '),
  ].join(' ');
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function reportHtml(report: DiagnosticsReport): string {
  const row = (cells: string[], head = false) => `<tr>${cells.map((c) => (head ? `<th style="text-align:left;padding:2px 6px">${escape(c)}</th>` : `<td style="padding:2px 6px;vertical-align:top">${escape(c)}</td>`)).join('')}</tr>`;
  return `<div style="font:12px/1.4 Roboto,Arial,sans-serif;color:#202124">
<p>Timed inside Apps Script on ${escape(report.at)}. Also written to the Journal.</p>
<table style="border-collapse:collapse">${row(['What', 'ms', 'Measured'], true)}${report.timings.map((t) => row([t.what, String(t.ms), t.detail])).join('')}</table>
<table style="border-collapse:collapse;margin-top:8px">${report.facts.map(([k, v]) => row([k, v])).join('')}</table>
</div>`;
}

/** The menu item: run, journal, show. */
export function diagnosticsFromMenu(now: Date = new Date()): DiagnosticsReport {
  // First, so a run where no dialog can be shown (a trigger) stops before seconds of timing and
  // a Journal row nobody asked to see.
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActive();
  const report = runDiagnostics(ss, now);
  let journalNote = '';
  try {
    appendJournal(ss, now, [{ event: 'check', asOf: todayIn(ss, now), details: reportText(report).slice(0, 45_000) }]);
  } catch (error) {
    journalNote = `<p>The Journal could not be written: ${escape(error instanceof Error ? error.message : String(error))}</p>`;
  }
  const html = HtmlService.createHtmlOutput(reportHtml(report) + journalNote).setWidth(640).setHeight(520);
  ui.showModalDialog(html, 'Rebalancer diagnostics');
  return report;
}
