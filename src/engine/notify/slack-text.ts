import { toPlain, type Decimal } from '../money';
import type { CheckDecision } from '../schedule/decide-check';
import { escapeSlack, safeHttpsUrl } from './escape';
import { checkSubject } from './subject';
import { estimatedTaxPhrase } from './tax-words';

/** A short Slack summary of a check: the subject, the reasons, and a link (mrkdwn, escaped). */
export function slackCheckText(decision: CheckDecision, spreadsheetUrl: string | null): string {
  const lines = [`*${escapeSlack(checkSubject(decision))}*`, ...decision.reasons.slice(0, 6).map((r) => `• ${escapeSlack(r)}`)];
  const plan = decision.content.plan;
  if (plan && plan.trades.length > 0) lines.push(`${plan.trades.length} trades proposed; ${escapeSlack(estimatedTaxPhrase(plan.summary.estimatedTax))}.`);
  const url = safeHttpsUrl(spreadsheetUrl);
  if (url) lines.push(`<${url}|Open the spreadsheet>`);
  return lines.join('\n');
}

export interface RecordedTradeLine {
  account: string;
  action: string;
  ticker: string;
  shares: Decimal | string | number;
  /** The fill price, when known (the webhook's plan.recorded carries it). */
  price?: Decimal | string | number | null;
}

/** Slack message when a plan is recorded as executed. */
export function slackPlanRecordedText(planId: string, trades: readonly RecordedTradeLine[], spreadsheetUrl: string | null): string {
  const shares = (s: Decimal | string | number) => (typeof s === 'object' ? toPlain(s) : String(s));
  const lines = [`*Plan ${escapeSlack(planId)} recorded as executed: ${trades.length} trade${trades.length === 1 ? '' : 's'}*`];
  for (const t of trades.slice(0, 10)) lines.push(`• ${escapeSlack(`${t.account}: ${t.action} ${shares(t.shares)} ${t.ticker}`)}`);
  if (trades.length > 10) lines.push(`…and ${trades.length - 10} more.`);
  const url = safeHttpsUrl(spreadsheetUrl);
  if (url) lines.push(`<${url}|Open the spreadsheet>`);
  return lines.join('\n');
}
