/**
 * The add-on menu. onOpen runs in AuthMode.NONE when the add-on is installed but not yet used in
 * this document, and then only menus may be built: this file touches nothing but the Ui's menu
 * calls. Items name top-level functions; the Schedule and Undo items are implemented elsewhere
 * (src/gas/schedule*.ts, src/gas/undo*.ts), which is why they are plain strings here.
 */
import { HELP_URL } from '../present/help-link';
export const MENU_ITEMS = {
  openPlanner: { caption: 'Open trade planner', fn: 'showSidebar' },
  setUpTabs: { caption: 'Set up tabs…', fn: 'setUpTabs' },
  record: { caption: 'Record executed plan', fn: 'showRecordDialog' },
  undo: { caption: 'Undo last recording', fn: 'undoLastRecording' },
  help: { caption: 'Help', fn: 'showHelp' },
} as const;

/** Help ▸ How it works, Help ▸ Diagnostics (timings and runtime facts, measured inside Google). */
export const HELP_ITEMS = [
  { caption: 'How it works', fn: 'showHelp' },
  { caption: 'Diagnostics', fn: 'showDiagnostics' },
] as const;

export const SCHEDULE_ITEMS = [
  { caption: 'Install monthly check', fn: 'installSchedule' },
  { caption: 'Pause checks', fn: 'pauseSchedule' },
  { caption: 'Resume checks', fn: 'resumeSchedule' },
  { caption: 'Remove schedule', fn: 'removeSchedule' },
  { caption: 'Send a test email', fn: 'sendTestEmail' },
  { caption: 'Send a test webhook', fn: 'sendTestWebhook' },
  { caption: 'Schedule status', fn: 'showScheduleStatus' },
] as const;

/** Works as an editor add-on (Extensions ▸ Rebalancer) and as a bound script (its own menu). */
export function addMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const schedule = ui.createMenu('Schedule');
  for (const item of SCHEDULE_ITEMS) schedule.addItem(item.caption, item.fn);
  const help = ui.createMenu('Help');
  for (const item of HELP_ITEMS) help.addItem(item.caption, item.fn);
  const m = MENU_ITEMS;
  ui.createAddonMenu()
    .addItem(m.openPlanner.caption, m.openPlanner.fn)
    .addItem(m.setUpTabs.caption, m.setUpTabs.fn)
    .addSeparator()
    .addItem(m.record.caption, m.record.fn)
    .addItem(m.undo.caption, m.undo.fn)
    .addSeparator()
    .addSubMenu(schedule)
    .addSeparator()
    .addSubMenu(help)
    .addToUi();
}

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Rebalancer');
  SpreadsheetApp.getUi().showSidebar(html);
}

const HELP_HTML = `<div style="font:13px/1.5 Roboto,Arial,sans-serif;color:#202124">
<p><b>Rebalancer</b> plans tax-aware trades across all your accounts.</p>
<ol style="padding-left:18px">
<li><b>Set up tabs…</b> creates the tabs it reads (Accounts, Targets, Securities, Lots, Sales, Settings) with an example row and a Dashboard.</li>
<li><b>Open trade planner</b> shows drift, lets you tune cash, lot method and gain budget, and proposes trades with their tax.</li>
<li>Write the plan to the Plan tab, place the orders at your broker, then <b>Record executed plan</b> to update Lots, Sales and Accounts.</li>
<li><b>Schedule</b> emails you a check each month.</li>
</ol>
<p>Custom functions: <code>=DRIFT(...)</code>, <code>=TAXLOTS(...)</code>, <code>=REBALANCE(...)</code>.</p>
<p>The full guide (getting started, the tabs, the sidebar, the emails): <a href="${HELP_URL}" target="_blank" rel="noopener">docs/help.md</a></p>
<p>Not tax advice: check the numbers with your tax adviser.</p>
</div>`;

/** A small static dialog: no workbook data in it, so nothing to escape. */
export function openHelp(): void {
  const html = HtmlService.createHtmlOutput(HELP_HTML).setWidth(420).setHeight(340);
  SpreadsheetApp.getUi().showModalDialog(html, 'Rebalancer help');
}
