import { Decimal, ZERO, floorShares, roundCents } from '../money';
import { pricedParts } from '../lots/select-lots';
import { splitLot } from '../lots/take-shares';
import type { Lot } from '../types';
import type { TradePurpose } from '../plan-types';
import type { Order, WorkingState } from './state';
import { chooseSecurityToBuy } from './choose-security';

/**
 * Sells `shares` of one lot (whole shares unless the account trades fractions). Proceeds are
 * the shares times the price, rounded to the cent.
 */
export function sellFromLot(state: WorkingState, account: string, lot: Lot, shares: Decimal, purpose: TradePurpose, notes: string[], details: string[] = [], wholeLot = false): Order | null {
  const { context } = state;
  const a = context.accounts.get(account)!;
  const security = context.securities.get(lot.ticker)!;
  // `wholeLot`: all of a lot may be sold even when it holds a fraction of a share (a broker sells a whole position).
  const take = wholeLot && shares.greaterThanOrEqualTo(lot.shares) ? lot.shares : Decimal.min(lot.shares, floorShares(shares, a.fractional));
  if (!take.greaterThan(0)) return null;
  const { part, rest } = splitLot(lot, take);
  const parts = pricedParts([part], security.price, context.asOf, context.rates, a.treatment === 'taxable');
  const remaining = state.heldLots(account, lot.ticker).flatMap((l) => (l.id === lot.id ? (rest ? [rest] : []) : [l]));
  return recordSaleOrder(state, account, lot.ticker, take, parts, remaining, purpose, notes, details);
}

/** The SELL order of `shares` made of the priced `parts`, recorded with `remaining` left held. */
function recordSaleOrder(state: WorkingState, account: string, ticker: string, shares: Decimal, parts: ReturnType<typeof pricedParts>, remaining: Lot[], purpose: TradePurpose, notes: string[], details: string[]): Order {
  const price = state.context.securities.get(ticker)!.price;
  const order: Order = {
    account,
    action: 'SELL',
    ticker,
    shares,
    price,
    amount: roundCents(shares.times(price)),
    lots: parts.map(({ tax: _tax, ...taken }) => taken),
    purpose,
    notes,
    details,
  };
  state.recordSale(order, remaining);
  return order;
}

/**
 * Sells several lots of one position as one order (what `sellFromLot` does lot by lot, each
 * priced on its own as there, without re-prorating the merged trade after every lot: a
 * position of hundreds of lots is one pass). Each take may be all of its lot, fractions
 * included; otherwise the shares are floored to the account's unit. Returns the order, or null
 * when nothing was sold.
 */
export function sellLots(state: WorkingState, account: string, ticker: string, takes: readonly { lot: Lot; shares: Decimal }[], purpose: TradePurpose): Order | null {
  const { context } = state;
  const a = context.accounts.get(account)!;
  const security = context.securities.get(ticker)!;
  const taxable = a.treatment === 'taxable';
  const byId = new Map(takes.map((t) => [t.lot.id, t.shares]));
  const parts: ReturnType<typeof pricedParts> = [];
  const remaining: Lot[] = [];
  for (const lot of state.heldLots(account, ticker)) {
    const asked = byId.get(lot.id);
    const take = asked === undefined ? ZERO : asked.greaterThanOrEqualTo(lot.shares) ? lot.shares : Decimal.min(lot.shares, floorShares(asked, a.fractional));
    if (!take.greaterThan(0)) {
      remaining.push(lot);
      continue;
    }
    const { part, rest } = splitLot(lot, take);
    parts.push(...pricedParts([part], security.price, context.asOf, context.rates, taxable));
    if (rest) remaining.push(rest);
  }
  if (parts.length === 0) return null;
  // In the takes' order, as lot-by-lot sales would have listed and summed them (a Decimal sum
  // at full precision depends on its order).
  const rank = new Map(takes.map((t, i) => [t.lot.id, i]));
  parts.sort((x, y) => rank.get(x.lot)! - rank.get(y.lot)!);
  const shares = parts.reduce((t, p) => t.plus(p.shares), ZERO);
  return recordSaleOrder(state, account, ticker, shares, parts, remaining, purpose, [], []);
}

/** Shares to sell to raise about `amount`: nearest whole share (never more than the lot holds). */
export function sharesForAmount(amount: Decimal, price: Decimal, fractional: boolean): Decimal {
  const raw = amount.div(price);
  return fractional ? floorShares(raw, true) : raw.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/**
 * Buys up to `amount` of a class in an account with the account's spendable cash; whole shares
 * rounded down (never spend cash the account lacks). Returns the dollars spent.
 */
export function buyClass(
  state: WorkingState,
  account: string,
  assetClass: string,
  amount: Decimal,
  purpose: TradePurpose,
  notes: string[],
  excludeGroups?: ReadonlySet<string>,
  details: string[] = [],
): Decimal {
  const { context } = state;
  const choice = chooseSecurityToBuy(state, account, assetClass, excludeGroups);
  if (!choice) return ZERO;
  const a = context.accounts.get(account)!;
  const budget = Decimal.min(amount, state.spendable(account));
  const price = choice.security.price;
  let shares = floorShares(budget.div(price), a.fractional);
  // Merged with an earlier buy, rounding to the cent can add a cent: step down rather than overdraw.
  const step = a.fractional ? new Decimal('0.000001') : new Decimal(1);
  while (shares.greaterThan(0) && state.buyCost(account, choice.security.ticker, shares, price).greaterThan(state.spendable(account))) shares = shares.minus(step);
  if (!shares.greaterThan(0)) return ZERO;
  const cost = state.buyCost(account, choice.security.ticker, shares, price);
  if (cost.lessThan(context.options.minTrade) && !hasOrder(state, account, 'BUY', choice.security.ticker)) return ZERO;
  state.recordBuy({
    account,
    action: 'BUY',
    ticker: choice.security.ticker,
    shares,
    price,
    amount: roundCents(shares.times(price)),
    lots: [],
    purpose,
    notes,
    details: [...details, ...choice.notes],
  });
  return cost;
}

export function hasOrder(state: WorkingState, account: string, action: 'BUY' | 'SELL', ticker: string): boolean {
  return state.orders.some((o) => o.account === account && o.action === action && o.ticker === ticker);
}
