import { Decimal, ZERO, floorShares, formatDollars, roundCents } from '../money';
import type { WorkingState } from './state';
import { buyClass } from './execute';
import { chooseSecurityToBuy } from './choose-security';
import { classDriftPhrase, proceedsBuyPhrase } from './reasons';

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
  // The last pass sweeps what whole shares and the Min Trade left: any class under target may
  // take it, the last share overshooting the target by less than one share, so no account keeps
  // idle proceeds while a class it can buy is under target.
  const sweep = purpose === 'rebalance';
  const unusable = new Set<string>();
  for (let guard = 0; guard < 10_000; guard++) {
    const deficits = context.classes
      .map((assetClass) => ({ assetClass, gap: state.gap(assetClass) }))
      .filter((d) => (sweep ? d.gap.lessThan(0) : d.gap.negated().greaterThanOrEqualTo(minTrade)))
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
      const proceeds = purpose === 'rebalance' && state.orders.some((o) => o.account === account.name && o.action === 'SELL');
      const notes = [classDriftPhrase(state, assetClass), proceeds ? proceedsBuyPhrase(account.name) : `invests cash in ${account.name} before any sale is considered`];
      const details: string[] = [];
      if (context.locationRank(assetClass, account.treatment) === 0 && context.household.accounts.length > 1) {
        details.push(`Bought in a ${account.treatment === 'taxable' ? 'taxable' : account.treatment === 'deferred' ? 'tax-deferred' : 'tax-exempt'} account, where ${assetClass} is best located.`);
      }
      const price = chooseSecurityToBuy(state, account.name, assetClass)!.security.price;
      const amount = sweep ? gap.negated().div(price).ceil().times(price) : gap.negated();
      const spent = buyClass(state, account.name, assetClass, amount, proceeds ? 'rebalance' : 'cash-flow', notes, undefined, details);
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

/**
 * An account that still holds cash above its reserve worth a trade after the plan says why,
 * class by class: the classes under target are not on its fund menu, buying them would wash a
 * loss, or a share costs more than the cash. Idle cash is never left silently.
 */
export function explainIdleCash(state: WorkingState, warnings: string[]): void {
  const { context } = state;
  for (const account of context.household.accounts) {
    const idle = state.spendable(account.name);
    const traded = state.orders.filter((o) => o.account === account.name);
    const oneShare = traded.reduce((m, o) => Decimal.max(m, o.price), ZERO);
    if (idle.lessThan(Decimal.max(context.options.minTrade, oneShare))) continue;
    const under = context.classes.filter((c) => roundCents(state.gap(c)).lessThan(0));
    const reasons = under.map((c) => `${c} ${whyNotBought(state, account.name, c, idle)}`);
    const why = under.length === 0 ? 'no class is under its target' : reasons.join('; ');
    warnings.push(`${account.name} keeps ${formatDollars(idle)} of cash above its reserve uninvested: ${why}.`);
  }
}

function whyNotBought(state: WorkingState, account: string, assetClass: string, idle: Decimal): string {
  const { context } = state;
  const a = context.accounts.get(account)!;
  const all = context.securitiesByClass.get(assetClass) ?? [];
  const onMenu = all.filter((s) => a.allowed === null || a.allowed.includes(s.ticker));
  if (onMenu.length === 0) return `has no fund on ${account}'s menu`;
  const choice = chooseSecurityToBuy(state, account, assetClass);
  if (!choice) return `cannot be bought: a purchase would wash a loss realized within 30 days (IRC 1091)`;
  const price = choice.security.price;
  const gap = state.gap(assetClass).negated();
  if (price.greaterThan(idle)) return `needs ${formatDollars(gap)} but a share of ${choice.security.ticker} costs ${formatDollars(price)}`;
  const affordable = floorShares(idle.div(price), a.fractional).times(price);
  return `needs ${formatDollars(gap)} but the cash buys only ${formatDollars(affordable)} of ${choice.security.ticker}, under the ${formatDollars(context.options.minTrade)} Min Trade`;
}
