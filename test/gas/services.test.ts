import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { PROPERTY_STORE_LIMIT_BYTES, PROPERTY_VALUE_LIMIT_BYTES } from '../../src/local-google/properties-service';

describe('LockService with two executions', () => {
  it('a held document lock makes the other execution\'s tryLock false and waitLock throw', () => {
    const google = createFakeGoogle();
    const first = google.execution;
    const second = google.startExecution({ userEmail: 'spouse@example.com' });
    const mine = first.globals.LockService.getDocumentLock()!;
    const theirs = second.globals.LockService.getDocumentLock()!;

    expect(mine.hasLock()).toBe(false); // nothing is held until tryLock/waitLock
    expect(mine.tryLock(10_000)).toBe(true);
    expect(mine.hasLock()).toBe(true);
    expect(theirs.tryLock(10_000)).toBe(false);
    expect(theirs.hasLock()).toBe(false);
    expect(() => theirs.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    theirs.releaseLock(); // not the holder: no effect
    expect(mine.hasLock()).toBe(true);

    mine.releaseLock();
    expect(theirs.tryLock(0)).toBe(true);
    second.end(); // an execution's locks go when it ends
    expect(mine.tryLock(0)).toBe(true);
  });

  it('user locks are per user; the document lock is null outside a document', () => {
    const google = createFakeGoogle();
    const other = google.startExecution({ userEmail: 'spouse@example.com' });
    expect(google.globals.LockService.getUserLock().tryLock(0)).toBe(true);
    expect(other.globals.LockService.getUserLock().tryLock(0)).toBe(true);
    expect(other.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(google.globals.LockService.getScriptLock().tryLock(0)).toBe(false);
    expect(createFakeGoogle({ inDocument: false }).globals.LockService.getDocumentLock()).toBeNull();
  });
});

describe('PropertiesService', () => {
  it('stores strings per scope; user properties are per user', () => {
    const google = createFakeGoogle();
    const props = google.globals.PropertiesService;
    props.getDocumentProperties()!.setProperty('lastRun', 42);
    expect(props.getDocumentProperties()!.getProperty('lastRun')).toBe('42');
    expect(props.getDocumentProperties()!.getProperty('missing')).toBeNull();
    props.getUserProperties().setProperty('email', 'on');
    const spouse = google.startExecution({ userEmail: 'spouse@example.com' });
    expect(spouse.globals.PropertiesService.getUserProperties().getProperty('email')).toBeNull();
    expect(spouse.globals.PropertiesService.getDocumentProperties()!.getProperty('lastRun')).toBe('42');
  });

  it('refuses a value over 9 KB and a store over 500 KB, keeping the old content', () => {
    const store = createFakeGoogle().globals.PropertiesService.getScriptProperties();
    store.setProperty('fits', 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES)); // 9,216 bytes: the limit itself is allowed
    expect(() => store.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES + 1))).toThrow('Argument too large: value');
    // 'é' is 2 bytes in UTF-8: 4,609 of them are 9,218 bytes.
    expect(() => store.setProperty('accents', 'é'.repeat(4609))).toThrow('Argument too large: value');

    // 55 keys "k00".."k54" of 9,000 bytes: 55 × (3 + 9,000) = 495,165, plus "fits" (4 + 9,216) = 504,385 bytes,
    // under 512,000; a 56th (9,003 more) would make 513,388.
    const many: Record<string, string> = {};
    for (let i = 0; i < 55; i++) many[`k${String(i).padStart(2, '0')}`] = 'y'.repeat(9000);
    store.setProperties(many);
    expect(store.bytesUsed()).toBe(504_385);
    expect(() => store.setProperty('k55', 'y'.repeat(9000))).toThrow('You have exceeded the property storage quota');
    expect(store.getProperty('k55')).toBeNull();
    expect(store.bytesUsed()).toBeLessThanOrEqual(PROPERTY_STORE_LIMIT_BYTES);
  });
});

describe('CacheService', () => {
  it('forgets entries after their time to live (at most 6 hours)', () => {
    let now = new Date('2024-01-01T00:00:00Z');
    const cache = createFakeGoogle({ now: () => now }).globals.CacheService.getDocumentCache();
    cache.put('plan', 'p1', 60);
    cache.put('long', 'l1', 999_999);
    now = new Date('2024-01-01T00:00:59Z');
    expect(cache.get('plan')).toBe('p1');
    now = new Date('2024-01-01T00:01:00Z');
    expect(cache.get('plan')).toBeNull();
    now = new Date('2024-01-01T06:00:00Z'); // 21,600 s cap
    expect(cache.get('long')).toBeNull();
  });
});

describe('HtmlService, Session, Utilities', () => {
  it('builds outputs from the project files', () => {
    const html = createFakeGoogle({ htmlFiles: { Sidebar: '<p>hi</p>' } }).globals.HtmlService;
    const out = html.createHtmlOutputFromFile('Sidebar.html').setTitle('Plan').setWidth(500);
    expect([out.getContent(), out.getTitle(), out.getWidth()]).toEqual(['<p>hi</p>', 'Plan', 500]);
    expect(html.SandboxMode.IFRAME).toBe('IFRAME');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(html.createHtmlOutput('<b>x</b>').append('!').getContent()).toBe('<b>x</b>!');
  });

  it('Session users and time zone; Utilities dates and ids', () => {
    const g = createFakeGoogle({ userEmail: 'me@example.com', scriptTimeZone: 'Europe/London' }).globals;
    expect(g.Session.getEffectiveUser().getEmail()).toBe('me@example.com');
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    expect(g.Session.getScriptTimeZone()).toBe('Europe/London');
    const instant = new Date('2024-03-10T06:30:00Z'); // 01:30 EST in New York, before the 02:00 DST jump
    expect(g.Utilities.formatDate(instant, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2024-03-10 01:30');
    expect(g.Utilities.formatDate(instant, 'Asia/Tokyo', 'yyyy-MM-dd')).toBe('2024-03-10');
    expect(g.Utilities.formatDate(instant, 'Pacific/Honolulu', "yyyy-MM-dd'T'HH")).toBe('2024-03-09T20');
    expect(() => g.Utilities.formatDate(instant, 'UTC', 'EEE')).toThrow('not supported');
    expect([g.Utilities.getUuid(), g.Utilities.getUuid()]).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
  });
});

describe('MailApp', () => {
  it('records both call forms and spends the quota per recipient', () => {
    const google = createFakeGoogle({ mailDailyQuota: 3 });
    const mail = google.globals.MailApp;
    mail.sendEmail({ to: 'a@example.com, b@example.com', subject: 'Drift', htmlBody: '<p>5%</p>' });
    mail.sendEmail('c@example.com', 'Drift', 'text body', { name: 'Rebalancer' });
    expect(google.mail.sent.map((m) => m.to)).toEqual(['a@example.com, b@example.com', 'c@example.com']);
    expect(google.mail.sent[1]).toEqual({ to: 'c@example.com', subject: 'Drift', body: 'text body', name: 'Rebalancer' });
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('d@example.com', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
  });

  it('injected failures throw and send nothing; unavailable to custom functions', () => {
    const google = createFakeGoogle();
    google.mail.failNextSends(1);
    expect(() => google.globals.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow('Service unavailable');
    expect(google.mail.sent).toEqual([]);
    google.globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(google.mail.sent).toHaveLength(1);
    google.setAuthMode('CUSTOM_FUNCTION');
    expect(() => google.globals.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow('You do not have permission to call MailApp.sendEmail');
  });
});

describe('ScriptApp triggers', () => {
  it('one daily trigger per user per document; no more often than hourly', () => {
    const google = createFakeGoogle();
    const app = google.globals.ScriptApp;
    const trigger = app.newTrigger('dailyCheck').timeBased().everyDays(1).atHour(7).create();
    expect(trigger.getHandlerFunction()).toBe('dailyCheck');
    expect(trigger.getUniqueId()).toBe('1');
    expect(trigger.schedule).toEqual({ everyDays: 1, atHour: 7 });
    expect(() => app.newTrigger('again').timeBased().everyDays(1).create()).toThrow('too many time-based triggers');
    const spouse = google.startExecution({ userEmail: 'spouse@example.com' }).globals.ScriptApp;
    spouse.newTrigger('dailyCheck').timeBased().everyDays(1).create();
    expect(app.getProjectTriggers()).toHaveLength(1);
    app.deleteTrigger(trigger);
    expect(app.getProjectTriggers()).toEqual([]);
    expect(() => app.newTrigger('x').timeBased().everyMinutes(5).create()).toThrow('more often than once per hour');
    expect(() => app.newTrigger('x').timeBased().atHour(24)).toThrow('Invalid argument: hour');
    expect(app.AuthMode.LIMITED).toBe('LIMITED');
  });
});

describe('UrlFetchApp', () => {
  it('records requests, answers through the responder, throws on errors unless muted', () => {
    const google = createFakeGoogle({ urlFetchWhitelist: ['https://hooks.slack.com/'] });
    const fetch = google.globals.UrlFetchApp;
    google.urlFetch.responder = (req) => (req.url.endsWith('/bad') ? { status: 404, body: 'no_service' } : { status: 200, body: 'ok' });
    const ok = fetch.fetch('https://hooks.slack.com/services/T/B/x', { method: 'post', payload: '{"text":"hi"}' });
    expect([ok.getResponseCode(), ok.getContentText()]).toEqual([200, 'ok']);
    expect(() => fetch.fetch('https://hooks.slack.com/bad')).toThrow(
      'Request failed for https://hooks.slack.com/bad returned code 404. Truncated server response: no_service',
    );
    expect(fetch.fetch('https://hooks.slack.com/bad', { muteHttpExceptions: true }).getResponseCode()).toBe(404);
    expect(() => fetch.fetch('https://example.com/')).toThrow('Request to https://example.com/ failed because the URL has not been whitelisted in the script manifest.');
    google.urlFetch.failNextFetches(1);
    expect(() => fetch.fetch('https://hooks.slack.com/x')).toThrow('Address unavailable');
    expect(google.urlFetch.requests.map((r) => [r.method, r.url])).toEqual([
      ['post', 'https://hooks.slack.com/services/T/B/x'],
      ['get', 'https://hooks.slack.com/bad'],
      ['get', 'https://hooks.slack.com/bad'],
      ['get', 'https://hooks.slack.com/x'],
    ]);
    google.setAuthMode('LIMITED');
    expect(() => fetch.fetch('https://hooks.slack.com/x')).toThrow('You do not have permission to call UrlFetchApp.fetch');
  });
});

describe('Ui dialogs', () => {
  it('alert and prompt are answered by the scripted responder', () => {
    const google = createFakeGoogle();
    const ui = google.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Saved.')).toBe('OK');
    google.ui.responder = (req) => (req.kind === 'prompt' ? { button: 'OK', text: '0.05' } : { button: 'NO' });
    expect(ui.alert('Apply plan', 'Write 3 trades?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const answer = ui.prompt('Band', ui.ButtonSet.OK_CANCEL);
    expect([answer.getSelectedButton(), answer.getResponseText()]).toEqual(['OK', '0.05']);
    expect(google.ui.dialogs.map((d) => [d.kind, d.title, d.message, d.buttons])).toEqual([
      ['alert', '', 'Saved.', 'OK'],
      ['alert', 'Apply plan', 'Write 3 trades?', 'YES_NO'],
      ['prompt', '', 'Band', 'OK_CANCEL'],
    ]);
    google.ui.responder = () => ({ button: 'YES' });
    expect(() => ui.alert('Only OK')).toThrow('responder answered YES, not one of OK');
  });
});
