/**
 * Set up tabs: creates every contract tab that is missing, with its header row (bold, frozen),
 * number formats and an example row, plus a Dashboard with the DRIFT formula and a chart of
 * current vs target weight. A tab that exists is never touched, whatever it holds: the user's
 * data is theirs. Runs from the menu (full authorization) under the document lock.
 */
import { JOURNAL_HEADERS, JOURNAL_TAB } from '../workbook/journal';
import { HISTORY_FIXED, HISTORY_TAB } from '../workbook/history';
import { ensureDriftChart, historySheet } from './drift-chart';
import { ACCOUNT_HEADERS, LOT_HEADERS, SALE_HEADERS } from '../workbook/write-tabs';
import { withDocumentLock } from './atomic-write';
import { safeRows } from './cell-safety';
import { PLAN_HEADERS, PLAN_TAB } from './plan-tab';
import { ALLOCATION_TEMPLATES, TEMPLATE_NAMES, templateNamed, type TemplateName } from './allocation-templates';
import type { Spreadsheet } from './active-workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DASHBOARD_TAB = 'Dashboard';
export const DRIFT_FORMULA = '=DRIFT(Targets!A:F, Securities!A:H, Lots!A:H, Accounts!A:H, Settings!A:B)';

const DOLLARS = '$#,##0.00';
const PERCENT = '0%';
const PERCENT_1 = '0.0%';
const DATE = 'yyyy-mm-dd';
const SHARES = '#,##0.####';

/** One tab to create: rows (header first) and a number format per column letter index (0-based). */
interface TabSpec {
  name: string;
  rows: (string | number)[][];
  formats: Record<number, string>;
}

function targetsRows(template: TemplateName): (string | number)[][] {
  const rows: (string | number)[][] = [['Asset Class', 'Target', 'Band', 'Abs Band', 'Location']];
  for (const r of ALLOCATION_TEMPLATES[template].rows) {
    const bonds = /bond/i.test(r.assetClass);
    // Percent cells hold fractions (30% is 0.3), which the reader takes as a percent-formatted cell.
    rows.push([r.assetClass, r.target / 100, r.band / 100, '', bonds ? 'deferred, exempt, taxable' : 'exempt, taxable, deferred']);
  }
  return rows;
}

function securitiesRows(template: TemplateName): (string | number)[][] {
  // Example prices only: replace them with =GOOGLEFINANCE("VOO") or your broker's quotes.
  const prices: Record<string, number> = { VOO: 568.3, VB: 247.1, VEA: 57.9, VWO: 51.6, VGIT: 59.2, VCIT: 81.4, BNDX: 49.5 };
  const rows: (string | number)[][] = [['Ticker', 'Asset Class', 'Price', 'Wash Group', 'Rank', 'Ex-Dividend', 'Spread']];
  for (const r of ALLOCATION_TEMPLATES[template].rows) rows.push([r.ticker, r.assetClass, prices[r.ticker] ?? 100, '', 1, '', '']);
  return rows;
}

/** Every contract tab with its example content, in the order they appear. */
export function contractTabs(template: TemplateName): TabSpec[] {
  return [
    {
      name: 'Accounts',
      rows: [[...ACCOUNT_HEADERS], ['Brokerage', 'Taxable', 5000, 1000, 0, '', 'no', 'yes']],
      formats: { 2: DOLLARS, 3: DOLLARS, 4: DOLLARS },
    },
    { name: 'Targets', rows: targetsRows(template), formats: { 1: PERCENT, 2: PERCENT, 3: PERCENT_1 } },
    { name: 'Securities', rows: securitiesRows(template), formats: { 2: DOLLARS, 5: DATE, 6: '0.00%' } },
    {
      name: 'Lots',
      rows: [[...LOT_HEADERS], ['Brokerage', 'VOO', 10, 4500, '2020-01-15', 'EX-1', '']],
      formats: { 2: SHARES, 3: DOLLARS, 4: DATE, 6: DATE },
    },
    {
      name: 'Sales',
      rows: [[...SALE_HEADERS], ['2020-06-01', 'Brokerage', 'VB', 5, 800, 700, '2018-01-10', '', 0]],
      formats: { 0: DATE, 3: SHARES, 4: DOLLARS, 5: DOLLARS, 6: DATE, 8: DOLLARS },
    },
    {
      name: 'Settings',
      rows: [
        ['Setting', 'Value'],
        ['Short-Term Rate', '37%'],
        ['Long-Term Rate', '20%'],
        ['State Rate', '0%'],
        ['Lot Method', 'MinTax'],
        ['Band', '10%'],
        ['Min Trade', '$100'],
        ['Harvest Losses', 'yes'],
        ['Harvest Min Loss', '$500'],
        ['Long-Term Wait Days', 30],
      ],
      formats: {},
    },
    { name: PLAN_TAB, rows: [[...PLAN_HEADERS]], formats: { 3: SHARES, 4: DOLLARS, 5: DOLLARS, 7: DOLLARS, 8: DOLLARS, 9: DOLLARS } },
    { name: JOURNAL_TAB, rows: [[...JOURNAL_HEADERS]], formats: {} },
    // Each scheduled check adds a row (schedule/history-log.ts); class columns are added as they appear.
    { name: HISTORY_TAB, rows: [[...HISTORY_FIXED]], formats: { 0: DATE, 1: PERCENT_1, 2: DOLLARS, 3: DOLLARS } },
  ];
}

export interface SetUpReport {
  created: string[];
  kept: string[];
  template: TemplateName;
}

function createTab(ss: Spreadsheet, spec: TabSpec): Sheet {
  const sheet = ss.insertSheet(spec.name);
  const rows = safeRows(spec.rows);
  const width = rows[0].length;
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
  const body = Math.max(1, sheet.getMaxRows() - 1);
  for (const [column, format] of Object.entries(spec.formats)) sheet.getRange(2, Number(column) + 1, body, 1).setNumberFormat(format);
  return sheet;
}

/** The Dashboard: DRIFT at A1, a column chart of Weight (C) and Target (D) per class (A), and drift over time from History. */
function createDashboard(ss: Spreadsheet, classes: number): void {
  const sheet = ss.insertSheet(DASHBOARD_TAB);
  sheet.getRange(1, 1).setFormula(DRIFT_FORMULA);
  const lastClassRow = classes + 1; // header + one row per class; the Total row stays out of the chart
  sheet.getRange(2, 2, 60, 1).setNumberFormat(DOLLARS);
  sheet.getRange(2, 3, 60, 2).setNumberFormat(PERCENT_1);
  sheet.getRange(2, 6, 60, 3).setNumberFormat(PERCENT_1);
  const chart = sheet
    .newChart()
    .asColumnChart()
    .addRange(sheet.getRange(1, 1, lastClassRow, 1))
    .addRange(sheet.getRange(1, 3, lastClassRow, 2))
    .setNumHeaders(1)
    .setOption('title', 'Current vs target weight')
    .setOption('vAxis.format', 'percent')
    .setPosition(2, 11, 0, 0)
    .build();
  sheet.insertChart(chart);
  ensureDriftChart(sheet, historySheet(ss));
}

/** Creates what is missing; returns what it created and what it left alone. */
export function setUpWorkbook(ss: Spreadsheet, template: TemplateName): SetUpReport {
  return withDocumentLock(() => {
    const existing = ss.getSheets().map((s) => s.getName().toLowerCase());
    const created: string[] = [];
    const kept: string[] = [];
    let classes = ALLOCATION_TEMPLATES[template].rows.length;
    for (const spec of contractTabs(template)) {
      if (existing.includes(spec.name.toLowerCase())) {
        kept.push(spec.name);
        if (spec.name === 'Targets') {
          const targets = ss.getSheets().find((s) => s.getName().toLowerCase() === 'targets');
          if (targets) classes = Math.max(1, targets.getLastRow() - 1);
        }
        continue;
      }
      createTab(ss, spec);
      created.push(spec.name);
    }
    if (existing.includes(DASHBOARD_TAB.toLowerCase())) kept.push(DASHBOARD_TAB);
    else {
      createDashboard(ss, classes);
      created.push(DASHBOARD_TAB);
    }
    return { created, kept, template };
  });
}

/** Menu item: asks for an allocation template (only when Targets is missing), then sets up. */
export function setUpTabsFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActive();
  const hasTargets = ss.getSheets().some((s) => s.getName().toLowerCase() === 'targets');
  let template: TemplateName = 'moderate';
  if (!hasTargets) {
    const choices = TEMPLATE_NAMES.map((name, i) => `${i + 1}. ${ALLOCATION_TEMPLATES[name].label}`).join('\n');
    const answer = ui.prompt('Set up tabs', `Choose a starting allocation for the Targets tab (you can edit it later):\n${choices}\n\nType 1, 2 or 3 (blank for moderate).`, ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const text = answer.getResponseText();
    const chosen = text.trim() === '' ? 'moderate' : templateNamed(text);
    if (!chosen) {
      ui.alert('Set up tabs', `"${text}" is not one of the templates; nothing was changed.`, ui.ButtonSet.OK);
      return;
    }
    template = chosen;
  }
  const report = setUpWorkbook(ss, template);
  const lines = [
    report.created.length > 0 ? `Created: ${report.created.join(', ')}.` : 'Every tab already exists; nothing was created.',
    report.kept.length > 0 ? `Left as they were: ${report.kept.join(', ')}.` : '',
    report.created.includes('Targets') ? `Targets: ${ALLOCATION_TEMPLATES[report.template].label}.` : '',
    report.created.length > 0 ? 'Replace the example rows with your own accounts, securities and lots.' : '',
  ].filter((l) => l !== '');
  ui.alert('Set up tabs', lines.join('\n'), ui.ButtonSet.OK);
}
