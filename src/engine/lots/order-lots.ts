import { ZERO, type Decimal } from '../money';
import { compareDates } from '../dates';
import { termOn } from '../holding-period';
import { rateFor } from '../tax';
import type { Lot, LotMethodName } from '../types';
import type { LotMethod, LotOrderContext } from './lot-method';

function basisPerShare(lot: Lot): Decimal {
  return lot.basis.dividedBy(lot.shares);
}

/** Older first, then by id, so equal dates never depend on input order. */
function byAcquired(a: Lot, b: Lot): number {
  return compareDates(a.acquired, b.acquired) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const fifo: LotMethod = (lots) => [...lots].sort(byAcquired);

const lifo: LotMethod = (lots) =>
  [...lots].sort((a, b) => compareDates(b.acquired, a.acquired) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Sorts by a key worked out once per lot (not once per comparison: keys cost Decimal division). */
function sortByKey<K>(lots: readonly Lot[], key: (lot: Lot) => K, compare: (a: K, b: K) => number): Lot[] {
  return lots
    .map((lot) => ({ lot, key: key(lot) }))
    .sort((a, b) => compare(a.key, b.key) || byAcquired(a.lot, b.lot))
    .map(({ lot }) => lot);
}

const hifo: LotMethod = (lots) => sortByKey(lots, basisPerShare, (a, b) => b.comparedTo(a));

/**
 * Estimated tax per dollar sold: (price - basis/share) x rate / price. Negative for a loss; zero
 * in a tax-advantaged account, where every lot costs the same and the order is older first.
 */
function taxPerDollar(lot: Lot, context: LotOrderContext): Decimal {
  if (!context.taxable) return ZERO;
  const perShare = context.price.minus(basisPerShare(lot)).times(rateFor(termOn(lot, context.saleDate), context.rates));
  return context.price.greaterThan(0) ? perShare.dividedBy(context.price) : perShare;
}

/**
 * Least tax first: one order by estimated tax per dollar sold, each lot at its own term's rate,
 * so the largest saving per dollar leads and a short-term gain taxed at 7 cents a dollar comes
 * before a long-term gain taxed at 14. The rate difference between the terms is already in the
 * price; a separate "long-term before short-term" tier would sell the dearer lot. Ties: older
 * first, then by id.
 */
const minTax: LotMethod = (lots, context) => sortByKey(lots, (lot) => taxPerDollar(lot, context), (a, b) => a.comparedTo(b));

/** The caller's named lots in the caller's order; lots not named are never sold. */
const specId: LotMethod = (lots, context) =>
  context.specificLots.flatMap((id) => lots.filter((lot) => lot.id === id));

export const LOT_METHOD_TABLE: Record<LotMethodName, LotMethod> = {
  MinTax: minTax,
  HIFO: hifo,
  FIFO: fifo,
  LIFO: lifo,
  SpecID: specId,
};

export function orderLots(method: LotMethodName, lots: readonly Lot[], context: LotOrderContext): Lot[] {
  return LOT_METHOD_TABLE[method](lots, context);
}
