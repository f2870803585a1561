import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFakeGoogle, type FakeGoogle } from '../../src/local-google/fake-google';
import { allowlistEntryProblem, urlMatchesAllowlistEntry } from '../../src/local-google/url-allowlist';
import { URL_FETCH_ALLOWLIST, WEBHOOK_SERVICES, checkWebhookUrl, redactWebhookUrl } from '../../src/engine/notify/webhook-url';
import type { MakePlanResult } from '../../src/gas/sidebar-api';
import { loadBundle, type BundleContext } from '../support/load-bundle';
import { exampleTabs } from '../schedule/example-household';
import { sidebarHtml } from '../sidebar/world';

const MANIFEST = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')) as { urlFetchWhitelist: string[] };
const MAKE = 'https://hook.eu1.make.com/abc123secretXYZ';
const ZAPIER = 'https://hooks.zapier.com/hooks/catch/123456/abcdef/';
const N8N = 'https://acme.app.n8n.cloud/webhook/0f9e-rebalance';

/** The time-driven event Apps Script passes: the firing time in UTC fields. */
const fired = (day: number) => ({ authMode: 'FULL', year: 2026, month: 11, 'day-of-month': day, hour: 12, minute: 3, second: 0, timezone: 'UTC', triggerUid: '1' });

function setup(settings: Record<string, string>, edit?: (tabs: Record<string, string[][]>) => void): { google: FakeGoogle; ctx: BundleContext } {
  const google = createFakeGoogle({ spreadsheet: { sheets: exampleTabs(settings, edit) }, urlFetchWhitelist: MANIFEST.urlFetchWhitelist, htmlFiles: { Sidebar: sidebarHtml() } });
  return { google, ctx: loadBundle(google.globals) };
}

type Payload = { schema: number; event: string; id: string; test: boolean; sentAt: string; asOf: string; spreadsheet: { name: string; url: string | null }; summary: string; data: Record<string, unknown> };
const posted = (google: FakeGoogle, url = MAKE): Payload[] => google.urlFetch.requests.filter((r) => r.url === url).map((r) => JSON.parse(String(r.payload)) as Payload);
const journal = (google: FakeGoogle) => (google.spreadsheet.getSheetByName('Journal')?.getDataRange().getValues() ?? []).map((r) => r.map(String));

/** Keys whose values are counts (integers); every other number must travel as a decimal string. */
const INTEGER_KEYS = new Set(['schema', 'tradeCount', 'daysToLongTerm', 'unrecordedWashSales', 'count']);
function numbersOutsideCounts(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return INTEGER_KEYS.has(path.split('.').pop()!) && Number.isInteger(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersOutsideCounts(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersOutsideCounts(v, path ? `${path}.${k}` : k));
  return [];
}

describe("the manifest's urlFetchWhitelist and Google's matching rules", () => {
  it('lists exactly Slack and the three automation services, each entry valid under Google\'s rules', () => {
    expect(MANIFEST.urlFetchWhitelist).toEqual([...URL_FETCH_ALLOWLIST]);
    expect(MANIFEST.urlFetchWhitelist).toEqual(['https://hooks.slack.com/', 'https://*.make.com/', 'https://hooks.zapier.com/hooks/catch/', 'https://*.app.n8n.cloud/webhook/']);
    for (const entry of MANIFEST.urlFetchWhitelist) expect(allowlistEntryProblem(entry), entry).toBeNull();
  });

  it('refuses entries Google refuses: http, no path, a bare TLD, a wildcard anywhere but the leading subdomain', () => {
    for (const bad of ['http://hooks.slack.com/', 'https://hooks.slack.com', 'https://com/', 'https://hook.*.make.com/', 'https://*.*.make.com/', 'https://*/', 'https://make.com/*/x']) {
      expect(allowlistEntryProblem(bad), bad).not.toBeNull();
    }
    expect(() => createFakeGoogle({ urlFetchWhitelist: ['https://hooks.slack.com'] })).toThrow(/non-empty path/);
  });

  it('matches a URL that is the prefix or a child of it; a wildcard needs at least one subdomain; paths are case-sensitive', () => {
    const foo = 'https://example.com/foo';
    for (const yes of ['https://example.com/foo', 'https://example.com/foo/', 'https://example.com/foo/bar', 'https://example.com/foo?bar', 'https://example.com/foo#bar']) expect(urlMatchesAllowlistEntry(yes, foo), yes).toBe(true);
    for (const no of ['https://example.com/foobar', 'https://example.com/Foo', 'http://example.com/foo', 'https://other.com/foo', 'https://a.example.com/foo']) expect(urlMatchesAllowlistEntry(no, foo), no).toBe(false);
    const wild = 'https://*.example.com/foo';
    expect(urlMatchesAllowlistEntry('https://subdomain.example.com/foo', wild)).toBe(true);
    expect(urlMatchesAllowlistEntry('https://any.number.of.subdomains.example.com/foo', wild)).toBe(true);
    expect(urlMatchesAllowlistEntry('https://subdomain.example.com/bar', wild)).toBe(false);
    expect(urlMatchesAllowlistEntry('https://example.com/foo', wild)).toBe(false);
    expect(urlMatchesAllowlistEntry('https://evilexample.com/foo', wild)).toBe(false);
  });

  it('every address our check accepts is one the manifest allows (so Google never refuses what we send)', () => {
    for (const url of [MAKE, 'https://hook.us1.make.com/x', 'https://HOOK.EU2.Make.com/CaseKept', ZAPIER, N8N]) {
      const checked = checkWebhookUrl(url);
      expect(checked.ok, url).toBe(true);
      if (checked.ok) expect(MANIFEST.urlFetchWhitelist.some((p) => urlMatchesAllowlistEntry(checked.url, p)), url).toBe(true);
    }
    expect(checkWebhookUrl('https://HOOK.EU2.Make.com/CaseKept')).toMatchObject({ ok: true, url: 'https://hook.eu2.make.com/CaseKept', service: 'Make' });
  });

  it('the fake UrlFetchApp refuses an address outside the manifest with Google\'s message', () => {
    const google = createFakeGoogle({ urlFetchWhitelist: MANIFEST.urlFetchWhitelist });
    expect(() => google.urlFetch.fetch('https://example.com/hook')).toThrow('Request to https://example.com/hook failed because the URL has not been whitelisted in the script manifest.');
    expect(() => google.urlFetch.fetch('https://make.com/x')).toThrow(/not been whitelisted/);
    expect(() => google.urlFetch.fetch('https://hooks.zapier.com/hooks/other/1')).toThrow(/not been whitelisted/);
    expect(google.urlFetch.fetch('https://hook.eu1.make.com/x').getResponseCode()).toBe(200);
  });
});

describe('our own check refuses any other address first, naming the allowed prefixes', () => {
  const refused = [
    'https://example.com/hook',
    'http://hook.eu1.make.com/abc',
    'https://hook.eu1.make.com.evil.example/abc',
    'https://www.make.com/en/abc',
    'https://hook.eu1.make.com/',
    'https://hooks.zapier.com/hooks/standard/1/2',
    'https://acme.app.n8n.cloud/webhook-test/0f9e',
    'https://n8n.example.org/webhook/0f9e',
    'https://hooks.slack.com/services/T/B/x',
    'https://hook.eu1.make.com/abc def',
  ];
  it.each(refused)('%s', (url) => {
    const checked = checkWebhookUrl(url);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    for (const s of WEBHOOK_SERVICES) expect(checked.problem).toContain(s.shown);
    expect(checked.problem).not.toContain(url);
  });

  it('a refused Webhook URL: nothing is fetched, the Journal and the email say why, without the address', () => {
    const secret = 'https://example.com/hooks/secret-token-42';
    const { google, ctx } = setup({ 'Webhook URL': secret });
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20));
    expect(google.urlFetch.requests).toEqual([]);
    const rows = journal(google);
    const refusal = rows.find((r) => r[4].startsWith('Webhook check.done: Settings, Webhook URL: expected a webhook address starting with https://hook.<region>.make.com/'));
    expect(refusal?.[2]).toBe('notice failed');
    expect(JSON.stringify(rows)).not.toContain('secret-token-42');
    expect(google.mail.sent[0].body).toContain('Settings, Webhook URL: expected');
    expect(google.mail.sent[0].body).not.toContain('secret-token-42');
  });

  it('an error from the fetch service never puts the address in the Journal', () => {
    expect(redactWebhookUrl(`Request to ${MAKE} failed: DNS`, MAKE)).toBe('Request to [webhook] failed: DNS');
    expect(redactWebhookUrl(`x ${ZAPIER} y ${N8N}`, null)).toBe('x [webhook] y [webhook]');
  });
});

describe('webhook events through dist/Code.js', () => {
  it('check.done: once per period, schema 1, numbers as decimal strings, no address and no email in it', () => {
    const { google, ctx } = setup({ 'Webhook URL': MAKE, Email: 'me@example.com', 'CPA Email': 'cpa@example.com' });
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20));
    ctx.runScheduledCheck(fired(21));
    const events = posted(google);
    expect(events.map((e) => e.event)).toEqual(['check.done']);
    const e = events[0];
    expect(e).toMatchObject({ schema: 1, event: 'check.done', id: 'check.done:review:2026-11', test: false, asOf: '2026-11-20' });
    expect(e.summary).toBe('Rebalance due: 7 classes outside their bands, est. tax saving $91');
    const data = e.data as { kind: string; drift: { householdDrift: string; classes: { assetClass: string; weight: string; status: string }[] }; plan: { tradeCount: number; estimatedTax: string; trades: { shares: string }[] }; harvestOpportunities: unknown[]; lotsTurningLongTerm: unknown[] };
    expect(data.kind).toBe('review');
    expect(data.drift.classes.find((c) => c.assetClass === 'US Large Cap')).toMatchObject({ status: 'over' });
    expect(data.drift.householdDrift).toMatch(/^0\.\d+$/);
    expect(data.plan.tradeCount).toBe(data.plan.trades.length);
    expect(data.plan.estimatedTax).toMatch(/^-90\.6\d*$/);
    expect(Array.isArray(data.harvestOpportunities) && Array.isArray(data.lotsTurningLongTerm)).toBe(true);
    expect(numbersOutsideCounts(e)).toEqual([]);
    const text = JSON.stringify(e);
    expect(text).not.toContain('@');
    expect(text).not.toContain('abc123secretXYZ');
    const request = google.urlFetch.requests[0];
    expect(request).toMatchObject({ method: 'post', contentType: 'application/json', muteHttpExceptions: true });
    expect(journal(google).some((r) => r[2] === 'notice sent' && r[4] === 'Webhook check.done posted to Make (check.done:review:2026-11).')).toBe(true);
  });

  it('wash-sale.found: once for the same unrecorded wash sales, again when a new one appears', () => {
    const drip = (tabs: Record<string, string[][]>) => tabs.Lots.push(['Taxable Brokerage', 'IEMG', '10', '575', '2026-11-12', 'TX-IEMG-DRIP', '']);
    const { google, ctx } = setup({ 'Webhook URL': ZAPIER }, drip);
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20));
    ctx.runScheduledCheck(fired(21));
    const washes = posted(google, ZAPIER).filter((e) => e.event === 'wash-sale.found');
    expect(washes).toHaveLength(1);
    expect(washes[0].data).toMatchObject({ count: 1, disallowed: '67', washes: [{ ticker: 'IEMG', replacementLot: 'TX-IEMG-DRIP', disallowed: '67', shares: '10', recorded: false }] });
    expect(washes[0].summary).toBe('1 wash sale not yet recorded in the tabs: $67.00 of losses disallowed');
    expect(numbersOutsideCounts(washes[0])).toEqual([]);
    // A second DRIP purchase: a different set, a new event.
    google.spreadsheet.getSheetByName('Lots')!.appendRow(['Taxable Brokerage', 'IEMG', '5', '290', '2026-11-19', 'TX-IEMG-DRIP2', '']);
    ctx.runScheduledCheck(fired(22));
    expect(posted(google, ZAPIER).filter((e) => e.event === 'wash-sale.found')).toHaveLength(2);
  });

  it('plan.written from the sidebar and plan.recorded from recording: one event each', () => {
    const { google, ctx } = setup({ 'Webhook URL': N8N });
    const made = ctx.makePlan({}) as MakePlanResult;
    if (!made.ok) throw new Error(made.errors.join('; '));
    expect(ctx.writePlanToSheet(made.plan)).toMatchObject({ ok: true });
    const written = posted(google, N8N);
    expect(written.map((e) => e.event)).toEqual(['plan.written']);
    expect(written[0].data).toMatchObject({ by: 'sidebar', plan: { id: made.plan.id, tradeCount: made.plan.trades.length } });
    expect(numbersOutsideCounts(written[0])).toEqual([]);

    expect(ctx.recordExecuted(made.plan)).toMatchObject({ ok: true });
    const events = posted(google, N8N);
    expect(events.map((e) => e.event)).toEqual(['plan.written', 'plan.recorded']);
    const recorded = events[1];
    expect(recorded).toMatchObject({ id: `plan.recorded:${made.plan.id}`, data: { planId: made.plan.id, tradeCount: made.plan.trades.length } });
    expect((recorded.data.trades as { shares: string; price: string }[])[0]).toMatchObject({ shares: made.plan.trades[0].shares, price: made.plan.trades[0].price });
    expect(numbersOutsideCounts(recorded)).toEqual([]);
    // Recording the same plan again is refused: no second plan.recorded.
    expect(ctx.recordExecuted(made.plan)).toMatchObject({ ok: false });
    expect(posted(google, N8N)).toHaveLength(2);
  });

  it('auto-plan: the scheduled check that writes the plan sends plan.written (by the check) and check.done', () => {
    const { google, ctx } = setup({ 'Webhook URL': MAKE, Automation: 'auto-plan' }, (tabs) => {
      tabs.Journal = [['Time', 'Plan Id', 'Event', 'As Of', 'Details'], ['2026-10-02T10:00:00Z', 'P-2026-10-01-abc', 'recorded', '2026-10-01', '3 trades recorded.']];
    });
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20));
    const events = posted(google).map((e) => [e.event, (e.data as { by?: string }).by ?? '']);
    expect(events).toEqual([['plan.written', 'scheduled check'], ['check.done', '']]);
    expect(posted(google)[0].data).toMatchObject({ plan: { tradeCount: 14 } });
  });

  it('no Webhook URL: nothing is posted by any event', () => {
    const { google, ctx } = setup({});
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20));
    google.setRunContext('menu');
    const made = ctx.makePlan({}) as MakePlanResult;
    if (made.ok) ctx.writePlanToSheet(made.plan);
    expect(google.urlFetch.requests).toEqual([]);
  });
});

describe('Schedule ▸ Send a test webhook', () => {
  it('is in the menu and posts one check.done marked as a test; the schedule remembers nothing', () => {
    const { google, ctx } = setup({ 'Webhook URL': MAKE });
    google.setRunContext('menu');
    ctx.onOpen({ authMode: 'FULL' });
    expect(JSON.stringify(google.ui.menus)).toContain('Send a test webhook');
    ctx.sendTestWebhook();
    const events = posted(google);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ schema: 1, event: 'check.done', test: true });
    expect(events[0].summary.startsWith('[Test] ')).toBe(true);
    expect(numbersOutsideCounts(events[0])).toEqual([]);
    expect(google.ui.dialogs.at(-1)).toMatchObject({ title: 'Test webhook' });
    expect(google.ui.dialogs.at(-1)!.message).toContain('A test check.done event was posted to Make (HTTP 200).');
    expect(google.properties.document.getProperty('rebalancer.schedule.state')).toBeNull();
    // The real check later still sends its own event for the period.
    google.setRunContext('timeDriven');
    ctx.runScheduledCheck(fired(20));
    expect(posted(google).map((e) => e.test)).toEqual([true, false]);
  });

  it('says what to set when there is no Webhook URL, and names the allowed prefixes for a wrong one', () => {
    const none = setup({});
    none.google.setRunContext('menu');
    none.ctx.sendTestWebhook();
    expect(none.google.ui.dialogs.at(-1)!.message).toMatch(/^No test webhook was sent: set Webhook URL on the Settings tab to a webhook address starting with https:\/\/hook\.<region>\.make\.com\/ \(Make\)/);
    const wrong = setup({ 'Webhook URL': 'https://hooks.slack.com/services/T/B/x' });
    wrong.google.setRunContext('menu');
    wrong.ctx.sendTestWebhook();
    expect(wrong.google.urlFetch.requests).toEqual([]);
    expect(wrong.google.ui.dialogs.at(-1)!.message).toContain('https://hooks.zapier.com/hooks/catch/ (Zapier)');
  });

  it('an HTTP error from the receiver is shown and journaled, not thrown', () => {
    const { google, ctx } = setup({ 'Webhook URL': ZAPIER });
    google.urlFetch.responder = () => ({ status: 410, body: 'Gone' });
    google.setRunContext('menu');
    expect(ctx.sendTestWebhook()).toBeUndefined();
    expect(google.ui.dialogs.at(-1)!.message).toBe('The test webhook to Zapier was not delivered: the webhook answered HTTP 410: Gone');
    expect(journal(google).at(-1)![2]).toBe('notice failed');
  });

  it('needs the external_request scope: without it the fake refuses the fetch as Google does', () => {
    const google = createFakeGoogle({
      spreadsheet: { sheets: exampleTabs({ 'Webhook URL': MAKE }) },
      urlFetchWhitelist: MANIFEST.urlFetchWhitelist,
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'],
    });
    const ctx = loadBundle(google.globals);
    google.setRunContext('menu');
    ctx.sendTestWebhook();
    expect(google.urlFetch.requests).toEqual([]);
    expect(google.ui.dialogs.at(-1)!.message).toContain('You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request');
  });
});

describe('rebalance check says what the webhook would do', () => {
  it('a Make address: would post check.done; a wrong one: the refusal naming the allowed prefixes', async () => {
    const { mkdtempSync, cpSync, appendFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCli } = await import('../../src/cli/main');
    const { EXAMPLE_DIR } = await import('../support/example-grids');
    const dir = mkdtempSync(join(tmpdir(), 'hook-check-'));
    cpSync(EXAMPLE_DIR, dir, { recursive: true });
    appendFileSync(join(dir, 'Settings.csv'), `Webhook URL,${MAKE}\n`);
    const ok = await runCli(['check', dir]);
    expect(ok.stdout.split('\n').slice(0, 3)).toEqual(['Check as of 2026-11-20: review (review:2026-11).', 'Would send an email to alex.rivera@example.com.', 'Webhook: would post check.done to Make.']);
    expect(ok.stdout).not.toContain('abc123secretXYZ');
    const json = JSON.parse((await runCli(['check', dir, '--json'])).stdout) as { webhook: string };
    expect(json.webhook).toBe('would post check.done to Make');
  });
});
