import type { WorkingState } from './state';
import { buyClass } from './execute';
import { chooseSecurityToBuy } from './choose-security';
import { classDriftPhrase, fallenPricePhrase, proceedsBuyPhrase } from './reasons';

/**
 * Cash flows first: each account's spendable cash (cash and deposits above its reserve and
 * withdrawals) buys the most underweight classes it can, before any sale is considered. When
 * several accounts could buy a class, the class's asset location decides (bonds in tax-deferred
 * first, ...); among equals, the account with the narrower menu goes first so a 401(k) that can
 * only buy a few funds is not crowded out.
 */
export function investCash(state: WorkingState, purpose: 'cash-flow' | 'rebalance'): void {
  const { context } = state;
  const minTrade = context.options.minTrade;
  const unusable = new Set<string>();
  for (let guard = 0; guard < 10_000; guard++) {
    const deficits = context.classes
      .map((assetClass) => ({ assetClass, gap: state.gap(assetClass) }))
      .filter((d) => d.gap.negated().greaterThanOrEqualTo(minTrade))
      .sort((a, b) => a.gap.comparedTo(b.gap) || context.classes.indexOf(a.assetClass) - context.classes.indexOf(b.assetClass));
    let progressed = false;
    for (const { assetClass, gap } of deficits) {
      const accounts = context.household.accounts
        .filter((a) => !unusable.has(`${a.name}\u0000${assetClass}`) && state.spendable(a.name).greaterThanOrEqualTo(minTrade))
        .filter((a) => chooseSecurityToBuy(state, a.name, assetClass) !== null)
        .sort(
          (a, b) =>
            context.locationRank(assetClass, a.treatment) - context.locationRank(assetClass, b.treatment) ||
            menuBreadth(state, a.name) - menuBreadth(state, b.name) ||
            state.spendable(b.name).comparedTo(state.spendable(a.name)) ||
            (a.name < b.name ? -1 : 1),
        );
      const account = accounts[0];
      if (!account) continue;
      const notes = [
        purpose === 'cash-flow'
          ? `${classDriftPhrase(state, assetClass)}; invests cash in ${account.name} before any sale is considered`
          : `${classDriftPhrase(state, assetClass)}; ${proceedsBuyPhrase(account.name)}`,
      ];
      const fallen = fallenPricePhrase(state, assetClass);
      if (fallen) notes.push(`${assetClass}: ${fallen}`);
      if (context.locationRank(assetClass, account.treatment) === 0 && context.household.accounts.length > 1) {
        notes.push(`bought in a ${account.treatment === 'taxable' ? 'taxable' : account.treatment === 'deferred' ? 'tax-deferred' : 'tax-exempt'} account, where ${assetClass} is best located`);
      }
      const spent = buyClass(state, account.name, assetClass, gap.negated(), purpose, notes);
      if (spent.isZero()) unusable.add(`${account.name}\u0000${assetClass}`);
      else progressed = true;
      break;
    }
    if (!progressed && deficits.every((d) => !canAnyAccountBuy(state, d.assetClass, unusable))) return;
  }
}

function canAnyAccountBuy(state: WorkingState, assetClass: string, unusable: ReadonlySet<string>): boolean {
  return state.context.household.accounts.some(
    (a) =>
      !unusable.has(`${a.name}\u0000${assetClass}`) &&
      state.spendable(a.name).greaterThanOrEqualTo(state.context.options.minTrade) &&
      chooseSecurityToBuy(state, a.name, assetClass) !== null,
  );
}

function menuBreadth(state: WorkingState, account: string): number {
  const allowed = state.context.accounts.get(account)!.allowed;
  return allowed === null ? Number.MAX_SAFE_INTEGER : allowed.length;
}
