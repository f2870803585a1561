import { Decimal, ZERO } from '../money';
import { daysBetween, type IsoDate } from '../dates';
import { longTermOn } from '../holding-period';
import { orderLots } from '../lots/order-lots';
import { lotAsSoldRef, samePurchase } from '../wash-sales';
import { cachedTaxYearContext, freeLongTermGain, rateFor, saleCostPerDollar } from '../tax';
import type { Lot } from '../types';
import type { Term } from '../plan-types';
import type { WorkingState } from './state';
import { groupOfTicker } from './context';

/**
 * Kinds of sale: 0 tax-advantaged (no tax), 1 taxable loss, 2 long-term gain, 3 short-term gain.
 * The kind decides which product rules apply (a loss a recent purchase would wash is not sold; a
 * short-term gain is sold only for a class beyond its band, and not when it turns long-term within
 * the wait window), never the order: sales are taken by `costPerDollar` alone, which already
 * prices the rate difference between the terms.
 */
export type SaleTier = 0 | 1 | 2 | 3;

export interface SaleCandidate {
  lot: Lot;
  tier: SaleTier;
  term: Term;
  /** Gain per share at the current price (negative: a loss); zero outside taxable accounts. */
  gainPerShare: Decimal;
  /** Estimated tax per dollar sold, plus the trading spread: the planner's ordering cost. */
  costPerDollar: Decimal;
  /**
   * Under the tax tables, a long-term gain that costs no tax up to this much gain (the 0% band
   * with no state rate): as free as a sale inside an IRA, and taken only up to the band's edge.
   */
  freeGainUpTo?: Decimal;
}

export interface DeferredLot {
  lot: Lot;
  longTermOn: IsoDate;
  gain: Decimal;
  /**
   * What selling it now would cost per dollar (short-term tax plus spread): a lot is shown as
   * deferred only when the plan sold its class at a higher cost, or left the class over its band.
   */
  costPerDollar?: Decimal;
}

/** Would the plan have sold this deferred lot rather than a sale costing `cost` per dollar? */
export function cheaperThan(d: DeferredLot, cost: Decimal): boolean {
  return d.costPerDollar === undefined || d.costPerDollar.lessThan(cost);
}

export interface CandidateScan {
  next: SaleCandidate | null;
  /** Short-term gain lots held back because they turn long-term within the wait window. */
  deferred: DeferredLot[];
}

/**
 * The next lot the plan would sell of a position, under the lot method: MinTax may skip a lot
 * it should not sell (a short-term gain about to turn long-term, a loss a recent purchase would
 * wash); FIFO, LIFO and HIFO follow their order strictly, so a blocked first lot blocks the position.
 * `sellDeferred` lets a lot about to turn long-term be sold: only for cash that must be raised
 * and that nothing else can raise.
 */
export function nextSaleCandidate(state: WorkingState, account: string, ticker: string, allowShortTermGains: boolean, sellDeferred = false): CandidateScan {
  const { context } = state;
  const deferred: DeferredLot[] = [];
  const held = state.heldLots(account, ticker);
  if (held.length === 0) return { next: null, deferred };
  const ranked = rankedLots(state, account, ticker, held);
  const current = new Map(held.map((lot) => [lot.id, lot]));
  const strict = context.options.lotMethod !== 'MinTax';
  for (const info of ranked) {
    const lot = current.get(info.id);
    if (!lot || !lot.shares.greaterThan(0)) continue;
    let blocked = false;
    if (info.tier === 1) {
      blocked = washedIfSold(state, lot);
    } else if (info.tier === 3) {
      if (info.defer && !sellDeferred) {
        // Deferred only where a short-term gain could be sold at all (else it is simply held).
        if (allowShortTermGains) deferred.push({ lot, longTermOn: info.longTermOn, gain: info.gainPerShare.times(lot.shares), costPerDollar: info.costPerDollar });
        blocked = true;
      } else if (!allowShortTermGains) {
        blocked = true;
      }
    }
    if (!blocked) return { next: { lot, tier: info.tier, term: info.term, gainPerShare: info.gainPerShare, ...marginalCost(state, lot, info) }, deferred };
    if (strict) return { next: null, deferred };
  }
  return { next: null, deferred };
}

/**
 * Under the tax tables a sale's cost is its marginal tax given the plan's other sales so far
 * (convex: rates only rise with income), so a lot that would cross into the next bracket costs
 * more per dollar than one that fits below it. Flat rates: the ranked cost, unchanged.
 */
function marginalCost(state: WorkingState, lot: Lot, info: RankedLot): { costPerDollar: Decimal; freeGainUpTo?: Decimal } {
  const { context } = state;
  if (!context.rates.household || info.tier === 0) return { costPerDollar: info.costPerDollar };
  const year = cachedTaxYearContext(context.household, context.asOf, context.rates);
  const security = context.securities.get(lot.ticker)!;
  const spread = security.spread ?? context.household.settings.spread;
  const before = { shortTerm: state.realizedShortTerm, longTerm: state.realizedLongTerm };
  if (info.tier === 2) {
    const free = freeLongTermGain(year, before);
    // Less room than one share's gain is no room: the next share already pays tax.
    if (free && free.greaterThanOrEqualTo(info.gainPerShare)) return { costPerDollar: spread, freeGainUpTo: free };
  }
  return { costPerDollar: saleCostPerDollar(year, info.term, info.gainPerShare, security.price, lot.shares, before).plus(spread) };
}

export interface RankedLot {
  id: string;
  tier: SaleTier;
  term: Term;
  gainPerShare: Decimal;
  costPerDollar: Decimal;
  longTermOn: IsoDate;
  /** A short-term gain that turns long-term within the wait window. */
  defer: boolean;
}

/**
 * A position's lots in the lot method's order, each with what does not change while the plan is
 * built (price, term and gain are fixed for the as-of date). Worked out once per position: a
 * partial sale leaves a lot's place and per-share figures as they were.
 */
function rankedLots(state: WorkingState, account: string, ticker: string, lots: readonly Lot[]): RankedLot[] {
  const key = `${account}\u0000${ticker}`;
  const cached = state.rankedLots.get(key);
  if (cached) return cached;
  const { context } = state;
  const security = context.securities.get(ticker)!;
  const price = security.price;
  const taxable = context.accounts.get(account)!.treatment === 'taxable';
  const spread = security.spread ?? context.household.settings.spread;
  const ordered = orderLots(context.options.lotMethod, lots, {
    saleDate: context.asOf,
    price,
    rates: context.rates,
    taxable,
    specificLots: context.options.specificLots,
  });
  const ranked = ordered.map((lot): RankedLot => {
    const turnsLong = longTermOn(lot);
    const term: Term = context.asOf >= turnsLong ? 'long' : 'short';
    if (!taxable) return { id: lot.id, tier: 0, term, gainPerShare: ZERO, costPerDollar: spread, longTermOn: turnsLong, defer: false };
    const gainPerShare = price.minus(lot.basis.div(lot.shares));
    const costPerDollar = gainPerShare.times(rateFor(term, context.rates)).div(price).plus(spread);
    const tier: SaleTier = gainPerShare.lessThan(0) ? 1 : term === 'long' ? 2 : 3;
    const defer = tier === 3 && daysBetween(context.asOf, turnsLong) <= context.options.longTermWaitDays;
    return { id: lot.id, tier, term, gainPerShare, costPerDollar, longTermOn: turnsLong, defer };
  });
  state.rankedLots.set(key, ranked);
  return ranked;
}

/**
 * Would selling this lot at a loss today be a wash sale? Yes when the plan buys the same wash
 * group anywhere, or another purchase of the group was made in the last 30 days (any account,
 * IRAs included: Pub. 550, Rev. Rul. 2008-5).
 */
export function washedIfSold(state: WorkingState, lot: Lot): boolean {
  const group = groupOfTicker(state.context, lot.ticker);
  if (state.boughtGroups.has(group)) return true;
  const recent = state.context.recentPurchases.get(group) ?? [];
  return recent.some((other) => !samePurchase(lotAsSoldRef(lot), other));
}
