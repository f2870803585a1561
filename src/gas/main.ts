/**
 * The Apps Script entry file (placeholder until the real entry points land).
 *
 * Only what this file exports reaches Apps Script: `build.mjs` bundles it into the
 * `RebalancerApp` namespace and writes one top-level forwarding function per export, because
 * Sheets only sees top-level `function NAME` declarations. Top-level code here runs on every
 * server call, even with no authorization, so it must not touch any service.
 */

/**
 * Greets the caller; proves the custom-function wiring works end to end.
 *
 * @param {string} name Who to greet.
 * @return {string} A greeting.
 * @customfunction
 */
export function HELLO_REBALANCER(name: unknown): string {
  const who = typeof name === 'string' && name.trim() !== '' ? name.trim() : 'investor';
  return `Hello, ${who}, from the rebalancer.`;
}

/**
 * Adds the add-on menu. Runs in NONE or LIMITED mode: menus only, no other service.
 *
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
export function onOpen(e: unknown): void {
  void e;
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open trade planner', 'showSidebar').addToUi();
}

/**
 * Runs when the add-on is installed from the Marketplace: show the menu at once.
 *
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e: unknown): void {
  onOpen(e);
}

/** Opens the trade planner sidebar (menu item; full authorization). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Rebalancer');
  SpreadsheetApp.getUi().showSidebar(html);
}
