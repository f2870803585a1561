import { planWrittenPayload, type PlanBrief } from '../../engine/notify/webhook-payload';
import type { PlanJson } from '../../present/plan-json';
import type { Spreadsheet } from '../active-workbook';
import { appendJournal, type JournalEntry } from './journal-log';
import { sendWebhook, webhookMeta, webhookUrlFromSheet } from './webhook';

/** The sidebar's plan (JSON strings already) in the webhook payload's terms. */
export function planBriefFromJson(p: PlanJson): PlanBrief {
  const s = (key: string) => String(p.summary[key] ?? '0');
  return {
    id: p.id,
    asOf: p.asOf,
    tradeCount: p.trades.length,
    bought: s('bought'),
    sold: s('sold'),
    shortTermGain: s('shortTermGain'),
    longTermGain: s('longTermGain'),
    estimatedTax: s('estimatedTax'),
    lossesHarvested: s('lossesHarvested'),
    driftBefore: s('driftBefore'),
    driftAfter: s('driftAfter'),
    trades: p.trades.map((t) => ({ account: t.account, action: t.action, ticker: t.ticker, shares: t.shares, price: t.price, amount: t.amount, tax: t.tax, purpose: t.purpose, reason: t.reason })),
  };
}

/**
 * plan.written from the sidebar's "Write to Plan tab". Reads only the Settings tab; with no
 * Webhook URL it does nothing. Never throws: the plan is written whatever the webhook does.
 */
export function notifyPlanWritten(ss: Spreadsheet, plan: PlanJson, now: Date): void {
  try {
    const url = webhookUrlFromSheet(ss);
    if (url === null) return;
    const journal: JournalEntry[] = [];
    sendWebhook(url, planWrittenPayload(planBriefFromJson(plan), 'sidebar', webhookMeta(ss, now)), journal, plan.id);
    appendJournal(ss, now, journal);
  } catch (error) {
    console.warn(`Rebalancer: plan.written webhook: ${error instanceof Error ? error.message : String(error)}`);
  }
}
