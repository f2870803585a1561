import { Decimal, ZERO } from '../money';
import type { PolicyView } from './types';

/**
 * Building blocks policies share: the trades that reach the target mix, and the ways to place
 * a period's cash flow. Every function returns trades whose sum equals `view.flow`.
 */

type Trades = Record<string, Decimal>;

/** Trades that bring every asset to its target weight of (total + flow): a full rebalance. */
export function tradesToTarget(view: PolicyView): Trades {
  const after = view.total.plus(view.flow);
  const trades: Trades = {};
  for (const entry of view.mix) trades[entry.asset] = entry.weight.times(after).minus(view.holdings[entry.asset]);
  return trades;
}

/**
 * Cash placed without an opinion on the mix, as buy-and-hold would: contributions bought at
 * the target weights, withdrawals sold pro rata to what is held (so the drift is untouched).
 */
export function tradesForFlowOnly(view: PolicyView): Trades {
  const trades: Trades = {};
  const flow = view.flow;
  for (const entry of view.mix) {
    if (flow.isZero()) trades[entry.asset] = ZERO;
    else if (flow.greaterThan(0)) trades[entry.asset] = flow.times(entry.weight);
    else trades[entry.asset] = view.total.isZero() ? ZERO : flow.times(view.holdings[entry.asset]).div(view.total);
  }
  return trades;
}

/**
 * Cash that steers toward the mix without selling beyond the withdrawal: a contribution buys
 * the underweight assets in proportion to how far each is below its target share of
 * (total + flow); a withdrawal sells the overweight ones in proportion to their excess. The
 * shortfalls always add up to at least the contribution (and the excesses to at least the
 * withdrawal), since target minus holding sums to the flow.
 */
export function tradesSteeringFlow(view: PolicyView): Trades {
  const flow = view.flow;
  const trades: Trades = {};
  if (flow.isZero()) {
    for (const entry of view.mix) trades[entry.asset] = ZERO;
    return trades;
  }
  const after = view.total.plus(flow);
  const gaps = view.mix.map((entry) => {
    const gap = entry.weight.times(after).minus(view.holdings[entry.asset]);
    // Contribution: only shortfalls (gap > 0) attract cash; withdrawal: only excesses (gap < 0).
    return flow.greaterThan(0) ? Decimal.max(gap, ZERO) : Decimal.max(gap.neg(), ZERO);
  });
  const totalGap = gaps.reduce((acc, g) => acc.plus(g), ZERO);
  view.mix.forEach((entry, i) => {
    trades[entry.asset] = totalGap.isZero() ? ZERO : flow.times(gaps[i]).div(totalGap);
  });
  return trades;
}
