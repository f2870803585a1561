import { Decimal, ZERO, formatDollars, formatPercent } from '../money';
import type { ClassDrift } from '../plan-types';
import type { WorkingState } from './state';
import type { DeferredLot } from './sale-candidates';
import { nextSaleCandidate, washedIfSold } from './sale-candidates';
import { chooseSecurityToBuy } from './choose-security';

/**
 * A class the plan leaves outside its band says so, with every reason that holds it there:
 * the mode, lots held back (about to turn long-term, or a loss a recent purchase would wash),
 * the gain budget, a strict lot order, and money that cannot move between accounts (the
 * accounts holding an overweight class cannot buy what is under target, or the accounts that
 * could buy an underweight class have nothing to sell). Never silently.
 */
export function explainOutOfBand(state: WorkingState, drift: readonly ClassDrift[], deferredLots: ReadonlyMap<string, DeferredLot>): string[] {
  const { context } = state;
  // Classes still under target by at least a trade's worth: what an overweight class could fund.
  const under = context.classes.filter((c) => state.gap(c).negated().greaterThanOrEqualTo(context.options.minTrade));
  const classOf = (ticker: string) => context.securities.get(ticker)!.assetClass;
  const warnings: string[] = [];
  for (const row of drift) {
    if (row.statusAfter === 'within' || row.assetClass === context.cashClass) continue;
    const band = context.band.get(row.assetClass);
    const where = band ? `, outside its band ${formatPercent(band.lower)} to ${formatPercent(band.upper)}` : '';
    const reasons = row.statusAfter === 'over' ? whyOver(state, row.assetClass, under, deferredLots, classOf) : whyUnder(state, row.assetClass, classOf);
    if (row.status === 'within' && context.options.mode === 'threshold') {
      reasons.unshift('it was inside its band before the plan (the withdrawals moved it), and threshold mode trades only classes beyond their bands');
    }
    const why = reasons.length > 0 ? reasons.join('; ') : 'whole shares and the Min Trade leave no trade that would bring it closer';
    warnings.push(`${row.assetClass} ends at ${formatPercent(row.after)} (target ${formatPercent(row.target)})${where}: ${why}.`);
  }
  return warnings;
}

function whyOver(state: WorkingState, assetClass: string, under: readonly string[], deferredLots: ReadonlyMap<string, DeferredLot>, classOf: (t: string) => string): string[] {
  const { context } = state;
  const { mode, gainBudget, lotMethod } = context.options;
  const reasons: string[] = [];
  if (mode === 'cash-only') reasons.push('cash-only mode sells nothing');
  const sold = new Set(state.orders.flatMap((o) => o.lots.map((l) => l.lot)));
  const deferred = [...deferredLots.values()].filter((d) => classOf(d.lot.ticker) === assetClass && !sold.has(d.lot.id));
  if (deferred.length > 0) {
    reasons.push(`${deferred.length === 1 ? 'a lot' : `${deferred.length} lots`} of ${[...new Set(deferred.map((d) => d.lot.ticker))].join(', ')} turning long-term within ${context.options.longTermWaitDays} days ${deferred.length === 1 ? 'is' : 'are'} held back (see the deferred sales)`);
  }
  const washed = new Set<string>();
  let gainLotsLeft = false;
  const strictStops = new Set<string>();
  const stuck: string[] = [];
  for (const account of context.household.accounts) {
    const tickers = state.tickersHeld(account.name).filter((t) => classOf(t) === assetClass);
    if (tickers.length === 0) continue;
    if (under.every((c) => chooseSecurityToBuy(state, account.name, c) === null)) stuck.push(account.name);
    for (const ticker of tickers) {
      for (const lot of state.heldLots(account.name, ticker)) {
        if (account.treatment !== 'taxable') continue;
        const price = context.securities.get(ticker)!.price;
        if (lot.basis.greaterThan(lot.shares.times(price)) && washedIfSold(state, lot)) washed.add(`${ticker} in ${account.name}`);
        if (lot.shares.times(price).greaterThan(lot.basis)) gainLotsLeft = true;
      }
      if (lotMethod !== 'MinTax' && nextSaleCandidate(state, account.name, ticker, true).next === null) strictStops.add(`${ticker} in ${account.name}`);
    }
  }
  if (washed.size > 0) reasons.push(`selling ${[...washed].join(', ')} at a loss would be a wash sale: a substantially identical fund was bought in the last 30 days (IRC 1091)`);
  if (gainBudget !== null && gainLotsLeft && !gainBudget.minus(state.realizedNetGain()).greaterThan(0)) {
    reasons.push(`the ${formatDollars(gainBudget, 0)} gain budget is used up (${formatDollars(Decimal.max(ZERO, state.realizedNetGain()), 0)} of net gain realized)`);
  } else if (gainBudget !== null && gainLotsLeft && mode !== 'cash-only') {
    reasons.push(`the ${formatDollars(gainBudget, 0)} gain budget leaves ${formatDollars(gainBudget.minus(state.realizedNetGain()), 0)}, too little for the next gain lot`);
  }
  if (strictStops.size > 0) reasons.push(`the ${lotMethod} lot order stops at a lot the plan may not sell (${[...strictStops].join(', ')})`);
  if (stuck.length > 0 && mode !== 'cash-only') {
    const cannot = under.length === 0 ? 'no class is under target by a trade\'s worth' : `none of the classes under target (${under.join(', ')}) can be bought there`;
    reasons.push(`${stuck.join(', ')} ${stuck.length === 1 ? 'holds' : 'hold'} it, but ${cannot}, and money does not move between accounts`);
  }
  return reasons;
}

function whyUnder(state: WorkingState, assetClass: string, classOf: (t: string) => string): string[] {
  const { context } = state;
  const reasons: string[] = [];
  if (context.options.mode === 'cash-only') reasons.push('cash-only mode buys only with the cash on hand, and what is left cannot buy it');
  const noMenu: string[] = [];
  const washBlocked: string[] = [];
  const buyers: string[] = [];
  for (const account of context.household.accounts) {
    const securities = context.securitiesByClass.get(assetClass) ?? [];
    if (!securities.some((s) => account.allowed === null || account.allowed.includes(s.ticker))) noMenu.push(account.name);
    else if (chooseSecurityToBuy(state, account.name, assetClass) === null) washBlocked.push(account.name);
    else buyers.push(account.name);
  }
  if (noMenu.length > 0) reasons.push(`${noMenu.join(', ')} ${noMenu.length === 1 ? 'has' : 'have'} no fund of it on the menu`);
  if (washBlocked.length > 0) reasons.push(`buying it in ${washBlocked.join(', ')} would wash a loss realized within 30 days (IRC 1091)`);
  if (buyers.length > 0 && context.options.mode !== 'cash-only') {
    const overHeld = (account: string) => state.tickersHeld(account).some((t) => state.gap(classOf(t)).greaterThan(0));
    const idle = buyers.filter((b) => !overHeld(b));
    if (idle.length === buyers.length) reasons.push(`the accounts that can buy it (${buyers.join(', ')}) hold nothing over target to sell, and money does not move between accounts`);
    else reasons.push(`what ${buyers.filter(overHeld).join(', ')} could sell to fund it is held back (see the reasons for the classes over target)`);
  }
  if (buyers.length === 0 && noMenu.length + washBlocked.length === 0) reasons.push('no account can buy it');
  return reasons;
}
