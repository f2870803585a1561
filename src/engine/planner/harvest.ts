import { Decimal, ZERO, formatDollars, sumBy } from '../money';
import type { WorkingState } from './state';
import { groupOfTicker } from './context';
import { washedIfSold } from './sale-candidates';
import { buyClass, sellFromLot } from './execute';
import { chooseSecurityToBuy } from './choose-security';
import { lossSavesNothing } from './loss-value';

/**
 * Tax-loss harvesting: in each taxable account, sell lots whose loss passes the minimum and buy
 * the next-ranked security of the same class with a different wash group, keeping the class's
 * exposure. Never harvests a loss a purchase in the last 30 days would wash (any account).
 */
export function harvestLosses(state: WorkingState, warnings: string[]): void {
  const { context } = state;
  for (const account of context.household.accounts) {
    if (account.treatment !== 'taxable') continue;
    for (const ticker of state.tickersHeld(account.name)) {
      const security = context.securities.get(ticker)!;
      const group = groupOfTicker(context, ticker);
      const losers = state
        .heldLots(account.name, ticker)
        .filter((lot) => lot.basis.minus(lot.shares.times(security.price)).greaterThanOrEqualTo(context.options.harvestMinLoss));
      if (losers.length === 0) continue;
      const harvestable = losers.filter((lot) => !washedIfSold(state, lot));
      if (harvestable.length < losers.length) {
        warnings.push(`${ticker} in ${account.name} has a harvestable loss, but a purchase of a substantially identical security in the last 30 days would wash it; it can be harvested after the 30 days pass.`);
      }
      if (harvestable.length === 0) continue;
      const replacement = chooseSecurityToBuy(state, account.name, security.assetClass, new Set([group]));
      if (!replacement) {
        warnings.push(`${ticker} in ${account.name} has a harvestable loss, but ${security.assetClass} has no replacement security with a different wash group that ${account.name} can buy; add one (Rank 2) to harvest it.`);
        continue;
      }
      const loss = sumBy(harvestable, (lot) => lot.basis.minus(lot.shares.times(security.price)));
      const worthless = lossSavesNothing(state, harvestable, security.price);
      if (worthless) {
        warnings.push(worthless);
        continue;
      }
      // Harvesting never buys back into a class over its target (PRODUCT.md): the replacement
      // restores the class's exposure up to its target, and the rest of the proceeds is free
      // cash for the classes under target.
      const value = sumBy(harvestable, (lot) => lot.shares.times(security.price));
      const room = Decimal.max(ZERO, state.gap(security.assetClass).minus(value).negated());
      const exposure = room.greaterThanOrEqualTo(value)
        ? `buys ${replacement.security.ticker}, a different fund in ${security.assetClass}, so the class's exposure stays`
        : room.greaterThan(0)
          ? `buys ${replacement.security.ticker}, a different fund in ${security.assetClass}, back to the class's target (it was over target)`
          : `buys nothing back: ${security.assetClass} stays at or over its target without these shares`;
      const note = `Harvests a ${formatDollars(loss, 0)} loss and ${exposure}`;
      // IRC 1091: a purchase within 30 days after the sale, in any account, washes the loss.
      const guidance = `Do not buy ${ticker} or a substantially identical fund in any account for 31 days (IRAs included), or the loss is washed (IRC 1091).`;
      let proceeds = ZERO;
      for (const lot of harvestable) {
        const order = sellFromLot(state, account.name, lot, lot.shares, 'harvest', [note], [guidance]);
        if (order) proceeds = proceeds.plus(order.amount);
      }
      const buyBack = Decimal.min(proceeds, Decimal.max(ZERO, state.gap(security.assetClass).negated()));
      if (!buyBack.greaterThan(0)) continue;
      buyClass(
        state,
        account.name,
        security.assetClass,
        buyBack,
        'harvest-replacement',
        [`Replaces the ${ticker} sold to harvest a loss, keeping ${security.assetClass} invested`],
        new Set([group]),
        [`${replacement.security.ticker} is in the same class (${security.assetClass}) but not substantially identical to ${ticker}, so the loss stands.`],
      );
    }
  }
}
