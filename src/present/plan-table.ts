import { Decimal, describeTaxDetail, formatDollars, formatPercent, type Plan } from '../engine/index';
import { alignTable, type Cell } from './drift-table';

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

/** The plan for a terminal: trades grouped by account, then the summary, deferrals and warnings. */
export function planText(plan: Plan): string {
  const out: string[] = [`Plan ${plan.id} as of ${plan.asOf}`, ''];
  if (plan.trades.length === 0) out.push('No trades.');
  const accounts = [...new Set(plan.trades.map((t) => t.account))];
  for (const account of accounts) {
    out.push(account);
    for (const t of plan.trades.filter((x) => x.account === account)) {
      const tax = t.action === 'SELL' ? `  tax ${formatDollars(t.tax)}` : '';
      out.push(`  ${t.action.padEnd(4)} ${t.shares.toFixed().padStart(10)} ${t.ticker.padEnd(6)} @ ${formatDollars(t.price).padStart(10)} = ${formatDollars(t.amount).padStart(13)}${tax}`);
      out.push(`       ${t.reason}`);
    }
    out.push('');
  }
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
  out.push(`  realized short-term ${formatDollars(s.shortTermGain)}, long-term ${formatDollars(s.longTermGain)}; estimated tax ${formatDollars(s.estimatedTax)}`);
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

