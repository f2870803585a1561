import { Decimal, ZERO, formatDollars, roundCents, sumBy } from '../money';
import { yearOf } from '../dates';
import { computeDrift } from '../drift';
import type { TradeInput } from '../trade-effects';
import { checkWashSales } from '../wash-sales';
import { carryforwardFrom, planTax, realizedFromSales, type GainsByTerm } from '../tax';
import type { Household } from '../types';
import type { CashFlow, ClassDrift, DeferredSale, LotTaken, PlanOutcome, Trade } from '../plan-types';
import type { WorkingState } from './state';
import type { DeferredLot } from './sale-candidates';
import { formatDeferred } from './rebalance-sales';
import { explainTrade, fallenPricePhrase, sentence } from './reasons';
import { canonicalJson, fnv1a64 } from './plan-id';
import { cashRequests } from './cash-requests';
import { explainOutOfBand } from './out-of-band';
import type { PlanOptions } from '../plan-types';

function gainsOf(lots: readonly LotTaken[], taxable: boolean): GainsByTerm {
  if (!taxable) return { shortTerm: ZERO, longTerm: ZERO };
  return {
    shortTerm: sumBy(lots.filter((l) => l.term === 'short'), (l) => l.gain),
    longTerm: sumBy(lots.filter((l) => l.term === 'long'), (l) => l.gain),
  };
}

function realizationSentence(trade: Pick<Trade, 'shortTermGain' | 'longTermGain' | 'tax' | 'lots'>): string {
  const parts: string[] = [];
  const describe = (amount: Decimal, term: string) =>
    amount.isZero() ? null : amount.lessThan(0) ? `${formatDollars(amount.negated(), 0)} ${term} loss` : `${formatDollars(amount, 0)} ${term} gain`;
  const lt = describe(trade.longTermGain, 'long-term');
  const st = describe(trade.shortTermGain, 'short-term');
  if (lt) parts.push(lt);
  if (st) parts.push(st);
  if (parts.length === 0) return '';
  const lotWord = trade.lots.length === 1 ? `lot ${trade.lots[0].lot} (${trade.lots[0].acquired})` : `${trade.lots.length} lots (${trade.lots.map((l) => l.lot).join(', ')})`;
  const tax = trade.tax.lessThan(0) ? `saving about ${formatDollars(trade.tax.negated(), 0)} of tax` : `about ${formatDollars(trade.tax, 0)} of tax`;
  return `Selling ${lotWord} realizes a ${parts.join(' and a ')}, ${tax}.`;
}

/**
 * Where a class is bought because its prices fell, that is said once in the plan: in the details
 * of the class's largest purchase (ties: the first), not on every buy of it.
 */
function fallenPriceDetails(state: WorkingState, trades: readonly Trade[]): Map<Trade, string> {
  const largest = new Map<string, Trade>();
  for (const t of trades) {
    if (t.action !== 'BUY') continue;
    const assetClass = state.context.securities.get(t.ticker)?.assetClass;
    if (assetClass === undefined) continue;
    const seen = largest.get(assetClass);
    if (!seen || t.amount.greaterThan(seen.amount)) largest.set(assetClass, t);
  }
  const notes = new Map<Trade, string>();
  for (const [assetClass, trade] of largest) {
    const fallen = fallenPricePhrase(state, assetClass);
    if (fallen) notes.set(trade, sentence(fallen));
  }
  return notes;
}

/** The household with this run's deposits added, as the trades will find it (withdrawals leave after them). */
export function householdWithDeposits(household: Household, options: PlanOptions): Household {
  const requests = cashRequests(household, options);
  return {
    ...household,
    accounts: household.accounts.map((a) => ({ ...a, cash: a.cash.plus(requests.get(a.name)?.deposit ?? ZERO) })),
  };
}

export function tradeInputs(trades: readonly Trade[]): TradeInput[] {
  return trades.map((t) => ({
    account: t.account,
    action: t.action,
    ticker: t.ticker,
    shares: t.shares,
    price: t.price,
    lots: t.action === 'SELL' ? t.lots.map((l) => ({ lot: l.lot, shares: l.shares })) : undefined,
  }));
}

export function assemblePlan(state: WorkingState, deferredLots: Map<string, DeferredLot>, warnings: string[], options: PlanOptions): PlanOutcome {
  const { context } = state;
  const { household, asOf, rates } = context;
  const existing = realizedFromSales(household.sales, yearOf(asOf), household.accounts);
  warnings.push(...existing.warnings);
  const carryforward = carryforwardFrom(household.settings);
  let cumulative: GainsByTerm = { shortTerm: ZERO, longTerm: ZERO };
  // Grouped by account in the Accounts tab's order, sells before buys (the cash must be there
  // first); otherwise in the order the planner decided them.
  const accountOrder = household.accounts.map((a) => a.name);
  const orders = state.orders
    .map((o, i) => ({ o, i }))
    .sort((a, b) => accountOrder.indexOf(a.o.account) - accountOrder.indexOf(b.o.account) || (a.o.action === b.o.action ? 0 : a.o.action === 'SELL' ? -1 : 1) || a.i - b.i)
    .map(({ o }) => o);
  const trades: Trade[] = orders.map((o) => {
    const taxable = context.accounts.get(o.account)!.treatment === 'taxable';
    const gains = gainsOf(o.lots, taxable);
    const next = { shortTerm: cumulative.shortTerm.plus(gains.shortTerm), longTerm: cumulative.longTerm.plus(gains.longTerm) };
    // Each trade's tax is what it adds to the year's tax after the trades before it, so the
    // trades' taxes add up to the plan's tax with losses netted as Schedule D nets them.
    const tax = o.action === 'SELL' ? planTax(existing.realized, next, carryforward, rates).minus(planTax(existing.realized, cumulative, carryforward, rates)) : ZERO;
    cumulative = next;
    const trade: Trade = {
      account: o.account,
      action: o.action,
      ticker: o.ticker,
      shares: o.shares,
      price: o.price,
      amount: o.amount,
      lots: o.lots,
      shortTermGain: gains.shortTerm,
      longTermGain: gains.longTerm,
      tax,
      purpose: o.purpose,
      reason: '',
      details: [],
    };
    if (o.reason !== undefined) {
      // The optimizing planner explains its trades from the solution (optimize/explain-trades.ts).
      Object.assign(trade, { reason: o.reason, details: [...(o.details ?? [])] });
    } else {
      const realized = o.action === 'SELL' ? realizationSentence(trade) : '';
      Object.assign(trade, explainTrade(o.notes, [...(o.details ?? []), ...(realized ? [realized] : [])]));
    }
    return trade;
  });
  for (const [trade, note] of fallenPriceDetails(state, trades)) trade.details.push(note);

  // What enters and leaves each account with the plan: its deposit, and its withdrawal (typed
  // with the plan and the Withdraw column, one figure: see cash-requests.ts). A withdrawal that
  // could not be raised was refused before any trade, so each is paid out in full.
  const cashFlows: CashFlow[] = household.accounts.flatMap((a) => {
    const request = context.cashRequests.get(a.name)!;
    const flows: CashFlow[] = [];
    if (request.deposit.greaterThan(0)) flows.push({ account: a.name, amount: request.deposit, kind: 'deposit' });
    if (request.withdrawal.greaterThan(0)) flows.push({ account: a.name, amount: request.withdrawal.negated(), kind: 'withdrawal' });
    return flows;
  });

  // The household after the plan, from the planner's own books: lots left, the buys as new
  // lots, and each account's cash less what leaves it (withdrawals). Property tests check these
  // books against the tax engine's bookkeeping (applyTrades) on random households.
  const heldAfter = [...state.lots.values()].flatMap((byTicker) => [...byTicker.values()].flat());
  const bought = trades
    .filter((t) => t.action === 'BUY')
    .map((t, i) => ({ id: `planned-${i + 1}`, account: t.account, ticker: t.ticker, shares: t.shares, basis: t.amount, acquired: asOf, holdingFrom: null }));
  const afterHousehold: Household = {
    ...household,
    lots: [...heldAfter, ...bought],
    accounts: household.accounts.map((a) => ({
      ...a,
      cash: state.cash.get(a.name)!.minus(context.cashRequests.get(a.name)!.withdrawal),
      withdraw: ZERO,
    })),
  };
  // The final checks. A plan that fails one is never shown: it is an error, and a planner bug
  // (property tests run random households through these checks).
  const failures: string[] = [];
  for (const a of afterHousehold.accounts) {
    const paysOut = context.cashRequests.get(a.name)!.withdrawal.greaterThan(0);
    if (a.cash.lessThan(0)) failures.push(`${a.name} would end with ${formatDollars(a.cash)} of cash.`);
    else if (paysOut && a.cash.lessThan(a.reserve)) failures.push(`${a.name} would end with ${formatDollars(a.cash)} of cash after its withdrawal, below its ${formatDollars(a.reserve)} reserve.`);
  }
  const before = computeDrift(household, { band: context.options.band, absBand: household.settings.absBand });
  const after = computeDrift(afterHousehold, { band: context.options.band, absBand: household.settings.absBand });
  const drift: ClassDrift[] = before.rows.map((row) => {
    const a = after.rows.find((r) => r.assetClass === row.assetClass);
    return {
      assetClass: row.assetClass,
      target: row.target,
      before: row.weight,
      after: a?.weight ?? ZERO,
      status: row.band ? row.status : 'within',
      statusAfter: a?.band ? a.status : 'within',
    };
  });

  warnings.push(...explainOutOfBand(state, drift, deferredLots));

  // Wash sales only involve the wash groups the plan trades: check those lots and sales alone.
  const tradedGroups = new Set(trades.map((t) => context.securities.get(t.ticker)?.washGroup ?? t.ticker));
  const inTradedGroup = (ticker: string) => tradedGroups.has(context.securities.get(ticker)?.washGroup ?? ticker);
  const withDeposits = householdWithDeposits(household, options);
  const wash = checkWashSales(
    { ...withDeposits, lots: withDeposits.lots.filter((l) => inTradedGroup(l.ticker)), sales: withDeposits.sales.filter((s) => inTradedGroup(s.ticker)) },
    tradeInputs(trades),
    asOf,
  );
  failures.push(...wash.errors);
  for (const w of wash.washSales) failures.push(`The plan would create a wash sale: ${w.reason}`);
  if (failures.length > 0) {
    return { ok: false, stage: 'final-check', errors: ['The plan built failed its final checks, so it is not shown (a planner bug; please report it with the workbook):', ...failures] };
  }

  for (const group of state.lossGroups) {
    const drips = context.dripAccounts.get(group) ?? [];
    const stillHeld = drips.filter((account) => afterHousehold.lots.some((l) => l.account === account && context.securities.get(l.ticker)?.washGroup === group));
    if (stillHeld.length > 0) {
      warnings.push(`Switch off dividend reinvestment (DRIP) in ${stillHeld.join(', ')} for ${group} before placing this plan: the next reinvestment would be a purchase within 30 days of the loss sale and wash the loss${stillHeld.some((n) => context.accounts.get(n)!.treatment !== 'taxable') ? ' (in a tax-advantaged account, permanently)' : ''}.`);
    }
  }

  const deferred: DeferredSale[] = [...deferredLots.values()]
    .filter((d) => !state.orders.some((o) => o.lots.some((l) => l.lot === d.lot.id)))
    .map((d) => {
      const { taxSaved, reason } = formatDeferred(state, d);
      return { account: d.lot.account, ticker: d.lot.ticker, lot: d.lot.id, shares: d.lot.shares, longTermOn: d.longTermOn, taxSaved, reason };
    })
    .sort((a, b) => (a.account + a.ticker + a.lot < b.account + b.ticker + b.lot ? -1 : 1));

  const spreadOf = (ticker: string) => context.securities.get(ticker)?.spread ?? household.settings.spread;
  const sells = trades.filter((t) => t.action === 'SELL');
  const buys = trades.filter((t) => t.action === 'BUY');
  const harvested = sumBy(trades.filter((t) => t.purpose === 'harvest'), (t) => Decimal.max(ZERO, t.shortTermGain.plus(t.longTermGain).negated()));
  const summary = {
    trades: trades.length,
    bought: sumBy(buys, (t) => t.amount),
    sold: sumBy(sells, (t) => t.amount),
    shortTermGain: sumBy(trades, (t) => t.shortTermGain),
    longTermGain: sumBy(trades, (t) => t.longTermGain),
    estimatedTax: roundCents(sumBy(trades, (t) => t.tax)),
    lossesHarvested: harvested,
    deferred: deferred.length,
    driftBefore: before.householdDrift,
    driftAfter: after.householdDrift,
    tradingCost: roundCents(sumBy(trades, (t) => t.amount.times(spreadOf(t.ticker)))),
  };
  const id = `P-${asOf}-${fnv1a64(canonicalJson({ household, options })).slice(0, 10)}`;
  return { ok: true, plan: { id, asOf, cashFlows, trades, drift, deferred, warnings, summary } };
}
