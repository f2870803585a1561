import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { loadBundle } from '../support/load-bundle';
import { exampleTabs } from './example-household';

/** The time-driven event Apps Script passes: the firing time in UTC fields. */
const fired = (day: number) => ({ authMode: 'FULL', year: 2026, month: 11, 'day-of-month': day, hour: 12, minute: 3, second: 0, timezone: 'UTC', triggerUid: '1' });

describe('the schedule through dist/Code.js in a bare V8 context', () => {
  it('menu installs one trigger; the trigger sends the review once; Slack is posted', () => {
    const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs({ 'Slack Webhook': 'https://hooks.slack.com/services/T/B/x' }) }, urlFetchWhitelist: ['https://hooks.slack.com/'] });
    const ctx = loadBundle(google.globals);
    ctx.installSchedule();
    ctx.installSchedule();
    expect(google.triggers.triggers.map((t) => [t.getHandlerFunction(), t.schedule])).toEqual([['runScheduledCheck', { everyDays: 1, atHour: 7, timeZone: 'America/New_York' }]]);
    expect(google.ui.dialogs.map((d) => d.title)).toEqual(['Schedule installed', 'Schedule installed']);

    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20));
    expect(google.mail.sent).toHaveLength(1);
    expect(google.mail.sent[0].subject).toBe('Rebalance due: 7 classes outside their bands, est. tax saving $91');
    // The plan's trades are listed one a line (how many shares is the planner's business).
    expect(google.mail.sent[0].body).toMatch(/^\* Traditional IRA: SELL \d+ IVV = \$[\d,]+\.\d\d, est\. tax \$0\.00$/m);
    expect(google.urlFetch.requests).toHaveLength(1);

    ctx.runScheduledCheck(fired(21));
    expect(google.mail.sent).toHaveLength(1);
    expect(google.urlFetch.requests).toHaveLength(1);

    google.setRunContext('menu');
    ctx.showScheduleStatus();
    expect(google.ui.dialogs.at(-1)!.message).toContain('Installed: one daily check around 7:00 (America/New_York).');
    expect(google.ui.dialogs.at(-1)!.message).toContain('next review 2026-12-01');
    ctx.removeSchedule();
    expect(google.triggers.triggers).toHaveLength(0);
  });

  it('a run that throws unexpectedly is recorded, not lost', () => {
    const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs() } });
    const ctx = loadBundle(google.globals);
    google.spreadsheet.failAfterWrites(0); // Journal writes fail: the run must still finish and remember
    ctx.runScheduledCheck(fired(20));
    expect(google.mail.sent).toHaveLength(1);
    const state = JSON.parse(google.properties.document.getProperty('rebalancer.schedule.state')!);
    expect(state.lastRun.result).toMatch(/the Journal could not be written/);
    expect(state.reviewKey).toBe('review:2026-11');
  });
});

describe('appsscript.json', () => {
  it('asks for exactly the scopes the add-on uses, URL fetch limited to Slack hooks', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8'));
    expect([...manifest.oauthScopes].sort()).toEqual(
      ['spreadsheets.currentonly', 'script.container.ui', 'script.send_mail', 'script.scriptapp', 'script.external_request', 'userinfo.email'].map((s) => `https://www.googleapis.com/auth/${s}`).sort(),
    );
    expect(manifest.urlFetchWhitelist).toEqual(['https://hooks.slack.com/']);
    expect(manifest.runtimeVersion).toBe('V8');
  });
});
