import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGoogle, type FakeGoogle, type FakeGoogleOptions } from '../../src/local-google/fake-google';
import { runCheckAt } from '../../src/gas/schedule/run-check';
import { installScheduleAt, pauseScheduleAt, removeScheduleAt, resumeScheduleAt, scheduleStatusAt, sendTestEmailAt } from '../../src/gas/schedule/menu-actions';
import { notifyPlanRecorded } from '../../src/gas/schedule/plan-recorded';
import { loadState, saveState, PENDING_KEY, STATE_KEY } from '../../src/gas/schedule/schedule-store';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { isoDate } from '../../src/engine/index';
import { exampleTabs } from './example-household';

const NOV_20 = new Date('2026-11-20T12:00:00Z');
const NOV_21 = new Date('2026-11-21T12:00:00Z');
const HOOK = 'https://hooks.slack.com/services/T000/B000/secret';
const installed: string[] = [];

/** A fake Google around the example workbook, its services installed as this test's globals. */
function world(settings: Record<string, string> = {}, edit?: (tabs: Record<string, string[][]>) => void, options: FakeGoogleOptions = {}): FakeGoogle {
  const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs(settings, edit) }, urlFetchWhitelist: ['https://hooks.slack.com/'], ...options });
  const { console: _console, ...services } = google.globals;
  void _console;
  Object.assign(globalThis, services);
  installed.push(...Object.keys(services));
  return google;
}

afterEach(() => {
  for (const name of installed.splice(0)) delete (globalThis as Record<string, unknown>)[name];
});

const journal = (google: FakeGoogle) => (google.spreadsheet.snapshot().Journal ?? []).map((r) => r.map(String));
const events = (google: FakeGoogle) => journal(google).slice(1).map((r) => r[2]);
const ss = (google: FakeGoogle) => google.globals.SpreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
const everyCell = (google: FakeGoogle) => JSON.stringify(google.spreadsheet.snapshot());

describe('the scheduled check over the in-memory spreadsheet', () => {
  it('a due review sends one email with the expected trades; a second run the same month sends nothing', () => {
    const google = world();
    const outcome = runCheckAt(ss(google), NOV_20);
    expect(outcome).toMatchObject({ kind: 'review', emailsSent: 1, failures: [] });
    expect(google.mail.sent).toHaveLength(1);
    const mail = google.mail.sent[0];
    expect(mail.to).toBe('alex.rivera@example.com');
    expect(mail.subject).toBe('Rebalance due: 7 classes outside their bands, est. tax saving $91');
    expect(mail.body).toContain('* Taxable Brokerage: SELL 250 BND = $18,450.00, saves $90.65');
    expect(mail.body).toContain('* Taxable Brokerage: BUY 293 VEA = $16,964.70');
    expect(mail.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit"');
    expect(events(google)).toEqual(['check', 'notice sent']);
    expect(journal(google)[1][4]).toBe('review review:2026-11: emailed alex.rivera@example.com');
    expect(loadState()).toMatchObject({ lastReview: '2026-11-20', reviewKey: 'review:2026-11' });

    const again = runCheckAt(ss(google), NOV_21);
    expect(again).toMatchObject({ kind: 'nothing', emailsSent: 0 });
    expect(google.mail.sent).toHaveLength(1);
    expect(events(google)).toEqual(['check', 'notice sent', 'check']);
  });

  it('an override alert mid-quarter, once', () => {
    const google = world({ Schedule: 'quarterly' });
    saveState({ ...emptyScheduleState(), lastReview: isoDate('2026-10-01'), reviewKey: 'review:2026-Q4' });
    expect(runCheckAt(ss(google), NOV_20).kind).toBe('alert');
    expect(google.mail.sent.map((m) => m.subject)).toEqual(['Drift alert: 5 classes past the 20% override (largest: US Small Cap +46%)']);
    expect(google.mail.sent[0].body).toContain('US Small Cap is 46% above its target (11.7% held, target 8.0%), past the 20% override threshold.');
    expect(runCheckAt(ss(google), NOV_21).kind).toBe('nothing');
    expect(google.mail.sent).toHaveLength(1);
  });

  it('nothing due and quiet mode: no email, the run is still journaled', () => {
    const google = world({ 'Override Threshold': '60%' });
    saveState({ ...emptyScheduleState(), lastReview: isoDate('2026-11-02'), reviewKey: 'review:2026-11' });
    expect(runCheckAt(ss(google), NOV_20)).toMatchObject({ kind: 'nothing', emailsSent: 0 });
    expect(google.mail.sent).toHaveLength(0);
    expect(journal(google)[1][4]).toBe('nothing due. Next monthly review on 2026-12-01. No class is past the 60% override threshold.');
  });

  it('a broken workbook emails the error list (tab, row, column) once', () => {
    const google = world({}, (tabs) => {
      tabs.Targets[2][1] = 'lots';
    });
    const outcome = runCheckAt(ss(google), NOV_20);
    expect(outcome.kind).toBe('broken-workbook');
    expect(google.mail.sent).toHaveLength(1);
    const mail = google.mail.sent[0];
    expect(mail.to).toBe('owner@example.com');
    expect(mail.subject).toMatch(/^Scheduled check could not run: the workbook has \d+ errors? to fix$/);
    expect(mail.body).toContain('- Targets, row 3, column Target: found "lots"');
    runCheckAt(ss(google), NOV_21);
    expect(google.mail.sent).toHaveLength(1); // the same errors are not emailed every day
    expect(events(google)).toEqual(['check', 'notice sent', 'check']);
  });

  it('a failing webhook is logged without its address and retried on the next run', () => {
    const google = world({ 'Slack Webhook': HOOK });
    let status = 500;
    google.urlFetch.responder = () => ({ status, body: 'invalid_token' });
    const first = runCheckAt(ss(google), NOV_20);
    expect(first.emailsSent).toBe(1);
    expect(first.failures).toEqual(['Slack summary of review:2026-11: Slack answered HTTP 500: invalid_token']);
    expect(google.urlFetch.requests).toHaveLength(1);
    expect(google.urlFetch.requests[0]).toMatchObject({ url: HOOK, method: 'post', muteHttpExceptions: true });
    expect(JSON.parse(String(google.urlFetch.requests[0].payload)).text).toContain('*Rebalance due: 7 classes outside their bands');
    expect(events(google)).toEqual(['check', 'notice sent', 'notice failed']);
    expect(google.properties.document.getProperty(PENDING_KEY)).toContain('Slack summary of review:2026-11');

    status = 200;
    runCheckAt(ss(google), NOV_21);
    expect(google.urlFetch.requests).toHaveLength(2);
    expect(google.urlFetch.requests[1].payload).toBe(google.urlFetch.requests[0].payload);
    expect(journal(google).at(-1)![4]).toBe('Slack summary of review:2026-11: posted on retry 1.');
    expect(google.properties.document.getProperty(PENDING_KEY)).toBeNull();
    // The webhook is a secret: only the Settings cell the user typed holds it; never the Journal or an email.
    expect(everyCell(google).split('hooks.slack.com')).toHaveLength(2);
    expect(JSON.stringify(journal(google))).not.toContain('hooks.slack.com');
    expect(JSON.stringify(google.mail.sent)).not.toContain('hooks.slack.com');
    expect(google.properties.document.getProperty(STATE_KEY)).not.toContain('hooks.slack.com');
  });

  it('a network failure of the webhook is retried too', () => {
    const google = world({ 'Slack Webhook': HOOK });
    google.urlFetch.failNextFetches(2, `Address unavailable: ${HOOK}`);
    runCheckAt(ss(google), NOV_20);
    runCheckAt(ss(google), NOV_21);
    expect(journal(google).at(-1)![4]).toBe('Slack summary of review:2026-11: retry 1 failed: Slack post failed: Address unavailable: [Slack webhook]; retried on the next run.');
    runCheckAt(ss(google), new Date('2026-11-22T12:00:00Z'));
    expect(journal(google).at(-1)![4]).toBe('Slack summary of review:2026-11: posted on retry 2.');
    expect(JSON.stringify(journal(google))).not.toContain('secret');
  });

  it('a non-Slack URL is refused with a message naming the setting, and never fetched or echoed', () => {
    const google = world({ 'Slack Webhook': 'https://example.com/collect?token=abc' });
    const outcome = runCheckAt(ss(google), NOV_20);
    expect(google.urlFetch.requests).toHaveLength(0);
    expect(outcome.failures[0]).toMatch(/^Slack summary: Settings, Slack Webhook: expected a Slack incoming-webhook address starting with https:\/\/hooks.slack.com\//);
    expect(google.mail.sent[0].body).toContain('Settings, Slack Webhook: expected a Slack incoming-webhook address');
    expect(JSON.stringify(google.mail.sent)).not.toContain('example.com/collect');
    expect(JSON.stringify(journal(google))).not.toContain('example.com/collect');
  });

  it('quota exhausted: logged, nothing marked sent, retried on the next run', () => {
    const google = world({}, undefined, { mailDailyQuota: 0 });
    const outcome = runCheckAt(ss(google), NOV_20);
    expect(outcome.failures).toEqual(['Email to alex.rivera@example.com (review review:2026-11): the daily email quota is used up (0 left); retried on the next run']);
    expect(google.mail.sent).toHaveLength(0);
    expect(events(google)).toEqual(['check', 'notice failed']);
    expect(loadState().reviewKey).toBeNull();
    (google.mail as unknown as { remainingQuota: number }).remainingQuota = 100; // a new day
    expect(runCheckAt(ss(google), NOV_21)).toMatchObject({ kind: 'review', emailsSent: 1 });
    expect(google.mail.sent).toHaveLength(1);
  });

  it('a send that throws is logged and retried', () => {
    const google = world();
    google.mail.failNextSends(1);
    expect(runCheckAt(ss(google), NOV_20).failures[0]).toContain('sending failed: Service unavailable: Gmail');
    expect(runCheckAt(ss(google), NOV_21).emailsSent).toBe(1);
  });

  it('CPA note: once per year when harvested losses pass the threshold', () => {
    const google = world({ 'CPA Threshold': '$2,000' });
    runCheckAt(ss(google), NOV_20);
    const cpa = google.mail.sent.filter((m) => m.to === 'cpa@example.com');
    expect(cpa).toHaveLength(1);
    // 2026 losses: IEMG 19,470 - 17,460 = 2,010; IEFA's 1,200 loss was all disallowed.
    expect(cpa[0].subject).toBe('Tax-loss harvesting 2026: $2,010 of losses realized so far');
    runCheckAt(ss(google), NOV_21);
    expect(google.mail.sent.filter((m) => m.to === 'cpa@example.com')).toHaveLength(1);
  });

  it('auto-plan before any recorded plan: notifies only, and says why', () => {
    const google = world({ Automation: 'auto-plan' });
    runCheckAt(ss(google), NOV_20);
    expect(google.spreadsheet.snapshot().Plan).toBeUndefined();
    expect(google.mail.sent[0].body).toContain('Automation is set to auto-plan, but the Journal shows no recorded plan yet');
  });

  it('auto-plan after a recorded plan: writes the Plan tab and a Journal row, records no trades', () => {
    const google = world({ Automation: 'auto-plan' }, (tabs) => {
      tabs.Journal = [['Time', 'Plan Id', 'Event', 'As Of', 'Details'], ['2026-10-02T10:00:00Z', 'P-2026-10-01-abc', 'recorded', '2026-10-01', '3 trades recorded.']];
    });
    const lotsBefore = google.spreadsheet.snapshot().Lots;
    runCheckAt(ss(google), NOV_20);
    const plan = google.spreadsheet.snapshot().Plan.map((r) => r.map(String));
    expect(plan[0][0]).toMatch(/^Plan P-2026-11-20-/);
    expect(plan[2].slice(0, 6)).toEqual(['Taxable Brokerage', 'SELL', 'BND', '250', '73.8', '18450']);
    expect(events(google)).toEqual(['recorded', 'plan written', 'check', 'notice sent']);
    expect(google.mail.sent[0].body).toMatch(/Auto-plan: plan P-2026-11-20-\w+ \(14 trades\) was written to the Plan tab/);
    expect(google.spreadsheet.snapshot().Lots).toEqual(lotsBefore);
  });

  it('paused: no review; a reminder after 30 days with the drift since the pause; resume', () => {
    const google = world();
    google.ui.responder = (r) => ({ button: 'OK', text: r.kind === 'prompt' ? 'Waiting for the year-end bonus' : '' });
    pauseScheduleAt(new Date('2026-10-15T12:00:00Z'));
    expect(loadState()).toMatchObject({ pausedAt: '2026-10-15', pauseReason: 'Waiting for the year-end bonus' });
    expect(runCheckAt(ss(google), new Date('2026-11-01T12:00:00Z')).kind).toBe('nothing'); // day 17
    expect(runCheckAt(ss(google), NOV_20).kind).toBe('paused-reminder'); // day 36
    expect(google.mail.sent.map((m) => m.subject)).toEqual(['Schedule paused for 36 days: household drift 11.0% (was 11.0%)']);
    expect(scheduleStatusAt(NOV_20)).toContain('Paused for 36 days (since 2026-10-15; reason: Waiting for the year-end bonus). Household drift was 11.0% at the pause and is 11.0% now (+0.0 points since the pause).');
    resumeScheduleAt(NOV_21);
    expect(runCheckAt(ss(google), NOV_21).kind).toBe('review');
  });

  it('pausing without a reason is refused', () => {
    const google = world();
    google.ui.responder = (r) => ({ button: 'OK', text: '' });
    expect(pauseScheduleAt(NOV_20)).toBe('The schedule was not paused: a reason is needed.');
    expect(loadState().pausedAt).toBeNull();
  });

  it('install twice leaves one daily trigger at 7:00 in the sheet\'s zone; remove deletes only ours', () => {
    const google = world();
    installScheduleAt(NOV_20);
    installScheduleAt(NOV_20);
    expect(google.triggers.triggers).toHaveLength(1);
    expect(google.triggers.triggers[0].getHandlerFunction()).toBe('runScheduledCheck');
    expect(google.triggers.triggers[0].schedule).toEqual({ everyDays: 1, atHour: 7, timeZone: 'America/New_York' });
    expect(scheduleStatusAt(NOV_20)).toContain('Installed: one daily check around 7:00 (America/New_York).\n\nReview: monthly; next review 2026-11-01.');
    // Someone else's trigger here, ours in another spreadsheet, and a trigger of another handler: none is ours to delete.
    google.triggers.installElsewhere('runScheduledCheck', 'partner@example.com', 'fake-spreadsheet-id');
    google.triggers.installElsewhere('runScheduledCheck', 'owner@example.com', 'other-spreadsheet');
    google.triggers.installElsewhere('somethingElse', 'owner@example.com', 'fake-spreadsheet-id', { everyHours: 1 });
    const others = google.triggers.all.slice(1).map((t) => t.getUniqueId());
    removeScheduleAt();
    expect(google.triggers.all.map((t) => t.getUniqueId())).toEqual(others);
  });

  it('sendTestEmail sends the current check now, marked as a test, and leaves the schedule alone', () => {
    const google = world();
    saveState({ ...emptyScheduleState(), lastReview: isoDate('2026-11-02'), reviewKey: 'review:2026-11' });
    expect(sendTestEmailAt(NOV_20)).toBe('A test email was sent to alex.rivera@example.com.');
    expect(google.mail.sent[0].subject).toBe('[Test] Rebalance due: 7 classes outside their bands, est. tax saving $91');
    expect(google.mail.sent[0].htmlBody).toContain('This is a test email');
    expect(loadState().reviewKey).toBe('review:2026-11');
  });

  it('notifyPlanRecorded posts to Slack; a failure is queued and the next run retries it', () => {
    const google = world({ 'Slack Webhook': HOOK, 'Override Threshold': '60%' });
    saveState({ ...emptyScheduleState(), lastReview: isoDate('2026-11-02'), reviewKey: 'review:2026-11' });
    google.urlFetch.responder = () => ({ status: 404, body: 'no_service' });
    const trades = [{ account: 'Roth IRA', action: 'SELL', ticker: 'VB', shares: '10' }];
    expect(notifyPlanRecorded(ss(google), 'P-2026-11-20-x', trades, NOV_20)).toEqual({ posted: false, reason: 'Slack answered HTTP 404: no_service' });
    google.urlFetch.responder = () => ({ status: 200 });
    runCheckAt(ss(google), NOV_21);
    expect(google.urlFetch.requests).toHaveLength(2);
    expect(JSON.parse(String(google.urlFetch.requests[1].payload)).text).toBe('*Plan P-2026-11-20-x recorded as executed: 1 trade*\n• Roth IRA: SELL 10 VB\n<https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit|Open the spreadsheet>');
    expect(journal(google).at(-1)![4]).toBe('Slack message: plan P-2026-11-20-x recorded: posted on retry 1.');
    expect(notifyPlanRecorded(ss(google), 'P-2', trades, NOV_21)).toEqual({ posted: true });
  });
});
