import { Decimal, ZERO } from '../money';
import { daysBetween, type IsoDate } from '../dates';
import { longTermOn, termOn } from '../holding-period';
import { orderLots } from '../lots/order-lots';
import { purchaseId } from '../wash-sales';
import { rateFor } from '../tax';
import type { Lot } from '../types';
import type { Term } from '../plan-types';
import type { WorkingState } from './state';
import { groupOfTicker } from './context';

/**
 * Sale tiers, in the order the planner prefers them (PRODUCT.md "What makes the engine good"):
 * 0 tax-advantaged (no tax), 1 taxable losses, 2 long-term gains, 3 short-term gains.
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
}

export interface DeferredLot {
  lot: Lot;
  longTermOn: IsoDate;
  gain: Decimal;
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
 */
export function nextSaleCandidate(state: WorkingState, account: string, ticker: string, allowShortTermGains: boolean): CandidateScan {
  const { context } = state;
  const lots = state.heldLots(account, ticker);
  const deferred: DeferredLot[] = [];
  if (lots.length === 0) return { next: null, deferred };
  const security = context.securities.get(ticker)!;
  const price = security.price;
  const taxable = context.accounts.get(account)!.treatment === 'taxable';
  const spread = security.spread ?? context.household.settings.spread;
  const method = context.options.lotMethod;
  const ordered = orderLots(method, lots, {
    saleDate: context.asOf,
    price,
    rates: context.rates,
    taxable,
    specificLots: context.options.specificLots,
  });
  const strict = method !== 'MinTax';
  for (const lot of ordered) {
    if (!lot.shares.greaterThan(0)) continue;
    if (!taxable) return { next: { lot, tier: 0, term: termOn(lot, context.asOf), gainPerShare: ZERO, costPerDollar: spread }, deferred };
    const term = termOn(lot, context.asOf);
    const gainPerShare = price.minus(lot.basis.div(lot.shares));
    const costPerDollar = gainPerShare.times(rateFor(term, context.rates)).div(price).plus(spread);
    let blocked = false;
    if (gainPerShare.lessThan(0)) {
      blocked = washedIfSold(state, lot);
    } else if (term === 'short') {
      const turnsLong = longTermOn(lot);
      if (daysBetween(context.asOf, turnsLong) <= context.options.longTermWaitDays) {
        deferred.push({ lot, longTermOn: turnsLong, gain: gainPerShare.times(lot.shares) });
        blocked = true;
      } else if (!allowShortTermGains) {
        blocked = true;
      }
    }
    if (!blocked) {
      const tier: SaleTier = gainPerShare.lessThan(0) ? 1 : term === 'long' ? 2 : 3;
      return { next: { lot, tier, term, gainPerShare, costPerDollar }, deferred };
    }
    if (strict) return { next: null, deferred };
  }
  return { next: null, deferred };
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
  return recent.some((other) => purchaseId(other.id) !== purchaseId(lot.id));
}
