import { ZERO, type Decimal } from './money';
import { computeDrift } from './drift';
import { planOutcome } from './planner';
import { securityIndex, valueHoldings } from './valuation';
import type { Household } from './types';

/**
 * What each account should hold under the household plan: the planner's full rebalance (every
 * class to its household target, placed by asset location: bonds in the IRA, growth in the
 * Roth, ...) applied to each account. An IRA that holds mostly bonds by design then has a plan
 * of mostly bonds, and is judged against that, not against the household's 40% bond target.
 *
 * An account is within its plan for a class when its weight is within the class's household
 * band half-width (in points) of the planned weight: the same tolerance the household allows.
 */
export interface AccountClassPlan {
  assetClass: string;
  /** Weight in the account now and under the plan (fractions of the account's value). */
  weight: Decimal;
  planned: Decimal;
  bandLow: Decimal;
  bandHigh: Decimal;
  /** 'no target': a class the household does not target (untargeted cash): shown, not judged. */
  status: 'within' | 'over' | 'under' | 'no target';
}

export interface AccountPlan {
  account: string;
  total: Decimal;
  plannedTotal: Decimal;
  classes: AccountClassPlan[];
}

export type AccountPlans = { ok: true; planId: string; accounts: AccountPlan[] } | { ok: false; errors: string[] };

export function accountPlans(household: Household): AccountPlans {
  // No harvesting, no gain budget: the plan of where things belong, not this month's trades.
  const outcome = planOutcome(household, { mode: 'full', harvestLosses: false, gainBudget: null });
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  const plan = outcome.plan;
  const holdings = valueHoldings(household);
  const securities = securityIndex(household.securities);
  const planned = new Map([...holdings.byAccount].map(([account, classes]) => [account, new Map(classes)]));
  const add = (account: string, assetClass: string, amount: Decimal) => {
    const classes = planned.get(account) ?? new Map<string, Decimal>();
    classes.set(assetClass, (classes.get(assetClass) ?? ZERO).plus(amount));
    planned.set(account, classes);
  };
  for (const flow of plan.cashFlows) add(flow.account, holdings.cashClass, flow.amount);
  for (const t of plan.trades) {
    const assetClass = securities.get(t.ticker)?.assetClass ?? holdings.cashClass;
    const signed = t.action === 'BUY' ? t.amount : t.amount.negated();
    add(t.account, assetClass, signed);
    add(t.account, holdings.cashClass, signed.negated());
  }
  const drift = computeDrift(household);
  const halfWidth = new Map(drift.rows.filter((r) => r.band !== null).map((r) => [r.assetClass, r.band!.upper.minus(r.target)]));
  const order = (name: string) => {
    const i = drift.rows.findIndex((r) => r.assetClass === name);
    return i < 0 ? drift.rows.length : i;
  };
  const accounts = drift.accounts.map((a): AccountPlan => {
    const after = planned.get(a.account) ?? new Map<string, Decimal>();
    const plannedTotal = [...after.values()].reduce((s, v) => s.plus(v), ZERO);
    const now = new Map(a.classes.map((c) => [c.assetClass, c.weight]));
    const names = [...new Set([...now.keys(), ...after.keys()])].sort((x, y) => order(x) - order(y));
    const classes = names
      .map((assetClass): AccountClassPlan => {
        const weight = now.get(assetClass) ?? ZERO;
        const value = after.get(assetClass) ?? ZERO;
        const p = plannedTotal.isZero() ? ZERO : value.div(plannedTotal);
        const w = halfWidth.get(assetClass);
        const bandLow = w === undefined ? p : p.minus(w).isNegative() ? ZERO : p.minus(w);
        const bandHigh = w === undefined ? p : p.plus(w);
        const status = w === undefined ? 'no target' : weight.greaterThan(bandHigh) ? 'over' : weight.lessThan(bandLow) ? 'under' : 'within';
        return { assetClass, weight, planned: p, bandLow, bandHigh, status };
      })
      // A class the account neither holds nor is planned to hold says nothing.
      .filter((c) => !(c.weight.isZero() && c.planned.abs().lessThan('0.00005')));
    return { account: a.account, total: a.total, plannedTotal, classes };
  });
  return { ok: true, planId: plan.id, accounts };
}
