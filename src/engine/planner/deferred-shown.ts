import { Decimal, ZERO } from '../money';
import { rateFor } from '../tax';
import type { WorkingState } from './state';
import { cheaperThan, type DeferredLot } from './sale-candidates';

/**
 * Which lots held back because they turn long-term soon a plan lists as deferred sales, for both
 * planners: only where waiting is what kept the lot unsold. That is, the plan sold its class at a
 * higher cost per dollar than the lot would have cost (`dearestSale`, per class), or left the
 * class over its target and beyond its band. A class sold tax-free instead (inside an IRA, or a
 * cheaper lot) never needed the lot, and "waiting saves $86" would mislead.
 */
export function deferredToShow(state: WorkingState, heldBack: Iterable<DeferredLot>, dearestSale: ReadonlyMap<string, Decimal>): DeferredLot[] {
  const classOf = (d: DeferredLot) => state.context.securities.get(d.lot.ticker)!.assetClass;
  const leftOver = (assetClass: string) => state.gap(assetClass).greaterThan(halfShareFloor(state, assetClass)) && state.outOfBand(assetClass);
  const shown = new Map<string, DeferredLot>();
  for (const d of heldBack) {
    const assetClass = classOf(d);
    const dearest = dearestSale.get(assetClass);
    if ((dearest !== undefined && cheaperThan(d, dearest)) || leftOver(assetClass)) shown.set(d.lot.id, d);
  }
  return [...shown.values()];
}

/**
 * The dearest cost per dollar at which the plan's sales so far sold each class, lot by lot, at
 * the same footing as `DeferredLot.costPerDollar` (gain at its term's flat or first-dollar rate,
 * plus the spread; a sale inside a tax-advantaged account costs its spread).
 */
export function dearestSaleByClass(state: WorkingState): Map<string, Decimal> {
  const { context } = state;
  const dearest = new Map<string, Decimal>();
  for (const order of state.orders) {
    if (order.action !== 'SELL') continue;
    const security = context.securities.get(order.ticker)!;
    const spread = security.spread ?? context.household.settings.spread;
    const taxable = context.accounts.get(order.account)!.treatment === 'taxable';
    for (const l of order.lots) {
      const dollars = l.shares.times(order.price);
      if (!dollars.greaterThan(0)) continue;
      const tax = taxable ? l.gain.times(rateFor(l.term, context.rates)) : ZERO;
      const cost = tax.div(dollars).plus(spread);
      const before = dearest.get(security.assetClass);
      if (!before || cost.greaterThan(before)) dearest.set(security.assetClass, cost);
    }
  }
  return dearest;
}

/** A gap smaller than half a share of the class's primary security cannot be closed by trading. */
export function halfShareFloor(state: WorkingState, assetClass: string): Decimal {
  const primary = state.context.securitiesByClass.get(assetClass)?.[0];
  const half = primary ? primary.price.div(2) : ZERO;
  return Decimal.max(half, state.context.options.minTrade.div(2));
}
