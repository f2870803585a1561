/**
 * The manifest against the code it ships: every Apps Script service call found in dist/Code.js
 * has a scope listed in dist/appsscript.json, and every listed scope is needed by some call. The
 * table of which call needs which scope (src/local-google/scopes.ts) is the one the fakes check
 * at run time, so the static check and the fakes cannot disagree.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, scopesFor } from '../../src/local-google/scopes';

const dist = (f: string) => readFileSync(fileURLToPath(new URL(`../../dist/${f}`, import.meta.url)), 'utf8');

/** Apps Script's global services: any of them named in the bundle is a call to account for. */
const SERVICES = [
  'SpreadsheetApp', 'MailApp', 'GmailApp', 'ScriptApp', 'UrlFetchApp', 'Session', 'HtmlService', 'LockService', 'PropertiesService',
  'CacheService', 'Utilities', 'Logger', 'DriveApp', 'DocumentApp', 'SlidesApp', 'FormApp', 'CalendarApp', 'ContactsApp', 'XmlService', 'Charts',
];
/** Methods only a Ui object has: the bundle reaches them through SpreadsheetApp.getUi(). */
const UI_METHODS = ['showSidebar', 'showModalDialog', 'showModelessDialog', 'alert', 'prompt'];

/** Every `Service.member` and every Ui method call in `code`. */
export function serviceCalls(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(new RegExp(`\\b(${SERVICES.join('|')})\\.([A-Za-z_$][\\w$]*)`, 'g'))) found.add(`${m[1]}.${m[2]}`);
  for (const m of code.matchAll(new RegExp(`\\.(${UI_METHODS.join('|')})\\(`, 'g'))) found.add(`Ui.${m[1]}`);
  return [...found].sort();
}

/** Problems of `code` against `scopes`: calls without a listed scope, calls the table does not know, scopes nothing needs. */
export function scopeProblems(code: string, scopes: readonly string[]): string[] {
  const problems: string[] = [];
  const needed = new Set<string>();
  for (const api of serviceCalls(code)) {
    const alternatives = scopesFor(api);
    if (alternatives === undefined) {
      problems.push(`${api}: not in src/local-google/scopes.ts (look its scope up in Google's reference)`);
      continue;
    }
    if (alternatives.length === 0) continue;
    const listed = alternatives.filter((s) => scopes.includes(s));
    if (listed.length === 0) problems.push(`${api} needs ${alternatives.join(' or ')}, which the manifest does not list`);
    for (const s of listed) needed.add(s);
  }
  for (const scope of scopes) if (!needed.has(scope)) problems.push(`${scope} is listed but no call in Code.js needs it`);
  return problems;
}

describe('dist/appsscript.json lists exactly the scopes dist/Code.js calls need', () => {
  let code = '';
  let scopes: string[] = [];
  beforeAll(() => {
    code = dist('Code.js');
    scopes = (JSON.parse(dist('appsscript.json')) as { oauthScopes: string[] }).oauthScopes;
  }, 60_000);

  it('finds the calls it should (the scanner is not blind)', () => {
    const calls = serviceCalls(code);
    for (const api of ['SpreadsheetApp.getActive', 'MailApp.sendEmail', 'ScriptApp.newTrigger', 'UrlFetchApp.fetch', 'Session.getEffectiveUser', 'Ui.showSidebar', 'Ui.alert']) expect(calls).toContain(api);
  });

  it('every call has its scope, every scope is needed', () => {
    expect(scopeProblems(code, scopes)).toEqual([]);
  });

  it('would catch the defect that broke email: Session.getEffectiveUser without userinfo.email', () => {
    expect(scopeProblems(code, scopes.filter((s) => s !== SCOPES.userEmail))).toEqual([
      'Session.getEffectiveUser needs https://www.googleapis.com/auth/userinfo.email, which the manifest does not list',
    ]);
  });

  it('would catch a scope nothing needs, and a service the table does not know', () => {
    expect(scopeProblems(code, [...scopes, 'https://www.googleapis.com/auth/drive'])).toEqual(['https://www.googleapis.com/auth/drive is listed but no call in Code.js needs it']);
    expect(scopeProblems('DriveApp.getFiles(); GmailApp.search("x")', [])).toEqual([
      'DriveApp.getFiles: not in src/local-google/scopes.ts (look its scope up in Google\'s reference)',
      'GmailApp.search: not in src/local-google/scopes.ts (look its scope up in Google\'s reference)',
    ]);
  });
});
