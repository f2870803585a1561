import { Decimal, ZERO, floorShares, formatDollars, formatPercent, roundCents } from '../money';
import { termOn } from '../holding-period';
import { taxYearContext, zeroRateRoom } from '../tax';
import type { Lot } from '../types';
import type { WorkingState } from './state';
import { groupOfTicker } from './context';
import { sellFromLot } from './execute';

const FIFTEEN = new Decimal('0.15');

/**
 * Gain harvesting (Settings `Harvest Gains`): in taxable accounts, realize long-term gains up to
 * what the 0% federal bracket still holds after the rest of the plan (IRC 1(h)(1)(B)), and buy
 * the same shares back at once. The wash-sale rule disallows losses only (IRC 1091(a)), so the
 * repurchase is allowed and the basis steps up for free; the new shares start a new holding
 * period. Runs last, so the plan's own gains use the 0% room first. Skips a position the plan
 * already trades, and a wash group in which the plan or the last 30 days realized a loss (the
 * repurchase would wash that loss).
 */
export function harvestGains(state: WorkingState, warnings: string[]): void {
  const { context } = state;
  if (!context.rates.household) {
    warnings.push('Harvest Gains is on, but without Filing Status there is no 0% bracket to fill (the flat rates apply): no gains were harvested. Set Filing Status and Income on the Settings tab.');
    return;
  }
  const year = taxYearContext(context.household, context.asOf, context.rates);
  let room = zeroRateRoom(year, { shortTerm: state.realizedShortTerm, longTerm: state.realizedLongTerm }) ?? ZERO;
  const traded = new Set(state.orders.map((o) => `${o.account}\u0000${o.ticker}`));
  const candidates: { account: string; lot: Lot; gainPerShare: Decimal; price: Decimal; gainPerDollar: Decimal }[] = [];
  for (const account of context.household.accounts) {
    if (account.treatment !== 'taxable') continue;
    for (const ticker of state.tickersHeld(account.name)) {
      if (traded.has(`${account.name}\u0000${ticker}`)) continue;
      if (account.allowed && !account.allowed.includes(ticker)) continue;
      const group = groupOfTicker(context, ticker);
      if (state.lossGroups.has(group) || context.recentLossGroups.has(group)) continue;
      const price = context.securities.get(ticker)!.price;
      for (const lot of state.heldLots(account.name, ticker)) {
        if (termOn(lot, context.asOf) !== 'long' || !lot.shares.greaterThan(0)) continue;
        const gainPerShare = price.minus(lot.basis.div(lot.shares));
        if (gainPerShare.greaterThan(0)) candidates.push({ account: account.name, lot, gainPerShare, price, gainPerDollar: gainPerShare.div(price) });
      }
    }
  }
  // The most gain per dollar traded first: the fewest dollars moved for the basis raised.
  // (worked out once per lot: dividing inside the comparator cost more than the rest of harvesting.)
  candidates.sort((a, b) => b.gainPerDollar.comparedTo(a.gainPerDollar) || (a.lot.id < b.lot.id ? -1 : a.lot.id > b.lot.id ? 1 : 0));
  for (const c of candidates) {
    if (!room.greaterThan(0)) break;
    const fractional = context.accounts.get(c.account)!.fractional;
    const shares = Decimal.min(c.lot.shares, floorShares(room.div(c.gainPerShare), fractional));
    const amount = roundCents(shares.times(c.price));
    if (!shares.greaterThan(0) || amount.lessThan(context.options.minTrade)) continue;
    const order = sellFromLot(state, c.account, c.lot, shares, 'harvest-gains', []);
    if (!order) continue;
    state.recordBuy({ account: c.account, action: 'BUY', ticker: c.lot.ticker, shares: order.shares, price: c.price, amount: order.amount, lots: [], purpose: 'harvest-gains', notes: [`Buys back the ${c.lot.ticker} sold to harvest a gain at 0%, so the holding is unchanged`] });
    room = room.minus(order.lots.reduce((acc, l) => acc.plus(l.gain), ZERO));
  }
  // One reason per trade, for all the lots it takes.
  for (const order of state.orders) {
    if (order.purpose !== 'harvest-gains' || order.action !== 'SELL') continue;
    const gain = order.lots.reduce((acc, l) => acc.plus(l.gain), ZERO);
    const note = gainHarvestNote(gain, context.rates.state);
    order.notes.splice(0, order.notes.length, note.why);
    order.details = note.details;
  }
}

function gainHarvestNote(gain: Decimal, stateRate: Decimal): { why: string; details: string[] } {
  const later = gain.times(FIFTEEN);
  const stateNow = gain.times(stateRate);
  return {
    why: `Harvests ${formatDollars(gain, 0)} of long-term gain inside the 0% federal bracket and buys the shares back at once`,
    details: [
      'The wash-sale rule applies to losses only (IRC 1091(a)), so buying back at once is allowed.',
      `The basis rises by ${formatDollars(gain, 0)}, so a later sale owes about ${formatDollars(later, 0)} less federal tax at 15%.`,
      ...(stateNow.greaterThan(0) ? [`The state's ${formatPercent(stateRate, 1)} (${formatDollars(stateNow, 0)}) is due now and saved later.`] : []),
      'The new shares start a new holding period.',
    ],
  };
}
