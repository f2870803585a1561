import { Decimal, ZERO, formatDollars } from '../money';
import { cachedTaxYearContext, longTermWait, quotedRate, saleRate } from '../tax';
import type { WorkingState } from './state';
import { nextSaleCandidate, type DeferredLot, type SaleCandidate } from './sale-candidates';
import { deferredToShow, halfShareFloor } from './deferred-shown';
import { sellFromLot, sharesForAmount, hasOrder } from './execute';
import { chooseSecurityToBuy } from './choose-security';
import { classDriftPhrase, PROCEEDS_PREFIX } from './reasons';

interface Move {
  account: string;
  ticker: string;
  sellClass: string;
  /** Underweight classes the proceeds may buy in this account, the preferred one first. */
  destinations: string[];
  /** How much those classes still need in all. */
  room: Decimal;
  candidate: SaleCandidate;
}

/**
 * Sells overweight classes and earmarks the proceeds for underweight classes the same account
 * can buy (money never moves between accounts). Each step takes the cheapest next lot in the
 * whole household by cost per dollar moved: taxable losses (a saving), then tax-advantaged
 * accounts (no tax), then gains by least tax per dollar, long- and short-term alike; short-term
 * gains only for a class beyond its band, and all gains within the gain budget. In `threshold` mode only classes beyond their bands are traded, back to
 * target; in `full` mode every class is brought to target.
 */
export function rebalanceBySelling(state: WorkingState, deferredOut: Map<string, DeferredLot>): Map<string, Map<string, Decimal>> {
  const { context } = state;
  const { mode, minTrade, gainBudget } = context.options;
  const active = new Set(context.classes.filter((c) => mode === 'full' || state.outOfBand(c)));
  const earmarks = new Map<string, Map<string, Decimal>>();
  const earmarkedByClass = new Map<string, Decimal>();
  const effectiveGap = (assetClass: string) => state.gap(assetClass).plus(earmarkedByClass.get(assetClass) ?? ZERO);
  const exhausted = new Set<string>();
  if (active.size === 0) return earmarks;

  // The next candidate of a position only changes when the position is sold from or when its
  // class crosses its band (short-term gains become allowed or not): remember scans until then.
  const scans = new Map<string, { allowShortTerm: boolean; scan: ReturnType<typeof nextSaleCandidate>; taxAt: string }>();
  // Under the tax tables a candidate's cost depends on the gains the plan has realized so far.
  const taxPosition = () => (context.rates.household ? `${state.realizedShortTerm.toFixed()}/${state.realizedLongTerm.toFixed()}` : '');
  const scanPosition = (account: string, ticker: string, allowShortTerm: boolean) => {
    const key = `${account}\u0000${ticker}`;
    const hit = scans.get(key);
    if (hit && hit.allowShortTerm === allowShortTerm && hit.taxAt === taxPosition()) return hit.scan;
    const scan = nextSaleCandidate(state, account, ticker, allowShortTerm);
    scans.set(key, { allowShortTerm, scan, taxAt: taxPosition() });
    return scan;
  };
  // Positions only shrink while selling (buys come after), so they can be listed once, by
  // account and class; so can each class's smallest closable gap.
  const positions = new Map<string, Map<string, { ticker: string; key: string }[]>>();
  for (const account of context.household.accounts) {
    const byClass = new Map<string, { ticker: string; key: string }[]>();
    for (const ticker of state.tickersHeld(account.name)) {
      const assetClass = context.securities.get(ticker)!.assetClass;
      byClass.set(assetClass, [...(byClass.get(assetClass) ?? []), { ticker, key: `${account.name}\u0000${ticker}` }]);
    }
    positions.set(account.name, byClass);
  }
  const floors = new Map(context.classes.map((c) => [c, halfShareFloor(state, c)]));
  const buyableCache = new Map<string, { signature: string; buyable: string[] }>();
  const buyableIn = (account: string, under: string[]) => {
    const signature = under.join('\u0000');
    const hit = buyableCache.get(account);
    if (hit && hit.signature === signature) return hit.buyable;
    const buyable = under.filter((c) => chooseSecurityToBuy(state, account, c) !== null);
    buyableCache.set(account, { signature, buyable });
    return buyable;
  };
  // Which move an account offers depends only on which classes are over, under and beyond their
  // band (and on its own positions): remember each account's best move until one of those
  // changes or the account is sold from, so a step compares a handful of accounts, not every lot.
  const accountBest = new Map<string, Move | null>();
  let classSignature = '';
  // Lots held back because they turn long-term soon: shown as deferred only when the plan sells
  // their class at a higher cost per dollar, or leaves the class over its band (deferred-shown.ts).
  const pendingDeferred = new Map<string, DeferredLot>();
  const dearestSale = new Map<string, Decimal>();
  for (let guard = 0; guard < 100_000; guard++) {
    const gaps = new Map(context.classes.map((c) => [c, effectiveGap(c)]));
    // A class is sold only while its real value is above target; earmarked purchases only ever
    // count toward classes under target.
    const over = context.classes.filter((c) => state.gap(c).greaterThan(floors.get(c)!));
    const under = context.classes.filter((c) => gaps.get(c)!.negated().greaterThan(floors.get(c)!));
    if (over.length === 0 || under.length === 0) break;
    const beyondBand = new Map(over.map((c) => [c, state.outOfBand(c)]));
    const signature = `${over.join('\u0000')}|${under.join('\u0000')}|${over.filter((c) => beyondBand.get(c)).join('\u0000')}|${taxPosition()}`;
    if (signature !== classSignature) {
      accountBest.clear();
      classSignature = signature;
    }
    const destinationsIn = (account: string, sellClass: string) => {
      const ranked = rankBuyClasses(state, account, buyableIn(account, under), active, gaps);
      // An inactive overweight class may only be sold to fund a class beyond its band.
      return active.has(sellClass) ? ranked : ranked.filter((c) => active.has(c));
    };
    let best: Move | null = null;
    for (const account of context.household.accounts) {
      if (!accountBest.has(account.name)) {
        let found: Move | null = null;
        const buyable = buyableIn(account.name, under);
        const canFundActive = buyable.some((c) => active.has(c));
        const held = positions.get(account.name)!;
        for (const sellClass of buyable.length === 0 ? [] : over) {
          if (!active.has(sellClass) && !canFundActive) continue;
          const allowShortTerm = active.has(sellClass) && beyondBand.get(sellClass)!;
          for (const { ticker, key } of held.get(sellClass) ?? []) {
            if (exhausted.has(key)) continue;
            const scan = scanPosition(account.name, ticker, allowShortTerm);
            for (const d of scan.deferred) pendingDeferred.set(d.lot.id, d);
            if (!scan.next) continue;
            const move: Move = { account: account.name, ticker, sellClass, destinations: [], room: ZERO, candidate: scan.next };
            if (!found || compareMoves(state, move, found) < 0) found = move;
          }
        }
        accountBest.set(account.name, found);
      }
      const candidate = accountBest.get(account.name) ?? null;
      if (candidate && (!best || compareMoves(state, candidate, best) < 0)) best = candidate;
    }
    if (best) {
      // Where the proceeds go is worked out now, from the gaps as they stand.
      const destinations = destinationsIn(best.account, best.sellClass);
      best = { ...best, destinations, room: destinations.reduce((acc, c) => acc.plus(gaps.get(c)!.negated()), ZERO) };
      accountBest.delete(best.account);
    }
    if (!best) break;
    const key = `${best.account}\u0000${best.ticker}`;
    const price = context.securities.get(best.ticker)!.price;
    const lot = best.candidate.lot;
    // As much as the class is over, the lot holds, and the account's underweight classes can take.
    let amount = Decimal.min(gaps.get(best.sellClass)!, best.room, lot.shares.times(price));
    const fractional = context.accounts.get(best.account)!.fractional;
    let shares = Decimal.min(lot.shares, sharesForAmount(amount, price, fractional));
    if (best.candidate.tier >= 2 && gainBudget !== null && best.candidate.gainPerShare.greaterThan(0)) {
      const room = gainBudget.minus(state.realizedNetGain());
      const maxShares = room.greaterThan(0) ? room.div(best.candidate.gainPerShare) : ZERO;
      shares = Decimal.min(shares, fractional ? maxShares.toDecimalPlaces(6, Decimal.ROUND_DOWN) : maxShares.floor());
    }
    // A free long-term gain (0% band) is taken only up to the band's edge; past it the next
    // candidate is priced at the rate there.
    const free = best.candidate.freeGainUpTo;
    if (free) shares = Decimal.min(shares, fractional ? free.div(best.candidate.gainPerShare).toDecimalPlaces(6, Decimal.ROUND_DOWN) : free.div(best.candidate.gainPerShare).floor());
    amount = shares.times(price);
    if (!shares.greaterThan(0) || (amount.lessThan(minTrade) && !hasOrder(state, best.account, 'SELL', best.ticker))) {
      exhausted.add(key);
      continue;
    }
    const dearest = dearestSale.get(best.sellClass);
    if (!dearest || best.candidate.costPerDollar.greaterThan(dearest)) dearestSale.set(best.sellClass, best.candidate.costPerDollar);
    const order = sellFromLot(state, best.account, lot, shares, 'rebalance', saleNotes(state, best, destinationsFor(best, amount, effectiveGap), shares));
    scans.delete(key);
    if (!order) {
      exhausted.add(key);
      continue;
    }
    // Whole shares can raise a little more than the class needs: the rest goes to the account's
    // next underweight class, never past any class's target.
    const byClass = earmarks.get(best.account) ?? new Map<string, Decimal>();
    let left = order.amount;
    for (const assetClass of best.destinations) {
      if (!left.greaterThan(0)) break;
      const need = effectiveGap(assetClass).negated();
      if (!need.greaterThan(0)) continue;
      const take = Decimal.min(need, left);
      byClass.set(assetClass, (byClass.get(assetClass) ?? ZERO).plus(take));
      earmarkedByClass.set(assetClass, (earmarkedByClass.get(assetClass) ?? ZERO).plus(take));
      left = left.minus(take);
    }
    earmarks.set(best.account, byClass);
  }
  for (const d of deferredToShow(state, pendingDeferred.values(), dearestSale)) deferredOut.set(d.lot.id, d);
  return earmarks;
}


/**
 * The underweight classes an account's sale proceeds go to, best first: a class beyond its band
 * first, then the class best located in this kind of account, then the largest gap, then Targets
 * order.
 */
function rankBuyClasses(state: WorkingState, account: string, candidates: string[], active: ReadonlySet<string>, gaps: Map<string, Decimal>): string[] {
  const { context } = state;
  const treatment = context.accounts.get(account)!.treatment;
  return [...candidates].sort(
    (a, b) =>
      Number(active.has(b)) - Number(active.has(a)) ||
      context.locationRank(a, treatment) - context.locationRank(b, treatment) ||
      gaps.get(a)!.comparedTo(gaps.get(b)!) ||
      context.classes.indexOf(a) - context.classes.indexOf(b),
  );
}

/**
 * Which sale to make next: the least cost per dollar moved (a loss is negative, a sale inside an
 * IRA costs its spread, a gain its tax at its own term's rate), then account and ticker order so
 * ties never depend on anything but the household. No tier by kind: a short-term gain taxed at
 * 7 cents a dollar is cheaper than a long-term gain taxed at 14, and is sold first.
 */
function compareMoves(state: WorkingState, a: Move, b: Move): number {
  const ctx = state.context;
  return (
    a.candidate.costPerDollar.comparedTo(b.candidate.costPerDollar) ||
    ctx.household.accounts.findIndex((x) => x.name === a.account) - ctx.household.accounts.findIndex((x) => x.name === b.account) ||
    (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0)
  );
}

/** The classes `amount` would be earmarked for, in order, each up to what it still needs. */
function destinationsFor(move: Move, amount: Decimal, effectiveGap: (c: string) => Decimal): string[] {
  const used: string[] = [];
  let left = amount;
  for (const c of move.destinations) {
    if (!left.greaterThan(0)) break;
    const need = effectiveGap(c).negated();
    if (!need.greaterThan(0)) continue;
    used.push(c);
    left = left.minus(Decimal.min(need, left));
  }
  return used.length > 0 ? used : move.destinations.slice(0, 1);
}

/** A rebalancing sale's clauses: the class's drift, why this lot costs least, where the money goes. */
function saleNotes(state: WorkingState, move: Move, destinations: string[], shares: Decimal): string[] {
  const { context } = state;
  const treatment = context.accounts.get(move.account)!.treatment;
  const drift = classDriftPhrase(state, move.sellClass);
  const toward = destinations.map((d) => `${PROCEEDS_PREFIX}${d}`);
  if (treatment !== 'taxable') return [drift, `selling inside ${move.account} costs no tax`, ...toward];
  const lot = move.candidate.lot;
  const year = lot.acquired.slice(0, 4);
  const gain = move.candidate.gainPerShare;
  if (gain.lessThan(0)) return [drift, `selling the ${year} lot realizes a loss, which lowers this year's tax`, ...toward];
  // The sale's own marginal rate given the plan's sales so far (before this one is recorded).
  const taxYear = cachedTaxYearContext(context.household, context.asOf, context.rates);
  const rate = saleRate(taxYear, move.candidate.term, gain.times(shares), { shortTerm: state.realizedShortTerm, longTerm: state.realizedLongTerm });
  return [drift, `the ${year} lot's ${move.candidate.term}-term gain (taxed at about ${quotedRate(rate, context.rates)}) is the least tax per dollar moved`, ...toward];
}

export function formatDeferred(state: WorkingState, d: DeferredLot): { taxSaved: Decimal; reason: string } {
  const { context } = state;
  // Priced after the plan's sales: what this gain would pay as short- and as long-term.
  const year = cachedTaxYearContext(context.household, context.asOf, context.rates);
  const wait = longTermWait(year, d.gain, { shortTerm: state.realizedShortTerm, longTerm: state.realizedLongTerm });
  const taxSaved = wait.saving;
  return {
    taxSaved,
    reason: `Not sold: this lot turns long-term on ${d.longTermOn}; waiting until then saves about ${formatDollars(taxSaved, 0)} (short-term ${quotedRate(wait.shortTermRate, context.rates)} vs long-term ${quotedRate(wait.longTermRate, context.rates)}).`,
  };
}

