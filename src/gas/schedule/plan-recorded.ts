import type { Settings } from '../../engine/types';
import { slackPlanRecordedText, type RecordedTradeLine } from '../../engine/notify/slack-text';
import { slackWebhookProblem } from '../../engine/schedule/slack-webhook';
import { todayIn, type Spreadsheet } from '../active-workbook';
import { readSheetHousehold } from '../household-from-sheet';
import { postSlack } from './deliver';
import { appendJournal } from './journal-log';
import { loadPending, savePending } from './schedule-store';
import { planRecordedPayload } from '../../engine/notify/webhook-payload';
import { sendWebhook, webhookMeta } from './webhook';
import type { JournalEntry } from './journal-log';
import { toPlain } from '../../engine/money';

export type PlanRecordedNotice = { posted: true } | { posted: false; reason: string };

/**
 * Tells Slack that a plan was recorded as executed. Call it after the recording has finished (it
 * takes the document lock to journal). With no webhook set it does nothing; a refused address or a
 * failed post is journaled, and a failed post is queued for the next scheduled run.
 */
export function notifyPlanRecorded(
  ss: Spreadsheet,
  planId: string,
  trades: readonly RecordedTradeLine[],
  now: Date = new Date(),
  settings?: Pick<Settings, 'slackWebhook' | 'webhookUrl'>,
): PlanRecordedNotice {
  // The recording already read Settings; reading the workbook again would cost a getValues a tab.
  let known = settings;
  if (!known) {
    const read = readSheetHousehold(ss, now);
    if (!read.ok) return { posted: false, reason: 'the workbook has errors; Settings could not be read' };
    known = read.household.settings;
  }
  const asOf = todayIn(ss, now);
  notifyWebhook(ss, planId, asOf, trades, now, known.webhookUrl);
  const webhook = known.slackWebhook;
  if (webhook === null) return { posted: false, reason: 'no Slack Webhook is set' };
  const problem = slackWebhookProblem(webhook);
  if (problem) {
    appendJournal(ss, now, [{ planId, event: 'notice failed', asOf, details: problem }]);
    return { posted: false, reason: problem };
  }
  const text = slackPlanRecordedText(planId, trades, ss.getUrl());
  const posted = postSlack(webhook, text);
  if (posted.ok) {
    appendJournal(ss, now, [{ planId, event: 'notice sent', asOf, details: `Slack told that plan ${planId} was recorded.` }]);
    return { posted: true };
  }
  const what = `Slack message: plan ${planId} recorded`;
  const dropped = savePending([...loadPending(), { channel: 'slack', what, text, firstFailedAt: now.toISOString(), attempts: 1, lastError: posted.error }]);
  appendJournal(ss, now, [
    { planId, event: 'notice failed', asOf, details: `${what}: ${posted.error}; retried on the next scheduled run.` },
    ...dropped.map((d) => ({ event: 'notice failed' as const, asOf, details: `${d.what}: dropped from the retry queue (too many pending); last error: ${d.lastError}` })),
  ]);
  return { posted: false, reason: posted.error };
}

/** plan.recorded to the automation webhook (Settings `Webhook URL`), journaled either way. */
function notifyWebhook(ss: Spreadsheet, planId: string, asOf: string, trades: readonly RecordedTradeLine[], now: Date, url: string | null): void {
  if (url === null) return;
  const plain = (v: NonNullable<RecordedTradeLine['price']>) => (typeof v === 'object' ? toPlain(v) : String(v));
  const brief = trades.map((t) => ({ account: t.account, action: t.action, ticker: t.ticker, shares: plain(t.shares), price: t.price === undefined || t.price === null || t.price === '' ? null : plain(t.price) }));
  const journal: JournalEntry[] = [];
  sendWebhook(url, planRecordedPayload(planId, asOf, brief, webhookMeta(ss, now)), journal, planId);
  appendJournal(ss, now, journal);
}
