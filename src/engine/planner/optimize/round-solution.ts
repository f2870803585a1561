import { Decimal, ZERO, roundCents } from '../../money';
import type { Solution } from '../../linear-program';
import type { Lot } from '../../types';
import type { TradePurpose } from '../../plan-types';
import type { Order, WorkingState } from '../state';
import { sellFromLot, sellLots, buyClass } from '../execute';
import type { HouseholdModel, SaleBlock } from './household-model';

/**
 * Turns the solution into orders on the working state, in whole shares (unless the account
 * trades fractions) without creating tax the solution did not choose: a sale of a gain lot is
 * rounded down, of a loss lot up (a little more loss, never more gain), a tax-free sale to the
 * nearest share. A position sold for less than the Min Trade is left alone unless the account
 * must raise cash. Then each account that must still raise cash (rounding down left it short)
 * sells one more share at a time from its cheapest remaining sale, and the buys spend what the
 * sales raised, class by class, the largest first.
 */
export function executeSolution(state: WorkingState, model: HouseholdModel, solution: Solution): Set<Order> {
  const { context } = state;
  const mustRaise = new Set(context.household.accounts.filter((a) => state.spendable(a.name).lessThan(0)).map((a) => a.name));
  const overTarget = new Set(context.classes.filter((c) => state.gap(c).greaterThan(0)));
  const value = (column: number) => Math.max(0, solution.x[column] ?? 0);

  // Positions in Accounts-tab order, each position's blocks in the order the model listed them.
  const byPosition = new Map<string, SaleBlock[]>();
  for (const block of model.sales) {
    const key = `${block.account}\u0000${block.ticker}`;
    byPosition.set(key, [...(byPosition.get(key) ?? []), block]);
  }
  const strict = context.options.lotMethod !== 'MinTax';
  for (const blocks of byPosition.values()) {
    const { account, ticker, taxable } = blocks[0]!;
    const fractional = context.accounts.get(account)!.fractional;
    const price = blocks[0]!.price;
    // The lots to take, each with its shares: per lot (MinTax), or the total down the method's order.
    let takes: { lot: Lot; shares: Decimal }[] = [];
    if (taxable && !strict) {
      for (const block of blocks) {
        const lot = block.lots[0]!;
        const gain = price.minus(lot.basis.div(lot.shares));
        const x = value(block.column);
        const shares = x >= lot.shares.toNumber() - 1e-6 ? lot.shares : roundShares(x, fractional, gain.lessThan(0) ? 'up' : gain.greaterThan(0) ? 'down' : 'nearest');
        if (shares.greaterThan(0)) takes.push({ lot, shares: Decimal.min(shares, lot.shares) });
      }
    } else {
      const total = blocks.reduce((t, b) => t + value(b.column), 0);
      const lots = blocks.flatMap((b) => b.lots);
      const held = lots.reduce((t, l) => t.plus(l.shares), ZERO);
      const netGain = taxable ? blocks.reduce((t, b) => t + value(b.column) * (b.shortGain + b.longGain), 0) : 0;
      let left = roundShares(total, fractional, netGain > 0 ? 'down' : netGain < 0 ? 'up' : 'nearest');
      // Rounded to at least what is held: the whole position, fractions of a share included.
      if (left.greaterThanOrEqualTo(held) || total >= held.toNumber() - 1e-6) left = held;
      takes = [];
      for (const lot of lots) {
        if (!left.greaterThan(0)) break;
        const shares = Decimal.min(left, lot.shares);
        takes.push({ lot, shares });
        left = left.minus(shares);
      }
    }
    const amount = takes.reduce((t, x) => t.plus(x.shares.times(price)), ZERO);
    if (!amount.greaterThan(0) || (amount.lessThan(context.options.minTrade) && !mustRaise.has(account))) continue;
    const purposeOf = (lot: Lot) => salePurpose(mustRaise.has(account), lot, price, overTarget, context.securities.get(ticker)!.assetClass);
    const ids = state.heldLots(account, ticker).map((l) => l.id);
    if (new Set(ids).size === ids.length) {
      // One order per position; its purpose is its first lot's (merged lot-by-lot sales kept the first).
      if (takes.length > 0) sellLots(state, account, ticker, takes, purposeOf(takes[0]!.lot));
    } else {
      // Lots sharing an id (a backtest's purchases can): lot by lot, each id's first match, as ever.
      for (const { lot, shares } of takes) {
        const current = state.heldLots(account, ticker).find((l) => l.id === lot.id);
        if (current) sellFromLot(state, account, current, Decimal.min(shares, current.shares), purposeOf(lot), [], [], true);
      }
    }
  }

  // Rounding down may leave an account short of what it must raise: one more share at a time
  // from the sale the model found cheapest that still has shares.
  for (const account of mustRaise) {
    const blocks = model.sales.filter((b) => b.account === account).sort((a, b) => a.costPerDollar - b.costPerDollar || (value(b.column) > 0 ? 1 : 0) - (value(a.column) > 0 ? 1 : 0));
    for (let guard = 0; guard < 1000 && state.spendable(account).lessThan(0); guard++) {
      const lot = blocks.flatMap((b) => b.lots).map((l) => state.heldLots(account, l.ticker).find((h) => h.id === l.id)).find((l): l is Lot => l !== undefined && l.shares.greaterThan(0));
      if (!lot) break;
      const price = context.securities.get(lot.ticker)!.price;
      const fractional = context.accounts.get(account)!.fractional;
      const need = state.spendable(account).negated().div(price);
      const shares = Decimal.min(lot.shares, Decimal.max(roundShares(need.toNumber(), fractional, 'up'), fractional ? new Decimal('0.000001') : new Decimal(1)));
      if (!sellFromLot(state, account, lot, shares, 'withdrawal', [])) break;
    }
  }

  // A sale is for the withdrawal (or reserve) only when the account sells little more than it
  // must raise; a loss sold from a class not over target is a harvest whatever the account needs.
  for (const account of mustRaise) {
    const need = model.need.get(account) ?? 0;
    const sales = state.orders.filter((o) => o.account === account && o.action === 'SELL' && o.purpose === 'withdrawal');
    const sold = sales.reduce((t, o) => t + o.amount.toNumber(), 0);
    const share = Math.max(0, ...sales.map((o) => o.price.toNumber()));
    if (sold > need + share + context.options.minTrade.toNumber()) for (const o of sales) o.purpose = 'rebalance';
  }

  // Buys: the largest first in each account, each capped by the cash the account has left.
  const sold = new Set(state.orders.filter((o) => o.action === 'SELL').map((o) => o.account));
  const harvested = new Set(state.orders.filter((o) => o.purpose === 'harvest').map((o) => `${o.account}\u0000${context.securities.get(o.ticker)!.assetClass}`));
  const accountOrder = context.household.accounts.map((a) => a.name);
  const buys = model.buys
    .map((b) => ({ ...b, dollars: value(b.column) }))
    .filter((b) => b.dollars > 0.005)
    .sort((a, b) => accountOrder.indexOf(a.account) - accountOrder.indexOf(b.account) || b.dollars - a.dollars || context.classes.indexOf(a.assetClass) - context.classes.indexOf(b.assetClass));
  for (const b of buys) {
    const purpose: TradePurpose = harvested.has(`${b.account}\u0000${b.assetClass}`) ? 'harvest-replacement' : sold.has(b.account) ? 'rebalance' : 'cash-flow';
    // Whole shares to the nearest (never past the cash): the model's dollars, not a share less.
    const price = context.securities.get(b.ticker)!.price;
    const fractional = context.accounts.get(b.account)!.fractional;
    const dollars = fractional ? new Decimal(b.dollars.toFixed(2)) : roundShares(b.dollars / price.toNumber(), false, 'nearest').times(price);
    buyClass(state, b.account, b.assetClass, roundCents(dollars), purpose, []);
  }
  // The state keeps its own (merged) copy of each order: those are the plan's trades.
  return new Set(state.orders);
}

function salePurpose(mustRaise: boolean, lot: Lot, price: Decimal, overTarget: ReadonlySet<string>, assetClass: string): TradePurpose {
  const loss = lot.basis.greaterThan(lot.shares.times(price));
  if (loss && !overTarget.has(assetClass)) return 'harvest';
  return mustRaise ? 'withdrawal' : 'rebalance';
}

/** Shares from the solver's float: whole or to six places, in the direction asked. */
export function roundShares(shares: number, fractional: boolean, direction: 'up' | 'down' | 'nearest'): Decimal {
  // A float a hair off a whole number (or a sixth place) is that number.
  const scale = fractional ? 1e6 : 1;
  const snapped = Math.abs(shares * scale - Math.round(shares * scale)) < 1e-6 ? Math.round(shares * scale) / scale : shares;
  const x = new Decimal(Math.max(0, snapped).toFixed(9));
  const places = fractional ? 6 : 0;
  const mode = direction === 'up' ? Decimal.ROUND_UP : direction === 'down' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP;
  return x.toDecimalPlaces(places, mode);
}
