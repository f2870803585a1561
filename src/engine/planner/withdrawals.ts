import { Decimal, ZERO, formatDollars } from '../money';
import { addDays, compareDates, type IsoDate } from '../dates';
import { WASH_WINDOW_DAYS, lotAsSoldRef, samePurchase } from '../wash-sales';
import type { Account } from '../types';
import type { WorkingState } from './state';
import { groupOfTicker } from './context';
import { cheaperThan, nextSaleCandidate, washedIfSold, type DeferredLot } from './sale-candidates';
import { sellFromLot } from './execute';
import { classDriftPhrase } from './reasons';
import { withdrawalSources } from './cash-requests';
import { formatDeferred } from './rebalance-sales';

/**
 * Raises the cash each account must pay out or keep: its withdrawal (typed with the plan or in
 * the Withdraw column: one figure, see cash-requests.ts) and a reserve its cash does not cover.
 * Overweight classes it holds are sold first, the least cost per dollar first (losses, then
 * tax-free sales, then gains by their tax at their own term's rate). A short-term gain is sold
 * for a class beyond its band like any other lot, and elsewhere only when the overweight classes
 * have nothing else left; a lot that turns long-term within the wait window only when nothing
 * else can raise the cash, and its reason says what waiting would save.
 *
 * Returns the withdrawals that cannot be raised (each a sentence naming the account and the
 * amounts): the plan is refused rather than shown short. A reserve that cannot be topped up is
 * a warning: the account simply holds too little.
 */
export function raiseWithdrawals(state: WorkingState, deferredOut: Map<string, DeferredLot>, warnings: string[]): string[] {
  const refusals: string[] = [];
  for (const account of state.context.household.accounts) {
    const total = state.spendable(account.name).negated();
    if (!total.greaterThan(0)) continue;
    // Every lot held back in this account, shown or not, so a deferred lot sold at the last
    // stage can say what waiting would have saved.
    const heldBack = new Map<string, DeferredLot>();
    for (const stage of RAISE_STAGES) {
      if (!state.spendable(account.name).lessThan(0)) break;
      raiseIn(state, account, total, stage, heldBack, deferredOut);
    }
    const short = state.spendable(account.name).negated();
    if (!short.greaterThan(0)) continue;
    const request = state.context.cashRequests.get(account.name)!;
    const why = heldBackPhrase(state, account);
    if (request.withdrawal.greaterThan(0)) {
      const most = Decimal.max(ZERO, request.withdrawal.minus(short));
      refusals.push(
        `${account.name}: cannot raise the ${formatDollars(request.withdrawal)} withdrawal (${withdrawalSources(request)}) now${account.reserve.greaterThan(0) ? ` and keep its ${formatDollars(account.reserve)} reserve` : ''}: ${formatDollars(short)} is missing because ${why}. At most ${formatDollars(most)} can be withdrawn today.`,
      );
    } else {
      warnings.push(`${account.name}: cash stays ${formatDollars(short)} below its ${formatDollars(account.reserve)} reserve because ${why}.`);
    }
  }
  return refusals;
}

/**
 * What a withdrawal may sell, widened stage by stage while cash is still missing: first the
 * overweight classes under the product's rule for short-term gains (only for a class beyond its
 * band); then any lot, overweight classes first, short-term gains included; last a lot about to
 * turn long-term.
 */
type RaiseStage = 'banded' | 'short-term' | 'deferred';
const RAISE_STAGES: readonly RaiseStage[] = ['banded', 'short-term', 'deferred'];

function raiseIn(state: WorkingState, account: Account, total: Decimal, stage: RaiseStage, heldBack: Map<string, DeferredLot>, deferredOut: Map<string, DeferredLot>): void {
  const sellDeferred = stage === 'deferred';
  const { context } = state;
  const fractional = account.fractional;
  const request = context.cashRequests.get(account.name)!;
  for (let guard = 0; guard < 10_000; guard++) {
    const need = state.spendable(account.name).negated();
    if (!need.greaterThan(0)) return;
    // The cheapest next lot per dollar among the positions of overweight classes; only when
    // no overweight class is held, the cheapest among the rest.
    const scanned = state
      .tickersHeld(account.name)
      .map((ticker) => {
        const assetClass = context.securities.get(ticker)!.assetClass;
        const allowShortTerm = stage !== 'banded' || state.outOfBand(assetClass);
        const scan = nextSaleCandidate(state, account.name, ticker, allowShortTerm, sellDeferred);
        for (const d of scan.deferred) heldBack.set(d.lot.id, d);
        return { ticker, assetClass, over: state.gap(assetClass).greaterThan(0), next: scan.next, deferred: scan.deferred };
      });
    const candidates = scanned
      .filter((c) => c.next !== null && (stage !== 'banded' || c.over))
      .sort(
        (a, b) =>
          Number(b.over) - Number(a.over) ||
          a.next!.costPerDollar.comparedTo(b.next!.costPerDollar) ||
          state.gap(b.assetClass).comparedTo(state.gap(a.assetClass)) ||
          (a.ticker < b.ticker ? -1 : 1),
      );
    const best = candidates[0];
    if (!best) return;
    // A lot held back is shown as deferred where the plan sells a dearer lot instead (from an
    // overweight class, or from any class once none is left).
    for (const c of scanned) {
      if (!c.over && best.over) continue;
      for (const d of c.deferred) if (cheaperThan(d, best.next!.costPerDollar)) deferredOut.set(d.lot.id, d);
    }
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
    const purpose = request.withdrawal.greaterThan(0)
      ? `for the ${formatDollars(request.withdrawal, 0)} withdrawal from ${account.name}`
      : `to bring ${account.name}'s cash up to its ${formatDollars(account.reserve, 0)} reserve`;
    // One sentence per withdrawal, whatever the step: sales of one fund merge into one trade.
    const raises = lot.shares.times(price).greaterThanOrEqualTo(total) && need.equals(total)
      ? `Raises ${formatDollars(total, 0)} ${purpose}`
      : `Part of the ${formatDollars(total, 0)} raised ${purpose}`;
    const which = best.over ? 'This is the cheapest lot of an overweight class held there.' : `${account.name} holds no overweight class left to sell.`;
    const notes = [raises, classDriftPhrase(state, assetClass)];
    const details = [which];
    const held = heldBack.get(lot.id);
    if (sellDeferred && held) {
      details.push(`Sold before it turns long-term on ${held.longTermOn} because nothing else in ${account.name} can raise the cash: waiting would save about ${formatDollars(formatDeferred(state, held).taxSaved, 0)}.`);
      deferredOut.delete(lot.id);
    }
    if (sellFromLot(state, account.name, lot, shares, 'withdrawal', notes, details) === null) return;
  }
}

/** Why the lots an account still holds may not be sold now, in words (for a shortfall). */
export function heldBackPhrase(state: WorkingState, account: Account): string {
  const { context } = state;
  const tickers = state.tickersHeld(account.name);
  if (tickers.length === 0) return `${account.name} holds no more shares to sell`;
  const washed: string[] = [];
  let clearOn: IsoDate | null = null;
  for (const ticker of tickers) {
    for (const lot of state.heldLots(account.name, ticker)) {
      if (!washedIfSold(state, lot)) continue;
      if (!washed.includes(ticker)) washed.push(ticker);
      for (const other of context.recentPurchases.get(groupOfTicker(context, ticker)) ?? []) {
        if (samePurchase(lotAsSoldRef(lot), other)) continue;
        const date = addDays(other.date, WASH_WINDOW_DAYS + 1);
        if (clearOn === null || compareDates(date, clearOn) > 0) clearOn = date;
      }
    }
  }
  const parts: string[] = [];
  if (washed.length > 0) {
    parts.push(`selling the ${washed.join(', ')} still held would realize a loss that a purchase of the same fund in the last 30 days washes (IRC 1091)${clearOn ? `; that window closes on ${clearOn}` : ''}`);
  }
  if (context.options.lotMethod !== 'MinTax') {
    parts.push(`the ${context.options.lotMethod} lot method sells lots strictly in its order and the next lot of ${tickers.filter((t) => !washed.includes(t)).join(', ') || 'each position'} may not be sold`);
  }
  return parts.length > 0 ? parts.join('; and ') : `the lots ${account.name} still holds may not be sold now`;
}
