import { describe, expect, it } from 'vitest';
import { ALLOCATION_TEMPLATES, TEMPLATE_NAMES, templateNamed } from '../../src/gas/allocation-templates';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import type { PlannerState } from '../../src/gas/sidebar-api';
import { loadBundle } from '../support/load-bundle';
import { exampleSheets, sidebarHtml, world } from './world';

describe('allocation templates', () => {
  it('each sums to exactly 100% and splits stocks and bonds as named', () => {
    const split: Record<string, [number, number]> = { conservative: [40, 60], moderate: [60, 40], aggressive: [80, 20] };
    for (const name of TEMPLATE_NAMES) {
      const rows = ALLOCATION_TEMPLATES[name].rows;
      expect(rows.reduce((a, r) => a + r.target, 0), name).toBe(100);
      const bonds = rows.filter((r) => /Bonds$/.test(r.assetClass)).reduce((a, r) => a + r.target, 0);
      expect([100 - bonds, bonds], name).toEqual(split[name]);
      expect(rows.map((r) => r.assetClass)).toEqual([
        'US Large Cap', 'US Small Cap', 'International Developed', 'Emerging Markets', 'Government Bonds', 'Corporate Bonds', 'International Bonds',
      ]);
      // Bands: 5% bonds, 10% broad equity, 15% emerging markets.
      expect(rows.map((r) => r.band)).toEqual([10, 10, 10, 15, 5, 5, 5]);
    }
  });

  it('templateNamed reads a number, a name or a label', () => {
    expect(templateNamed('1')).toBe('conservative');
    expect(templateNamed(' Moderate ')).toBe('moderate');
    expect(templateNamed('80/20')).toBe('aggressive');
    expect(templateNamed('9')).toBeNull();
    expect(templateNamed('yolo')).toBeNull();
  });
});

describe('menu and Set up tabs, through dist/Code.js', () => {
  it('onOpen in NONE mode builds the menu and touches nothing else', () => {
    const google = createFakeGoogle({ authMode: 'NONE' });
    const ctx = loadBundle(google.globals);
    ctx.onOpen({ authMode: 'NONE' });
    expect(google.ui.menus[0].entries.filter((e) => e.kind === 'item').map((e) => (e.kind === 'item' ? e.functionName : ''))).toEqual([
      'showSidebar', 'setUpTabs', 'showRecordDialog', 'undoLastRecording',
    ]);
  });

  it('showHelp opens a small modal dialog', () => {
    const { google, ctx } = world();
    ctx.showHelp();
    expect(google.ui.shown[0]).toMatchObject({ kind: 'modal', title: 'Rebalancer help', width: 420 });
    expect(google.ui.shown[0].content).toContain('Record executed plan');
  });

  it('on a blank spreadsheet: every contract tab with headers, formats, an example row, and a Dashboard', () => {
    const google = createFakeGoogle({ htmlFiles: { Sidebar: sidebarHtml() } });
    const ctx = loadBundle(google.globals);
    google.ui.responder = (request) => ({ button: 'OK', text: request.kind === 'prompt' ? '3' : '' });
    ctx.setUpTabs();
    const ss = google.spreadsheet;
    expect(Object.keys(ss.snapshot())).toEqual(['Sheet1', 'Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings', 'Plan', 'Journal', 'History', 'Dashboard']);
    // Aggressive 80/20: US Large Cap 40% with a 10% band; Government Bonds 10% with 5%.
    expect(ss.sheet('Targets').contents().slice(0, 2)).toEqual([
      ['Asset Class', 'Target', 'Band', 'Abs Band', 'Location'],
      ['US Large Cap', 0.4, 0.1, '', 'exempt, taxable, deferred'],
    ]);
    expect(ss.sheet('Targets').contents()[5].slice(0, 3)).toEqual(['Government Bonds', 0.1, 0.05]);
    const lots = ss.sheet('Lots');
    expect(lots.getFrozenRows()).toBe(1);
    expect(lots.getRange('A1:G1').getFontWeights()[0].every((w) => w === 'bold')).toBe(true);
    expect(lots.getRange('D2').getNumberFormats()[0][0]).toBe('$#,##0.00');
    expect(lots.getRange('E2').getDisplayValue()).toBe('2020-01-15');
    expect(ss.sheet('Accounts').contents()[1].slice(0, 3)).toEqual(['Brokerage', 'Taxable', 5000]);
    // The Dashboard: DRIFT at A1, a column chart of weight and target for the 7 classes (rows 1-8).
    const dash = ss.sheet('Dashboard');
    expect(dash.getRange('A1').getFormula()).toBe('=DRIFT(Targets!A:F, Securities!A:H, Lots!A:H, Accounts!A:H, Settings!A:B)');
    const charts = dash.getCharts();
    expect(charts.map((c) => c.record)).toEqual([
      {
        type: 'COLUMN',
        ranges: ['Dashboard!A1:A8', 'Dashboard!C1:D8'],
        options: { title: 'Current vs target weight', 'vAxis.format': 'percent' },
        numHeaders: 1,
        position: { row: 2, column: 11, offsetX: 0, offsetY: 0 },
      },
      // Drift over time: History's Date and Household Drift columns, whole columns so new rows show.
      {
        type: 'LINE',
        ranges: ['History!A1:B1000'], // getRange('A:B'): the whole columns (the fake spells them out)
        options: { title: 'Household drift over time', 'vAxis.format': 'percent', legend: { position: 'none' } },
        numHeaders: 1,
        position: { row: 22, column: 11, offsetX: 0, offsetY: 0 },
      },
    ]);
    expect(ss.sheet('History').contents()).toEqual([['Date', 'Household Drift', 'Value', 'Plan Tax']]);
    expect(google.ui.dialogs.at(-1)!.message).toContain('Created: Accounts, Targets, Securities, Lots, Sales, Settings, Plan, Journal, History, Dashboard.');
    // The example rows make a household the planner can read.
    const state = ctx.getPlannerState() as PlannerState;
    expect(state.ok).toBe(true);
  });

  it('never touches an existing tab: on the example workbook only Plan, Journal, History and Dashboard are added', () => {
    const { google, ctx } = world();
    const before = google.spreadsheet.snapshot();
    ctx.setUpTabs();
    const after = google.spreadsheet.snapshot();
    for (const tab of Object.keys(exampleSheets())) expect(after[tab], tab).toEqual(before[tab]);
    expect(Object.keys(after)).toEqual([...Object.keys(before), 'Plan', 'Journal', 'History', 'Dashboard']);
    // Targets existed, so no template was asked for; the chart covers the example's 8 target classes (rows 2-9; the untargeted Cash and Total rows stay out).
    expect(google.ui.dialogs.filter((d) => d.kind === 'prompt')).toEqual([]);
    expect(google.spreadsheet.sheet('Dashboard').getCharts()[0].record.ranges).toEqual(['Dashboard!A1:A9', 'Dashboard!C1:D9']);
  });

  it('Cancel at the template prompt changes nothing', () => {
    const google = createFakeGoogle();
    const ctx = loadBundle(google.globals);
    google.ui.responder = () => ({ button: 'CANCEL' });
    ctx.setUpTabs();
    expect(Object.keys(google.spreadsheet.snapshot())).toEqual(['Sheet1']);
  });
});
