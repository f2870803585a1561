import { Decimal, ZERO, formatDollars, toPlain } from './money';
import type { IsoDate } from './dates';
import { executedTrades, type ExecutedTrade } from './executed-trades';
import { applyTrades } from './trade-effects';
import type { Account, Household, Lot, LotMethodName, Sale } from './types';
import { matchHistory, recordWashAdjustments } from './wash-audit';
import type { WashMatch } from './wash-sales';

export type { ExecutedTrade } from './executed-trades';

export interface ExecutedPlan {
  id: string;
  asOf: IsoDate;
  /** As executed: 0 shares marks a trade not executed (see executed-trades.ts). */
  trades: ExecutedTrade[];
  /** Deposits (booked before the trades) and withdrawals (after them) made with the plan. */
  cashFlows?: { account: string; amount: Decimal; kind: 'deposit' | 'withdrawal' }[];
}

export interface RecordOptions {
  /** Plan ids already in the Journal: recording one twice is refused. */
  recordedPlanIds: string[];
  lotMethod?: LotMethodName;
}

export type RecordResult =
  | {
      ok: true;
      lots: Lot[];
      sales: Sale[];
      accounts: Account[];
      journal: string[];
      /** Trades booked, and the trades marked not executed (0 shares), by name. */
      executed: number;
      skipped: string[];
      /** The Journal row's details: what was recorded, what was skipped, then every journal line. */
      details: string;
    }
  | { ok: false; errors: string[] };

/**
 * Sales of more shares than the account holds, named with the shares the user entered: checked
 * before a sale beyond its plan's lots is split into those lots and the rest (executed-trades.ts),
 * which would otherwise be refused as a sale of the rest alone ("Cannot sell 50 ... only 0 held"
 * for 300 entered against 250 held).
 */
function oversoldPositions(household: Household, trades: readonly ExecutedTrade[]): string[] {
  const asked = new Map<string, { account: string; ticker: string; shares: Decimal }>();
  for (const t of trades) {
    if (t.action !== 'SELL' || !t.shares.greaterThan(0) || !household.accounts.some((a) => a.name === t.account)) continue;
    const key = JSON.stringify([t.account, t.ticker]);
    const seen = asked.get(key);
    asked.set(key, { account: t.account, ticker: t.ticker, shares: (seen?.shares ?? ZERO).plus(t.shares) });
  }
  return [...asked.values()].flatMap(({ account, ticker, shares }) => {
    const held = household.lots.filter((l) => l.account === account && l.ticker === ticker).reduce((acc, l) => acc.plus(l.shares), ZERO);
    if (!shares.greaterThan(held)) return [];
    return [`SELL ${toPlain(shares)} ${ticker} in ${account}: Cannot sell ${toPlain(shares)} shares of ${ticker} in ${account}: only ${toPlain(held)} held.`];
  });
}

/**
 * Records executed trades into Lots, Sales and Accounts, with wash-sale adjustments. All or
 * nothing: any problem (unknown account or ticker, more shares sold than held, a buy costing more
 * than the account's cash, a plan already recorded) returns the errors and changes nothing.
 * Deterministic: buys become lots `<plan id>-<n>` dated the plan's as-of date.
 */
export function recordTrades(household: Household, plan: ExecutedPlan, options: RecordOptions): RecordResult {
  if (options.recordedPlanIds.includes(plan.id)) {
    return { ok: false, errors: [`Plan ${plan.id} is already in the Journal; it was recorded before.`] };
  }
  const flows = plan.cashFlows ?? [];
  const flowErrors = flows
    .filter((f) => !household.accounts.some((a) => a.name === f.account))
    .map((f) => `Cash flow of ${toPlain(f.amount)} to "${f.account}": no account of that name on the Accounts tab.`);
  if (flowErrors.length > 0) return { ok: false, errors: flowErrors };
  const flowsOf = (account: string, kind: 'deposit' | 'withdrawal') => flows.filter((f) => f.account === account && f.kind === kind);
  const accounts = household.accounts.map((a) => flowsOf(a.name, 'deposit').reduce((acc, f) => ({ ...acc, cash: acc.cash.plus(f.amount) }), a));
  const executed = executedTrades(plan.trades);
  if (executed.errors.length > 0) return { ok: false, errors: executed.errors };
  const oversold = oversoldPositions(household, plan.trades);
  if (oversold.length > 0) return { ok: false, errors: oversold };
  if (plan.trades.length > 0 && executed.trades.length === 0 && flows.length === 0) {
    return { ok: false, errors: ['Every trade is marked not executed (0 shares): there is nothing to record. Enter the shares you executed, or record nothing.'] };
  }
  const effects = applyTrades({ ...household, accounts }, executed.trades, {
    asOf: plan.asOf,
    lotMethod: options.lotMethod ?? household.settings.lotMethod,
    lotId: (n) => `${plan.id}-${n}`,
    checkCash: true,
  });
  if (effects.errors.length > 0) return { ok: false, errors: effects.errors };
  // Withdrawals leave after the sales that raised them, and come off the Withdraw column.
  const withdrawalErrors: string[] = [];
  effects.accounts = effects.accounts.map((a) => {
    const out = flowsOf(a.name, 'withdrawal').reduce((acc, f) => acc.plus(f.amount.abs()), ZERO);
    if (out.isZero()) return a;
    const cash = a.cash.minus(out);
    if (cash.lessThan(0)) withdrawalErrors.push(`Withdrawing ${formatDollars(out)} from ${a.name} leaves ${formatDollars(cash)}: the trades raise too little cash.`);
    effects.journal.push(`Withdrew ${formatDollars(out)} from ${a.name}.`);
    return { ...a, cash, withdraw: Decimal.max(ZERO, a.withdraw.minus(out)) };
  });
  if (withdrawalErrors.length > 0) return { ok: false, errors: withdrawalErrors };
  // Wash sales the new trades complete, against the whole history (shares since sold and closed
  // accounts included): whichever end is recorded second completes the wash. A new buy washes
  // loss sales of the last 30 days; a new loss sale is washed by purchases of the last 30 days,
  // and when that replacement was sold since, the disallowed loss moves into that sale's basis.
  const history = { lots: effects.lots, sales: effects.sales, accounts: effects.accounts, securities: household.securities };
  const completedNow = (m: WashMatch) => !m.recorded && (m.sale.proposed || m.replacement.proposed);
  const { matches } = matchHistory(history, new Set(effects.newSaleRows), new Set(effects.newLotIds), completedNow);
  const washed = recordWashAdjustments(effects.lots, effects.sales, matches.filter(completedNow));
  const journal = [`Plan ${plan.id} recorded as of ${plan.asOf}.`, ...executed.journal, ...effects.journal, ...washed.journal];
  const booked = plan.trades.length - executed.skipped.length;
  const skipped = executed.skipped.length === 0 ? '' : `; ${executed.skipped.length} not executed (skipped): ${executed.skipped.join(', ')}`;
  return {
    ok: true,
    lots: washed.lots,
    sales: washed.sales,
    accounts: effects.accounts,
    journal,
    executed: booked,
    skipped: executed.skipped,
    details: `${booked} trade${booked === 1 ? '' : 's'} recorded${skipped}. ${journal.join(' ')}`,
  };
}
