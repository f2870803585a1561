import type { PlanJson } from '../present/plan-json';

export const PLAN_TAB = 'Plan';
export const PLAN_HEADERS = [
  'Account', 'Action', 'Ticker', 'Shares', 'Price', 'Amount', 'Lots', 'Short-Term Gain', 'Long-Term Gain', 'Tax', 'Reason',
] as const;

/**
 * The Plan tab: a title row naming the plan, the trades, then the summary and warnings. Values
 * are the plan's decimal strings; the writer turns them into numbers at the cell edge.
 */
export function planTabRows(plan: PlanJson): string[][] {
  const width = PLAN_HEADERS.length;
  const line = (...cells: string[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
  const rows: string[][] = [
    line(`Plan ${plan.id}`, `as of ${plan.asOf}`, '', '', '', '', '', '', '', '', 'Proposed trades: review, place them at your broker, then use Record executed plan.'),
    [...PLAN_HEADERS],
    ...plan.trades.map((t) =>
      line(t.account, t.action, t.ticker, t.shares, t.price, t.amount, t.lots.map((l) => `${l.lot} (${l.shares})`).join(', '), t.shortTermGain, t.longTermGain, t.tax, t.reason),
    ),
    line(''),
    line('Estimated tax', String(plan.summary.estimatedTax)),
    line('Losses harvested', String(plan.summary.lossesHarvested)),
    line('Household drift before', String(plan.summary.driftBefore)),
    line('Household drift after', String(plan.summary.driftAfter)),
  ];
  for (const d of plan.deferred) rows.push(line('Deferred', d.account, d.ticker, d.shares, '', '', d.lot, '', '', d.taxSaved, d.reason));
  for (const w of plan.warnings) rows.push(line('Warning', '', '', '', '', '', '', '', '', '', w));
  return rows;
}
