import type { Household } from '../../src/engine/types';
import type { Plan } from '../../src/engine/plan-types';
import { isLongTerm } from './days';
import { R, cents, r, rsum } from './numbers';

/**
 * Every lot a planned sale takes is real and not oversold: it is on the Lots tab, in the
 * account and ticker of the sale, the plan takes no more of it than it holds (over all trades),
 * the lots add up to the trade's shares and proceeds, each lot's basis is its share of the lot's
 * basis (to the cent, README "Rounding"), its gain is proceeds less basis, and its term follows
 * the holding period (days.ts). Returns what is wrong.
 */
export function lotProblems(household: Household, plan: Pick<Plan, 'asOf' | 'trades'>): string[] {
  const problems: string[] = [];
  const taken = new Map<string, R>();
  plan.trades.forEach((t, i) => {
    const where = `trade ${i + 1} (${t.action} ${t.shares.toString()} ${t.ticker} in ${t.account})`;
    if (!r(t.amount).equals(cents(r(t.shares).times(r(t.price))))) problems.push(`${where}: amount ${t.amount.toString()} is not shares x price to the cent`);
    if (t.action === 'BUY') {
      if (t.lots.length > 0) problems.push(`${where}: a buy lists lots`);
      return;
    }
    if (t.lots.length === 0) problems.push(`${where}: a sale lists no lots`);
    const sumShares = rsum(t.lots.map((x) => r(x.shares)));
    if (!sumShares.equals(r(t.shares))) problems.push(`${where}: lots add to ${sumShares.toFixed()} shares`);
    const sumProceeds = rsum(t.lots.map((x) => r(x.proceeds)));
    if (!sumProceeds.equals(r(t.amount))) problems.push(`${where}: lots' proceeds add to ${sumProceeds.toFixed()}, amount ${t.amount.toString()}`);
    for (const x of t.lots) {
      const lot = household.lots.find((l) => l.id === x.lot);
      if (!lot) {
        problems.push(`${where}: lot ${x.lot} is not on the Lots tab`);
        continue;
      }
      if (lot.account !== t.account || lot.ticker !== t.ticker) problems.push(`${where}: lot ${x.lot} is ${lot.ticker} in ${lot.account}`);
      if (!r(x.shares).greaterThan(0)) problems.push(`${where}: takes ${x.shares.toString()} shares of lot ${x.lot}`);
      const sofar = (taken.get(lot.id) ?? new R(0)).plus(r(x.shares));
      taken.set(lot.id, sofar);
      if (sofar.greaterThan(r(lot.shares))) problems.push(`${where}: lot ${x.lot} oversold, ${sofar.toFixed()} of ${lot.shares.toString()} shares`);
      const basis = r(lot.basis).times(r(x.shares)).dividedBy(r(lot.shares));
      if (basis.minus(r(x.basis)).abs().greaterThan('0.01')) problems.push(`${where}: lot ${x.lot} basis ${x.basis.toString()}, its share is ${basis.toFixed(4)}`);
      if (!r(x.gain).equals(r(x.proceeds).minus(r(x.basis)))) problems.push(`${where}: lot ${x.lot} gain ${x.gain.toString()} is not proceeds - basis`);
      if (x.acquired !== lot.acquired) problems.push(`${where}: lot ${x.lot} acquired ${x.acquired}, the Lots tab says ${lot.acquired}`);
      const term = isLongTerm(lot.holdingFrom ?? lot.acquired, plan.asOf) ? 'long' : 'short';
      if (x.term !== term) problems.push(`${where}: lot ${x.lot} is ${x.term}-term, held from ${lot.holdingFrom ?? lot.acquired} to ${plan.asOf} is ${term}-term`);
    }
  });
  return problems;
}
