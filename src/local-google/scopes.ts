/**
 * Which OAuth scope each Apps Script call needs, from the "Authorization" section of each
 * method in Google's reference (developers.google.com/apps-script/reference). One table serves
 * the fakes (every call checks it against the manifest the bundle ships) and the static test
 * over dist/Code.js (every call found has its scope listed; every listed scope is needed).
 *
 * Keys are `Service.method` or a whole `Service`; a method entry wins over its service's. A
 * value lists alternatives: any one of them is enough. `[]` means no scope is needed.
 */
const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  containerUi: `${AUTH}script.container.ui`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  externalRequest: `${AUTH}script.external_request`,
  userEmail: `${AUTH}userinfo.email`,
} as const;

const SHEETS = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
const NONE: readonly string[] = [];

export const SCOPE_TABLE: Readonly<Record<string, readonly string[]>> = {
  // SpreadsheetApp and everything reached through it. getUi needs nothing itself: onOpen builds
  // menus with no authorization at all; showing a sidebar or a dialog needs the UI scope.
  SpreadsheetApp: SHEETS,
  'SpreadsheetApp.getUi': NONE,
  // Any spreadsheet by id: the whole-Drive scope, which we never ask for.
  'SpreadsheetApp.openById': [SCOPES.spreadsheets],
  Spreadsheet: SHEETS,
  Sheet: SHEETS,
  Range: SHEETS,
  EmbeddedChart: SHEETS,
  Ui: [SCOPES.containerUi],
  'Ui.createMenu': NONE,
  'Ui.createAddonMenu': NONE,
  Menu: NONE,
  // Building HTML needs nothing (custom functions may); showing it is the Ui's business.
  HtmlService: NONE,
  HtmlOutput: NONE,
  MailApp: [SCOPES.sendMail],
  ScriptApp: [SCOPES.scriptApp],
  ClockTriggerBuilder: [SCOPES.scriptApp],
  // Designed to be called before authorization is complete; the enums are plain values.
  'ScriptApp.getAuthorizationInfo': NONE,
  'ScriptApp.getScriptId': NONE,
  'ScriptApp.AuthMode': NONE,
  'ScriptApp.AuthorizationStatus': NONE,
  'ScriptApp.EventType': NONE,
  'ScriptApp.WeekDay': NONE,
  AuthorizationInfo: NONE,
  UrlFetchApp: [SCOPES.externalRequest],
  // Session reference: getActiveUser and getEffectiveUser require userinfo.email.
  Session: NONE,
  'Session.getEffectiveUser': [SCOPES.userEmail],
  'Session.getActiveUser': [SCOPES.userEmail],
  PropertiesService: NONE,
  Properties: NONE,
  CacheService: NONE,
  Cache: NONE,
  LockService: NONE,
  Lock: NONE,
  Utilities: NONE,
  Logger: NONE,
};

/** The scopes `api` ('Service.method') may run with, or undefined when the table does not know it. */
export function scopesFor(api: string): readonly string[] | undefined {
  if (api in SCOPE_TABLE) return SCOPE_TABLE[api];
  const service = api.split('.')[0];
  return service in SCOPE_TABLE ? SCOPE_TABLE[service] : undefined;
}

/** Google's wording when the manifest lacks a call's scope (alternatives joined by `||`). */
export function missingScopeMessage(api: string, needed: readonly string[]): string {
  const list = needed.length === 1 ? needed[0] : `(${needed.join(' || ')})`;
  return `You do not have permission to call ${api}. Required permissions: ${list}`;
}

/** Google's wording when a scope is in the manifest but the user has not granted it yet. */
export const AUTHORIZATION_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';
