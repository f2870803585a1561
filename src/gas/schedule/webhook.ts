import { checkWebhookUrl, redactWebhookUrl } from '../../engine/notify/webhook-url';
import type { WebhookMeta, WebhookPayload } from '../../engine/notify/webhook-payload';
import type { HistoryWash } from '../../engine/wash-audit';
import { defaultSettings } from '../../workbook/settings-defaults';
import { readSettings, SETTINGS_TAB } from '../../workbook/read-settings';
import { findTabName } from '../../workbook/index';
import { issueLog } from '../../workbook/issues';
import { spreadsheetSource, type Spreadsheet } from '../active-workbook';
import type { Delivery } from './deliver';
import type { JournalEntry } from './journal-log';

/**
 * The generic automation webhook (Settings `Webhook URL`: Make, Zapier, n8n cloud). Every post
 * goes through `sendWebhook`: the address is checked against the allowed services first (our
 * message names them; Google's own refusal would not), the body is the engine's payload, and
 * what happened becomes one Journal entry with the address removed. A failed post is journaled,
 * not retried: each payload is a snapshot, and the next event carries the news again.
 */
export type WebhookOutcome = { kind: 'not set' } | { kind: 'refused'; problem: string } | { kind: 'posted'; service: string; code: number } | { kind: 'failed'; service: string; error: string };

export function webhookMeta(ss: Spreadsheet, now: Date, test = false): WebhookMeta {
  return { sentAt: now.toISOString(), spreadsheetName: ss.getName(), spreadsheetUrl: ss.getUrl(), test };
}

/** POSTs the payload as JSON. HTTP errors are muted so a non-2xx answer is read, not thrown. */
export function postWebhook(url: string, payload: WebhookPayload): Delivery & { code?: number } {
  try {
    const response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify(payload),
      muteHttpExceptions: true,
    });
    const code = response.getResponseCode();
    if (code >= 200 && code < 300) return { ok: true, id: `webhook:${code}`, code };
    return { ok: false, error: redactWebhookUrl(`the webhook answered HTTP ${code}: ${response.getContentText().slice(0, 120)}`, url) };
  } catch (error) {
    return { ok: false, error: redactWebhookUrl(`the webhook post failed: ${error instanceof Error ? error.message : String(error)}`, url) };
  }
}

/** Checks, posts, and adds the Journal entry (to `journal`) saying what happened. */
export function sendWebhook(url: string | null, payload: WebhookPayload, journal: JournalEntry[], planId?: string): WebhookOutcome {
  if (url === null) return { kind: 'not set' };
  const checked = checkWebhookUrl(url);
  if (!checked.ok) {
    journal.push({ planId, event: 'notice failed', asOf: payload.asOf, details: `Webhook ${payload.event}: ${checked.problem}` });
    return { kind: 'refused', problem: checked.problem };
  }
  const posted = postWebhook(checked.url, payload);
  if (posted.ok) {
    journal.push({ planId, event: 'notice sent', asOf: payload.asOf, details: `Webhook ${payload.event} posted to ${checked.service} (${payload.id}).` });
    return { kind: 'posted', service: checked.service, code: posted.code ?? 200 };
  }
  journal.push({ planId, event: 'notice failed', asOf: payload.asOf, details: `Webhook ${payload.event} to ${checked.service}: ${posted.error}` });
  return { kind: 'failed', service: checked.service, error: posted.error };
}

/**
 * Settings `Webhook URL` read from the Settings tab alone (one getValues), for actions that do
 * not read the whole household (writing a plan). A Settings tab with errors gives null: the
 * action itself reports those.
 */
export function webhookUrlFromSheet(ss: Spreadsheet): string | null {
  const source = spreadsheetSource(ss);
  const tab = findTabName(source, SETTINGS_TAB);
  const grid = tab === null ? null : source.values(tab);
  if (grid === null) return null;
  const settings = defaultSettings();
  const log = issueLog();
  readSettings(grid, log, source.dateCells ?? 'local', settings);
  return log.errors.length > 0 ? null : settings.webhookUrl;
}

const WASH_KEY = 'rebalancer.webhook.washes';

/** A short digest of the unrecorded wash sales: the same set is announced once. */
export function washesKey(washes: readonly HistoryWash[]): string {
  const text = washes.map((w) => `${w.saleDate}|${w.account}|${w.ticker}|${w.lot ?? ''}|${w.replacementAccount}|${w.replacementLot}|${w.shares.toFixed()}`).sort().join('\n');
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return `${washes.length}-${h.toString(16)}`;
}

export function lastWashesAnnounced(): string | null {
  return PropertiesService.getDocumentProperties()?.getProperty(WASH_KEY) ?? null;
}

export function rememberWashesAnnounced(key: string): void {
  PropertiesService.getDocumentProperties()?.setProperty(WASH_KEY, key);
}
