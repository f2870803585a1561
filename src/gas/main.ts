/**
 * The Apps Script entry file: only what it exports reaches Apps Script. `build.mjs` bundles it
 * into the `RebalancerApp` namespace and writes one top-level forwarding function per export
 * (with the JSDoc below, which Sheets reads for custom-function autocomplete). Top-level code
 * runs on every server call, even with no authorization, so nothing here touches a service.
 */
import { driftFormula, rebalanceFormula, taxLotsFormula } from './custom-functions';
import { addMenu, openHelp, openSidebar } from './menu';
import { diagnosticsFromMenu } from './diagnostics';
import { setUpTabsFromMenu } from './setup-tabs';
import { openAtRecordStep } from './sidebar-api';
import { undoLastRecordingMenu } from './undo-recording';
import {
  installScheduleAt,
  pauseScheduleAt,
  removeScheduleAt,
  resumeScheduleAt,
  scheduleStatusAt,
  scheduledCheck,
  sendTestEmailAt,
  sendTestWebhookAt,
} from './schedule/menu-actions';
export { getPlannerState, makePlan, writePlanToSheet, recordExecuted } from './sidebar-api';
/** Sidebar Backtest: your policy against never, annual, threshold and the planner over rolling windows of 1928-2025. */
export { runBacktestForSidebar } from './backtest-api';
/** Sidebar Backtest "Open larger": the wide chart in a modal dialog. */
export { showBacktestChart } from './backtest-api';
/** Sidebar Import from broker: the preview of importing broker exports, and the import itself (journaled, undoable). */
export { previewImport, applyImport } from './import-api';
/** Sidebar wash-sale notice: the history audit, and recording its adjustments. */
export { getWashNotice, recordWashAdjustments } from './wash-api';

/**
 * Household drift per asset class: value, weight, target, drift in points, relative drift, band and status.
 *
 * @param {A1:F20} targets The Targets tab range, header row included (Asset Class, Target, Band, ...).
 * @param {A1:G40} securities The Securities tab range, header row included (Ticker, Asset Class, Price, ...).
 * @param {A1:G500} lots The Lots tab range, header row included (Account, Ticker, Shares, Cost Basis, Acquired, ...).
 * @param {A1:H10} accounts The Accounts tab range, header row included (Account, Type, Cash, ...).
 * @param {A1:B30} settings Optional: the Settings tab range (As Of, Band, ...), needed for dated glide-path targets.
 * @return A header row, one row per asset class and a total row.
 * @customfunction
 */
export function DRIFT(targets: unknown, securities: unknown, lots: unknown, accounts: unknown, settings?: unknown): unknown[][] {
  return driftFormula(targets, securities, lots, accounts, settings);
}

/**
 * Every tax lot with its term, days held, the date it turns long-term, unrealized gain and wash-sale status.
 *
 * @param {A1:G500} lots The Lots tab range, header row included.
 * @param {A1:G40} securities The Securities tab range, header row included.
 * @param {"2026-11-20"} asOf The date to value the lots on: a date cell or YYYY-MM-DD text (not TODAY(): custom functions must not be volatile).
 * @param {A1:H10} accounts Optional: the Accounts tab range, so lots in IRAs show no tax.
 * @param {A1:B30} settings Optional: the Settings tab range (tax rates).
 * @param {A1:I100} sales Optional: the Sales tab range, so shares bought and since sold, and wash sales not yet recorded, are flagged.
 * @return A header row plus one row per lot, sorted by account, ticker and date.
 * @customfunction
 */
export function TAXLOTS(lots: unknown, securities: unknown, asOf?: unknown, accounts?: unknown, settings?: unknown, sales?: unknown): unknown[][] {
  return taxLotsFormula(lots, securities, asOf, accounts, settings, sales);
}

/**
 * The tax-aware trade list that brings every asset class back inside its band.
 *
 * @param {A1:F20} targets The Targets tab range, header row included.
 * @param {A1:G40} securities The Securities tab range, header row included.
 * @param {A1:G500} lots The Lots tab range, header row included.
 * @param {A1:H10} accounts The Accounts tab range, header row included.
 * @param {A1:B30} settings The Settings tab range (As Of, tax rates, bands, ...).
 * @param {A1:I100} sales Optional: the Sales tab range (this year's gains, recent loss sales for wash sales).
 * @return A header row plus one row per trade with its lots, gains, tax and reason.
 * @customfunction
 */
export function REBALANCE(targets: unknown, securities: unknown, lots: unknown, accounts: unknown, settings?: unknown, sales?: unknown): unknown[][] {
  return rebalanceFormula(targets, securities, lots, accounts, settings, sales);
}

/**
 * Adds the add-on menu. Runs in NONE or LIMITED mode: menus only, no other service.
 *
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
export function onOpen(e: unknown): void {
  void e;
  addMenu();
}

/**
 * Runs when the add-on is installed: show the menu at once.
 *
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e: unknown): void {
  onOpen(e);
}

/** Opens the trade planner sidebar (menu item; full authorization). */
export function showSidebar(): void {
  openSidebar();
}

/** Opens the trade planner at its Record executed step (menu item). */
export function showRecordDialog(): void {
  openAtRecordStep(openSidebar);
}

/** Creates any missing contract tab with headers, formats and an example row, and a Dashboard (menu item). */
export function setUpTabs(): void {
  setUpTabsFromMenu();
}

/** A short help dialog (menu item). */
export function showHelp(): void {
  openHelp();
}

/**
 * Help ▸ Diagnostics: times reading the household, DRIFT, TAXLOTS and a plan inside Apps Script
 * (on this workbook and a generated 5,000-lot one) and lists the runtime's facts, in a dialog
 * and the Journal (menu item).
 */
export function showDiagnostics(): void {
  diagnosticsFromMenu();
}


/**
 * Menu item "Undo last recording": puts Lots, Sales and Accounts back as they were before the
 * last recorded plan (from the before-image kept in a hidden tab), under the document lock and
 * all-or-nothing; asks first if the tabs changed since the recording.
 */
export function undoLastRecording(): void {
  undoLastRecordingMenu();
}


/** Installs the one daily check trigger (menu item); installing again still leaves one. */
export function installSchedule(): void {
  installScheduleAt(new Date());
}

/** Removes this add-on's daily check trigger from this spreadsheet (menu item). */
export function removeSchedule(): void {
  removeScheduleAt();
}

/** Pauses the scheduled checks after asking for a reason (menu item). */
export function pauseSchedule(): void {
  pauseScheduleAt(new Date());
}

/** Resumes paused scheduled checks (menu item). */
export function resumeSchedule(): void {
  resumeScheduleAt(new Date());
}

/** Sends the current check's email now, marked as a test (menu item). */
export function sendTestEmail(): void {
  sendTestEmailAt(new Date());
}

/** Posts the current check's webhook payload now, marked as a test (menu item). */
export function sendTestWebhook(): void {
  sendTestWebhookAt(new Date());
}

/** Shows what is installed, the next review date and any pause (menu item). */
export function showScheduleStatus(): void {
  scheduleStatusAt(new Date());
}

/**
 * The daily time-driven trigger's handler: decides whether a review or alert is due and notifies.
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e The time-driven event (its fields give the firing time).
 */
export function runScheduledCheck(e: unknown): void {
  scheduledCheck(e);
}
