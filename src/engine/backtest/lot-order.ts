import type { Decimal } from '../money';
import type { BacktestLotMethod } from './types';

/** A lot inside the simulator: shares of one asset's price index, bought at the end of `acquired`. */
export interface SimLot {
  acquired: number;
  shares: Decimal;
  basis: Decimal;
  /** basis / shares, kept so ordering lots does not divide on every sale (a partial sale keeps it). */
  costPerShare: Decimal;
}

export interface LotOrderContext {
  price: Decimal;
  /** Whether a lot sold now would be long-term (see `isLongTerm`). */
  longTerm(lot: SimLot): boolean;
  shortTermRate: Decimal;
  longTermRate: Decimal;
}

/** Orders lots for sale; returns a new array (the book's own array is never reordered). */
export type LotOrder = (lots: readonly SimLot[], context: LotOrderContext) => SimLot[];

const fifo: LotOrder = (lots) => [...lots].sort((a, b) => a.acquired - b.acquired);

/** Highest cost per share first; ties oldest first. */
const hifo: LotOrder = (lots) =>
  [...lots].sort((a, b) => {
    const byBasis = b.costPerShare.comparedTo(a.costPerShare);
    return byBasis !== 0 ? byBasis : a.acquired - b.acquired;
  });

/**
 * "MinTax-simple": least tax per dollar of proceeds first. A lot's tax per dollar is
 * rate(term) x (price - cost per share) / price, so losses come first (short-term losses,
 * worth the higher rate, before long-term ones), then long-term gains, then short-term gains.
 * The full planner also weighs waiting for long-term; the backtest does not.
 */
const minTax: LotOrder = (lots, context) => {
  // Dividing every key by the same positive price would not change the order, so it is left out.
  const taxPerDollar = (lot: SimLot): Decimal => {
    const rate = context.longTerm(lot) ? context.longTermRate : context.shortTermRate;
    return rate.times(context.price.minus(lot.costPerShare));
  };
  return lots
    .map((lot) => ({ lot, key: taxPerDollar(lot) }))
    .sort((a, b) => a.key.comparedTo(b.key) || a.lot.acquired - b.lot.acquired)
    .map((entry) => entry.lot);
};

export const LOT_ORDERS: Record<BacktestLotMethod, LotOrder> = {
  FIFO: fifo,
  HIFO: hifo,
  MinTax: minTax,
};

/**
 * Long-term means held more than one year (IRS Publication 550, "Holding Period"). The backtest
 * knows periods, not days, so it assumes each trade falls at the very end of its period and the
 * sale a day after the anniversary: a lot held 12 months or more of periods counts as
 * long-term. On annual data a lot bought at the end of year t and sold at the end of year t+1
 * is long-term; on monthly data it must be held 12 months. A real purchase on 31 December sold on
 * 31 December a year later would be short-term by one day: that edge is not modelled.
 */
export function isLongTerm(acquired: number, soldAt: number, monthsPerPeriod: number): boolean {
  return (soldAt - acquired) * monthsPerPeriod >= 12;
}
