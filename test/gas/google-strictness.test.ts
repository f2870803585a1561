/**
 * The fakes as strict as Google, over the real dist/Code.js: every call's scope against the
 * manifest the bundle ships, each entry point in the context Google runs it in, triggers per
 * user and document, re-authorization after an update, and the document lock.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeGoogle, type FakeGoogleOptions } from '../../src/local-google/fake-google';
import { SCOPES } from '../../src/local-google/scopes';
import { loadBundle } from '../support/load-bundle';
import { exampleTabs } from '../schedule/example-household';

const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../dist/appsscript.json', import.meta.url)), 'utf8')) as { oauthScopes: string[] };
/** What the manifest listed before userinfo.email was added. */
const BEFORE_UPDATE = [SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi, SCOPES.sendMail, SCOPES.scriptApp, SCOPES.externalRequest];
/** The time-driven event: the firing time in UTC fields and the trigger's id. */
const fired = (day: number, triggerUid = '1') => ({ authMode: 'FULL', year: 2026, month: 11, 'day-of-month': day, hour: 12, minute: 3, second: 0, timezone: 'UTC', triggerUid });
const journalRows = (google: ReturnType<typeof createFakeGoogle>) => (google.spreadsheet.snapshot().Journal ?? []).slice(1).map((r) => r.map(String));

function world(settings: Record<string, string> = {}, options: FakeGoogleOptions = {}, edit?: (tabs: Record<string, string[][]>) => void) {
  const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs(settings, edit) }, urlFetchWhitelist: ['https://hooks.slack.com/'], ...options });
  return { google, ctx: loadBundle(google.globals) };
}

beforeAll(() => {
}, 60_000);

describe('scopes: each call needs its scope in the manifest the bundle ships', () => {
  it('the fakes use the shipped manifest by default, and refuse a call without its scope with Google\'s message', () => {
    const google = createFakeGoogle();
    expect(google.context.manifestScopes).toEqual(manifest.oauthScopes);
    const bare = createFakeGoogle({ oauthScopes: [SCOPES.spreadsheetsCurrentOnly] });
    expect(() => bare.globals.MailApp.sendEmail({ to: 'a@example.com', subject: 's', body: 'b' })).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => bare.globals.Session.getEffectiveUser()).toThrow(
      'You do not have permission to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    const noSheets = createFakeGoogle({ oauthScopes: [SCOPES.containerUi] });
    expect(() => noSheets.globals.SpreadsheetApp.getActive()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActive. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    // Properties, Lock, Cache and Utilities need no scope at all.
    expect(() => bare.globals.PropertiesService.getDocumentProperties()!.setProperty('k', 'v')).not.toThrow();
  });

  it('with no Email setting, the broken-workbook email goes to the account the trigger runs as (userinfo.email)', () => {
    const { google, ctx } = world({ Email: '' }, { runContext: 'timeDriven' }, (tabs) => {
      tabs.Lots[1][2] = 'many';
    });
    ctx.runScheduledCheck(fired(20));
    expect(google.mail.sent.map((m) => [m.to, m.subject])).toEqual([['owner@example.com', expect.stringContaining('error')]]);
  });

  it('the same run under the old manifest (no userinfo.email) is refused by Google: the fakes catch what production would', () => {
    const { google, ctx } = world({ Email: '' }, { runContext: 'timeDriven', oauthScopes: BEFORE_UPDATE }, (tabs) => {
      tabs.Lots[1][2] = 'many';
    });
    ctx.runScheduledCheck(fired(20));
    expect(google.mail.sent).toEqual([]);
    const state = JSON.parse(google.properties.document.getProperty('rebalancer.schedule.state')!);
    expect(state.lastRun.result).toContain('You do not have permission to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email');
  });

  it('"Send a test email" with no Email setting goes to you', () => {
    const { google, ctx } = world({ Email: '' });
    ctx.sendTestEmail();
    expect(google.mail.sent.map((m) => m.to)).toEqual(['owner@example.com']);
    expect(google.ui.dialogs.at(-1)!.message).toBe('A test email was sent to owner@example.com.');
  });
});

describe('odd but plausible: what a user will do', () => {
  it('Google gives no address and Settings has none: the test email says what to do instead of failing', () => {
    const { google, ctx } = world({ Email: '' }, { userEmail: '' });
    ctx.sendTestEmail();
    expect(google.mail.sent).toEqual([]);
    expect(google.ui.dialogs.at(-1)!.message).toBe('The test email was not sent: no recipient: Google gave no address for your account; set Email on the Settings tab');
  });

  it('Diagnostics on a spreadsheet with no tabs of ours still times the generated household', () => {
    const google = createFakeGoogle({ spreadsheet: { sheets: { Sheet1: [] } } });
    const ctx = loadBundle(google.globals);
    ctx.showDiagnostics();
    const dialog = google.ui.shown.at(-1)!.content;
    expect(dialog).toMatch(/workbook error\(s\)/);
    expect(dialog).toContain('generated: TAXLOTS');
    expect(dialog).not.toContain('failed:');
  }, 60_000);

  it('the sheet\'s time zone changed after installing: installing again moves the trigger to the new zone', () => {
    const { google, ctx } = world();
    ctx.installSchedule();
    google.spreadsheet.setSpreadsheetTimeZone('Asia/Tokyo');
    ctx.installSchedule();
    expect(google.triggers.all.map((t) => t.schedule.timeZone)).toEqual(['Asia/Tokyo']);
    ctx.showScheduleStatus();
    expect(google.ui.dialogs.at(-1)!.message).toContain('Installed: one daily check around 7:00 (Asia/Tokyo).');
  });
});

describe('run contexts: each entry point in the context Google runs it in', () => {
  it('onOpen in AuthMode.NONE builds the menu (Help ▸ Diagnostics included) and touches nothing else', () => {
    const { google, ctx } = world({}, { runContext: 'onOpen' });
    ctx.onOpen({ authMode: 'NONE' });
    const help = google.ui.menus[0].entries.at(-1);
    expect(help).toEqual({ kind: 'submenu', caption: 'Help', entries: [{ kind: 'item', caption: 'How it works', functionName: 'showHelp' }, { kind: 'item', caption: 'Diagnostics', functionName: 'showDiagnostics' }] });
    const apis = Object.keys(google.calls.snapshot());
    // The call log saw the menu being built (an empty log would make the check below pass vacuously).
    expect(apis).toContain('SpreadsheetApp.getUi');
    expect(apis.filter((api) => !/^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.)/.test(api))).toEqual([]);
  });

  it('custom functions run with no authorization: they compute, and a write or a dialog is refused', () => {
    const { google, ctx } = world({}, { runContext: 'customFunction' });
    const tab = (name: string) => google.spreadsheet.sheet(name).contents();
    const drift = ctx.DRIFT(tab('Targets'), tab('Securities'), tab('Lots'), tab('Accounts'), tab('Settings')) as unknown[][];
    expect(drift[0][0]).toBe('Asset Class');
    expect(() => google.globals.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(() => google.globals.MailApp.getRemainingDailyQuota()).toThrow('You do not have permission to call MailApp.getRemainingDailyQuota');
  });

  it('a time-driven run has no UI: every outcome of the scheduled check completes without getUi', () => {
    const { google, ctx } = world({}, { runContext: 'timeDriven' });
    expect(() => google.globals.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    ctx.runScheduledCheck(fired(20)); // review due: email
    ctx.runScheduledCheck(fired(21)); // nothing due
    google.spreadsheet.failAfterWrites(0);
    ctx.runScheduledCheck(fired(22)); // the Journal cannot be written
    google.spreadsheet.stopFailing();
    expect(google.calls.count('SpreadsheetApp.getUi')).toBe(1); // only the probe above
    expect(google.mail.sent).toHaveLength(1);
    // A menu item run from a trigger would fail the way Google fails it.
    expect(() => ctx.showScheduleStatus()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('the sidebar\'s server calls run in the sidebar context and may show dialogs', () => {
    const { google, ctx } = world({}, { runContext: 'sidebar' });
    const state = ctx.getPlannerState() as { ok: boolean; schedule: { installed: boolean; when: string; reauth: unknown } };
    expect(state.ok).toBe(true);
    expect(state.schedule).toEqual({ installed: false, when: 'around 7:00 (America/New_York)', reauth: null });
    expect(() => google.globals.SpreadsheetApp.getUi().alert('x')).not.toThrow();
  });
});

describe('triggers: found by the id saved in this document, never by name across documents', () => {
  it('install twice leaves one trigger, at 7:00 in the spreadsheet\'s time zone (not the script\'s)', () => {
    const { google, ctx } = world({}, { spreadsheet: { timeZone: 'Europe/Berlin', sheets: exampleTabs() }, scriptTimeZone: 'America/Los_Angeles' });
    ctx.installSchedule();
    ctx.installSchedule();
    expect(google.triggers.all.map((t) => t.schedule)).toEqual([{ everyDays: 1, atHour: 7, timeZone: 'Europe/Berlin' }]);
    expect(google.ui.dialogs.at(-1)!.message).toContain('It runs once a day around 7:00 (Europe/Berlin)');
  });

  it('getProjectTriggers lists your trigger in another spreadsheet: installing and removing here leave it alone', () => {
    const { google, ctx } = world();
    const elsewhere = google.triggers.installElsewhere('runScheduledCheck', 'owner@example.com', 'another-spreadsheet');
    ctx.installSchedule();
    ctx.installSchedule();
    expect(google.triggers.all.map((t) => t.documentId).sort()).toEqual(['another-spreadsheet', 'fake-spreadsheet-id']);
    ctx.removeSchedule();
    expect(google.triggers.all).toEqual([elsewhere]);
    expect(google.ui.dialogs.at(-1)!.message).toBe('The daily check was removed. No more scheduled emails from this spreadsheet.');
    ctx.removeSchedule();
    expect(google.ui.dialogs.at(-1)!.message).toBe('No daily check was installed for you in this spreadsheet.');
  });

  it('two editors each install one; each removes only their own', () => {
    const { google, ctx } = world();
    ctx.installSchedule();
    const partner = google.startExecution({ userEmail: 'partner@example.com' });
    const partnerCtx = loadBundle(partner.globals);
    partnerCtx.installSchedule();
    expect(google.triggers.triggers.map((t) => t.userEmail).sort()).toEqual(['owner@example.com', 'partner@example.com']);
    partnerCtx.removeSchedule();
    expect(google.triggers.triggers.map((t) => t.userEmail)).toEqual(['owner@example.com']);
  });

  it('installing beside a trigger made before ids were saved explains Google\'s refusal instead of failing', () => {
    const { google, ctx } = world();
    google.triggers.installElsewhere('runScheduledCheck', 'owner@example.com', 'fake-spreadsheet-id');
    ctx.installSchedule();
    expect(google.triggers.all).toHaveLength(1);
    expect(google.ui.dialogs.at(-1)!.message).toMatch(/^You already have a daily check in this spreadsheet, made by an earlier version/);
  });

  it('a trigger made before ids were saved is adopted when it fires here, so Remove finds it', () => {
    const { google, ctx } = world();
    const legacy = google.triggers.installElsewhere('runScheduledCheck', 'owner@example.com', 'fake-spreadsheet-id');
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20, legacy.getUniqueId()));
    google.setRunContext('menu');
    ctx.removeSchedule();
    expect(google.triggers.all).toEqual([]);
  });
});

describe('re-authorization after an update that added a scope', () => {
  it('the trigger does nothing but record it; the sidebar shows the banner; once authorized, the next run checks', () => {
    const { google, ctx } = world({}, { runContext: 'timeDriven', grantedScopes: BEFORE_UPDATE });
    ctx.runScheduledCheck(fired(20));
    expect(google.mail.sent).toEqual([]);
    expect(google.urlFetch.requests).toEqual([]);
    expect(google.calls.count('Session.getEffectiveUser')).toBe(0);
    expect(journalRows(google).map((r) => [r[2], r[4]])).toEqual([['check', expect.stringMatching(/^Re-authorization required: the scheduled check did not run/)]]);
    expect(google.properties.document.getProperty('rebalancer.schedule.state')).toBeNull(); // the period is still due
    ctx.runScheduledCheck(fired(21)); // still not authorized the next day: no second Journal row
    expect(journalRows(google)).toHaveLength(1);

    // The owner opens the sidebar without having authorized yet: the banner carries Google's URL.
    google.setRunContext('sidebar');
    const stuck = ctx.getPlannerState() as { schedule: { reauth: { youMustAuthorize: boolean; url: string; asOf: string } } };
    expect(stuck.schedule.reauth).toMatchObject({ youMustAuthorize: true, url: 'https://script.google.com/macros/d/fake-script-id/authorize', asOf: '2026-11-20' });

    // Authorized (any menu item asks): the banner says so; the next run clears it and sends the review.
    google.context.grantedScopes = null;
    const fine = ctx.getPlannerState() as { schedule: { reauth: { youMustAuthorize: boolean } } };
    expect(fine.schedule.reauth).toMatchObject({ youMustAuthorize: false });
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(21));
    expect(google.mail.sent).toHaveLength(1);
    google.setRunContext('sidebar');
    expect((ctx.getPlannerState() as { schedule: { reauth: unknown } }).schedule.reauth).toBeNull();
  });
});

describe('the document lock: one period\'s notice goes out once', () => {
  it('while another execution holds the lock, the check decides nothing, sends nothing and saves nothing', () => {
    const { google, ctx } = world({}, { runContext: 'timeDriven' });
    const other = google.startExecution({ userEmail: 'partner@example.com' });
    expect(other.globals.LockService.getDocumentLock()!.tryLock(1000)).toBe(true);
    ctx.runScheduledCheck(fired(20));
    expect(google.mail.sent).toEqual([]);
    expect(google.properties.document.getProperty('rebalancer.schedule.state')).toBeNull();
    other.end();
    ctx.runScheduledCheck(fired(20));
    expect(google.mail.sent).toHaveLength(1);
  });

  it('a second editor\'s trigger firing while the first is sending waits its turn and then sends nothing twice', () => {
    const { google, ctx } = world({}, { runContext: 'timeDriven' });
    const partner = google.startExecution({ userEmail: 'partner@example.com', context: 'timeDriven' });
    const partnerCtx = loadBundle(partner.globals);
    let nested = false;
    const send = google.mail.sendEmail.bind(google.mail);
    // While the owner's check is sending, the partner's trigger fires (Google runs them in parallel).
    google.mail.sendEmail = ((...args: Parameters<typeof send>) => {
      if (!nested) {
        nested = true;
        partnerCtx.runScheduledCheck(fired(20, '2'));
      }
      return send(...args);
    }) as typeof send;
    ctx.runScheduledCheck(fired(20));
    partner.end();
    partnerCtx.runScheduledCheck(fired(20, '2'));
    expect(google.mail.sent).toHaveLength(1);
  });
});
