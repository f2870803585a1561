import { Decimal, describeTaxDetail, formatDollars, formatPercent, taxCell, type Plan } from '../engine/index';
import { alignOnPoint, alignTable, type Cell } from './drift-table';

export const REBALANCE_HEADER = [
  'Account', 'Action', 'Ticker', 'Shares', 'Price', 'Amount', 'Lots', 'Short-Term Gain', 'Long-Term Gain', 'Tax', 'Reason',
] as const;

const n = (d: Decimal, places: number) => d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();

/** REBALANCE cells: one row a trade; a plan with no trades says so in one row. */
export function planTableCells(plan: Plan): Cell[][] {
  const rows: Cell[][] = plan.trades.map((t) => [
    t.account, t.action, t.ticker, t.shares.toNumber(), n(t.price, 4), n(t.amount, 2),
    t.lots.map((l) => `${l.lot} (${l.shares.toFixed()})`).join(', '),
    n(t.shortTermGain, 2), n(t.longTermGain, 2), n(t.tax, 2), t.reason,
  ]);
  if (rows.length === 0) {
    const why = plan.drift.every((d) => d.status === 'within') ? 'every class is within its band' : 'no trade can improve the drift within the rules (see warnings)';
    rows.push(['', 'NONE', '', '', '', '', '', '', '', '', `No trades: ${why}.`]);
  }
  return [[...REBALANCE_HEADER], ...rows];
}

/** Tax as a person reads it: a saving is "saves $90.65", never a bare negative. */
export function taxPhrase(tax: Decimal): string {
  return taxCell(tax, 'tax ');
}

export interface PlanTextOptions {
  /** Each trade's details (lots, rates, guidance) under its reason. */
  verbose?: boolean;
}

/**
 * The plan for a terminal: trades grouped by account, each with its one-sentence reason (and,
 * verbose, its details), then the summary, deferrals and warnings. Share counts line up on
 * their decimal point, amounts on the right.
 */
export function planText(plan: Plan, options: PlanTextOptions = {}): string {
  const out: string[] = [`Plan ${plan.id} as of ${plan.asOf}`, ''];
  if (plan.trades.length === 0) out.push('No trades.');
  const shareText = alignOnPoint(plan.trades.map((t) => t.shares.toFixed()));
  const shareWidth = Math.max(0, ...shareText.map((x) => x.length));
  const tickerWidth = Math.max(0, ...plan.trades.map((t) => t.ticker.length));
  const priceWidth = Math.max(0, ...plan.trades.map((t) => formatDollars(t.price).length));
  const amountWidth = Math.max(0, ...plan.trades.map((t) => formatDollars(t.amount).length));
  const accounts = [...new Set(plan.trades.map((t) => t.account))];
  for (const account of accounts) {
    out.push(account);
    plan.trades.forEach((t, i) => {
      if (t.account !== account) return;
      const tax = t.action === 'SELL' ? `  ${taxPhrase(t.tax)}` : '';
      out.push(`  ${t.action.padEnd(4)}  ${shareText[i].padStart(shareWidth)}  ${t.ticker.padEnd(tickerWidth)}  @ ${formatDollars(t.price).padStart(priceWidth)} = ${formatDollars(t.amount).padStart(amountWidth)}${tax}`);
      out.push(`        ${t.reason}`);
      if (options.verbose) for (const d of t.details) out.push(`          - ${d}`);
    });
    out.push('');
  }
  if (!options.verbose && plan.trades.some((t) => t.details.length > 0)) out.push('(--verbose shows the details behind each reason: lots, rates, wash-sale guidance.)', '');
  const s = plan.summary;
  out.push('Drift by class');
  out.push(
    alignTable(
      [
        ['Asset Class', 'Target', 'Before', 'After', 'Status after'],
        ...plan.drift.map((d) => [d.assetClass, formatPercent(d.target), formatPercent(d.before), formatPercent(d.after), d.statusAfter]),
      ],
      [false, true, true, true, false],
    ),
  );
  out.push('');
  out.push(`Summary: ${s.trades} trades; bought ${formatDollars(s.bought)}, sold ${formatDollars(s.sold)}`);
  out.push(`  realized short-term ${formatDollars(s.shortTermGain)}, long-term ${formatDollars(s.longTermGain)}; estimated ${s.estimatedTax.lessThan(0) ? `tax saved ${formatDollars(s.estimatedTax.negated())}` : `tax ${formatDollars(s.estimatedTax)}`}`);
  if (s.taxDetail) out.push(`  ${describeTaxDetail(s.taxDetail)}`);
  out.push(`  losses harvested ${formatDollars(s.lossesHarvested)}; trading cost about ${formatDollars(s.tradingCost)}`);
  out.push(`  household drift ${formatPercent(s.driftBefore)} -> ${formatPercent(s.driftAfter)}`);
  if (plan.deferred.length > 0) {
    out.push('', 'Deferred sales');
    for (const d of plan.deferred) out.push(`  ${d.account} ${d.ticker} lot ${d.lot}: ${d.reason}`);
  }
  if (plan.warnings.length > 0) {
    out.push('', 'Warnings');
    for (const w of plan.warnings) out.push(`  - ${w}`);
  }
  return out.join('\n');
}

