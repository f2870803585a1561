import { Decimal, ZERO, formatDollars } from '../money';
import type { WorkingState } from './state';
import { nextSaleCandidate, salePreference, type DeferredLot } from './sale-candidates';
import { sellFromLot } from './execute';
import { classDriftPhrase } from './reasons';

/**
 * Raises each account's withdrawal (the Accounts tab's Withdraw, a negative cash flow, or a
 * reserve the cash does not cover) by selling the most overweight classes it holds first, the
 * cheapest lots first. Raising a withdrawal may take short-term gains when nothing else is left,
 * but never a lot that turns long-term within the wait window unless that is the only way.
 */
export function raiseWithdrawals(state: WorkingState, deferredOut: Map<string, DeferredLot>, warnings: string[]): void {
  const { context } = state;
  for (const account of context.household.accounts) {
    const fractional = account.fractional;
    for (let guard = 0; guard < 10_000; guard++) {
      const need = state.spendable(account.name).negated();
      if (!need.greaterThan(0)) break;
      // The cheapest next lot among the positions of overweight classes (losses and tax-free
      // sales first, then long-term gains by least tax per dollar); only when no overweight class
      // is held, the cheapest among the rest.
      const candidates = state
        .tickersHeld(account.name)
        .map((ticker) => {
          const assetClass = context.securities.get(ticker)!.assetClass;
          const scan = nextSaleCandidate(state, account.name, ticker, true);
          for (const d of scan.deferred) deferredOut.set(d.lot.id, d);
          return { ticker, assetClass, over: state.gap(assetClass).greaterThan(0), next: scan.next };
        })
        .filter((c) => c.next !== null)
        .sort(
          (a, b) =>
            Number(b.over) - Number(a.over) ||
            salePreference(a.next!.tier) - salePreference(b.next!.tier) ||
            a.next!.costPerDollar.comparedTo(b.next!.costPerDollar) ||
            state.gap(b.assetClass).comparedTo(state.gap(a.assetClass)) ||
            (a.ticker < b.ticker ? -1 : 1),
        );
      let sold = false;
      const best = candidates[0];
      if (best) {
        const { ticker, assetClass } = best;
        const lot = best.next!.lot;
        const price = context.securities.get(ticker)!.price;
        // From an overweight class take at most its excess (to the nearest share), so raising
        // cash never pushes a class under target while another is still over; the last step
        // rounds up so the withdrawal is covered.
        const excess = state.gap(assetClass);
        const last = !best.over || excess.greaterThanOrEqualTo(need);
        const raw = (last ? need : excess).div(price);
        const rounded = fractional ? raw.toDecimalPlaces(6, last ? Decimal.ROUND_UP : Decimal.ROUND_HALF_UP) : last ? raw.ceil() : raw.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
        const shares = Decimal.min(lot.shares, Decimal.max(rounded, fractional ? new Decimal('0.000001') : new Decimal(1)));
        const purpose = account.withdraw.greaterThan(0) || (context.options.cashFlows[account.name]?.lessThan(0) ?? false)
          ? `for the withdrawal from ${account.name}`
          : `to bring ${account.name}'s cash up to its ${formatDollars(account.reserve, 0)} reserve`;
        const note = `Raises ${formatDollars(need, 0)} ${purpose}; ${classDriftPhrase(state, assetClass)}${best.over ? ', and this is the cheapest lot of an overweight class held there' : ', the account holds no overweight class'}`;
        sold = sellFromLot(state, account.name, lot, shares, 'withdrawal', [note]) !== null;
      }
      if (!sold) {
        const short = state.spendable(account.name).negated();
        if (short.greaterThan(0)) {
          warnings.push(`${account.name} cannot raise ${formatDollars(Decimal.max(short, ZERO))} of its withdrawal and reserve without selling lots the plan holds back (short-term gains about to turn long-term, or losses a recent purchase would wash); review the deferred lots.`);
        }
        break;
      }
    }
  }
}
