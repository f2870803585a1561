import { ZERO, dec, formatDollars, toPlain, type Decimal } from '../money';
import type { Plan } from '../plan-types';
import type { CheckDecision } from '../schedule/decide-check';
import { historyWashJson, type HistoryWash, type HistoryWashJson } from '../wash-audit';
import { oneLine } from './escape';
import { checkSubject, taxPhrase } from './subject';

/**
 * The JSON a generic automation webhook (Make, Zapier, n8n) receives, one builder per event.
 * Pure: the caller passes the clock and the spreadsheet. The shape is documented in
 * docs/automation.md and versioned by `schema`: a field is only ever added under schema 1; a
 * rename or removal makes it 2. Money, shares and fractions are decimal strings (JSON numbers
 * would round them), counts and days are integers. Nothing secret goes in: never a webhook
 * address, never an email address (Settings `Email`, `CPA Email`).
 */
export const WEBHOOK_SCHEMA = 1;

export type WebhookEventName = 'check.done' | 'plan.written' | 'plan.recorded' | 'wash-sale.found';

export interface WebhookMeta {
  /** The instant the event is sent, ISO 8601 (the caller's clock: the engine has none). */
  sentAt: string;
  spreadsheetName: string;
  /** A link for "Open the spreadsheet"; only people the sheet is shared with can open it. */
  spreadsheetUrl: string | null;
  /** "Send a test webhook": the same payload, marked so a scenario can filter it out. */
  test?: boolean;
}

export interface WebhookPayload<D = unknown> {
  schema: typeof WEBHOOK_SCHEMA;
  event: WebhookEventName;
  /** Stable for one occurrence (a review period, a plan id): a receiver dedupes on it. */
  id: string;
  test: boolean;
  sentAt: string;
  asOf: string;
  spreadsheet: { name: string; url: string | null };
  /** One line a person reads: ready for a Slack message or an email subject. */
  summary: string;
  data: D;
}

export interface TradeBrief {
  account: string;
  action: 'BUY' | 'SELL';
  ticker: string;
  shares: string;
  price: string;
  amount: string;
  /** Estimated tax of the trade; negative is a saving. */
  tax: string;
  purpose: string;
  reason: string;
}

export interface PlanBrief {
  id: string;
  asOf: string;
  tradeCount: number;
  bought: string;
  sold: string;
  shortTermGain: string;
  longTermGain: string;
  estimatedTax: string;
  lossesHarvested: string;
  driftBefore: string;
  driftAfter: string;
  trades: TradeBrief[];
}

export interface CheckDoneData {
  kind: CheckDecision['kind'];
  period: string;
  actionNeeded: boolean;
  reasons: string[];
  nextReview: string;
  drift: {
    total: string;
    householdDrift: string;
    overrideThreshold: string;
    classes: { assetClass: string; value: string; weight: string; target: string; drift: string; relativeDrift: string | null; bandLow: string | null; bandHigh: string | null; status: string }[];
  };
  plan: PlanBrief | null;
  harvestOpportunities: { account: string; ticker: string; lot: string; loss: string; term: string; taxSaved: string }[];
  lotsTurningLongTerm: { account: string; ticker: string; lot: string; longTermOn: string; daysToLongTerm: number; gain: string; taxSavedByWaiting: string }[];
  unrecordedWashSales: number;
}

export interface PlanWrittenData {
  by: 'sidebar' | 'scheduled check';
  plan: PlanBrief;
}

export interface RecordedTradeBrief {
  account: string;
  action: string;
  ticker: string;
  shares: string;
  price: string | null;
}

export interface PlanRecordedData {
  planId: string;
  tradeCount: number;
  trades: RecordedTradeBrief[];
}

export interface WashSaleFoundData {
  count: number;
  disallowed: string;
  washes: HistoryWashJson[];
}

const nullable = (d: Decimal | null) => (d === null ? null : toPlain(d));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function envelope<D>(event: WebhookEventName, id: string, asOf: string, summary: string, data: D, meta: WebhookMeta): WebhookPayload<D> {
  return {
    schema: WEBHOOK_SCHEMA,
    event,
    id,
    test: meta.test === true,
    sentAt: meta.sentAt,
    asOf,
    spreadsheet: { name: meta.spreadsheetName, url: meta.spreadsheetUrl },
    summary: oneLine(meta.test ? `[Test] ${summary}` : summary, 300),
    data,
  };
}

/** An engine plan in the payload's terms. */
export function planBrief(plan: Plan): PlanBrief {
  const s = plan.summary;
  return {
    id: plan.id,
    asOf: plan.asOf,
    tradeCount: plan.trades.length,
    bought: toPlain(s.bought),
    sold: toPlain(s.sold),
    shortTermGain: toPlain(s.shortTermGain),
    longTermGain: toPlain(s.longTermGain),
    estimatedTax: toPlain(s.estimatedTax),
    lossesHarvested: toPlain(s.lossesHarvested),
    driftBefore: toPlain(s.driftBefore),
    driftAfter: toPlain(s.driftAfter),
    trades: plan.trades.map((t) => ({
      account: t.account,
      action: t.action,
      ticker: t.ticker,
      shares: toPlain(t.shares),
      price: toPlain(t.price),
      amount: toPlain(t.amount),
      tax: toPlain(t.tax),
      purpose: t.purpose,
      reason: t.reason,
    })),
  };
}

/** A scheduled check that handled its period (a review, an alert, a pause reminder). */
export function checkDonePayload(decision: CheckDecision, meta: WebhookMeta): WebhookPayload<CheckDoneData> {
  const c = decision.content;
  const data: CheckDoneData = {
    kind: decision.kind,
    period: decision.periodKey,
    actionNeeded: decision.actionNeeded,
    reasons: decision.reasons,
    nextReview: c.nextReview,
    drift: {
      total: toPlain(c.drift.total),
      householdDrift: toPlain(c.drift.householdDrift),
      overrideThreshold: toPlain(c.overrideThreshold),
      classes: c.drift.rows.map((r) => ({
        assetClass: r.assetClass,
        value: toPlain(r.value),
        weight: toPlain(r.weight),
        target: toPlain(r.target),
        drift: toPlain(r.drift),
        relativeDrift: nullable(r.relativeDrift),
        bandLow: r.band ? toPlain(r.band.lower) : null,
        bandHigh: r.band ? toPlain(r.band.upper) : null,
        status: r.band ? r.status : 'no target',
      })),
    },
    plan: c.plan ? planBrief(c.plan) : null,
    harvestOpportunities: c.harvest.map((h) => ({ account: h.account, ticker: h.ticker, lot: h.lot, loss: toPlain(h.loss), term: h.term, taxSaved: toPlain(h.taxSaved) })),
    lotsTurningLongTerm: c.longTermSoon.map((l) => ({
      account: l.account,
      ticker: l.ticker,
      lot: l.lot,
      longTermOn: l.longTermOn,
      daysToLongTerm: l.daysToLongTerm,
      gain: toPlain(l.gain),
      taxSavedByWaiting: toPlain(l.taxSavedByWaiting),
    })),
    unrecordedWashSales: c.unrecordedWashes.length,
  };
  const id = `check.done:${decision.periodKey || c.asOf}${meta.test ? `:test:${meta.sentAt}` : ''}`;
  return envelope('check.done', id, c.asOf, checkSubject(decision), data, meta);
}

export function planWrittenPayload(plan: PlanBrief, by: PlanWrittenData['by'], meta: WebhookMeta): WebhookPayload<PlanWrittenData> {
  const tax = taxPhraseOf(plan.estimatedTax);
  const summary = `Plan ${plan.id} written to the Plan tab (${by}): ${plural(plan.tradeCount, 'trade')}${tax ? `, ${tax}` : ''}`;
  return envelope('plan.written', `plan.written:${plan.id}:${meta.sentAt}`, plan.asOf, summary, { by, plan }, meta);
}

export function planRecordedPayload(planId: string, asOf: string, trades: readonly RecordedTradeBrief[], meta: WebhookMeta): WebhookPayload<PlanRecordedData> {
  const summary = `Plan ${planId} recorded as executed: ${plural(trades.length, 'trade')}`;
  return envelope('plan.recorded', `plan.recorded:${planId}`, asOf, summary, { planId, tradeCount: trades.length, trades: [...trades] }, meta);
}

/**
 * Wash sales the history audit found that the tabs do not record yet. `key` names the set (the
 * caller's digest of it), so the same set is announced once and a new wash sale makes a new event.
 */
export function washSaleFoundPayload(washes: readonly HistoryWash[], asOf: string, key: string, meta: WebhookMeta): WebhookPayload<WashSaleFoundData> {
  const disallowed = washes.reduce((acc, w) => acc.plus(w.disallowed), ZERO);
  const summary = `${plural(washes.length, 'wash sale')} not yet recorded in the tabs: ${formatDollars(disallowed)} of losses disallowed`;
  return envelope('wash-sale.found', `wash-sale.found:${key}`, asOf, summary, { count: washes.length, disallowed: toPlain(disallowed), washes: washes.map(historyWashJson) }, meta);
}

function taxPhraseOf(estimatedTax: string): string | null {
  return /^-?\d+(\.\d+)?$/.test(estimatedTax) ? taxPhrase(dec(estimatedTax)) : null;
}
