import { Decimal, ZERO, dec, roundCents, toPlain } from '../src/engine/money';
import type { Plan } from '../src/engine/plan-types';
import { residualDrift, type OptimalPlan, type ValueRange } from './optimal-plan';

/**
 * How a planner's plan compares with the MIP optimum, both priced with the model's linear tax
 * (each lot's gain x its term's rate; a washed loss counts 0), so the difference is the
 * planner's choice of lots and accounts, not a difference in tax arithmetic.
 */
export interface PlanComparison {
  /** Dollars rounded to cents; drifts (weights) to 8 places. */
  plannerTax: string;
  optimumTax: string;
  /** plannerTax - optimumTax in dollars (negative: the planner found less tax, e.g. by rounding or a modelling gap). */
  excessTax: string;
  /** excessTax / max(|optimumTax|, $100): the $100 floor keeps near-zero optima from making huge ratios. */
  relativeGap: number;
  plannerResidualDrift: string;
  optimumResidualDrift: string;
  /** The optimum ends at equal or better residual drift than the plan (the comparison is fair). */
  optimumAtEqualOrBetterDrift: boolean;
  /** The planner's own netting-aware estimate, for reference. */
  plannerEstimatedTax: string;
}

export const GAP_FLOOR_DOLLARS = dec(100);
/** Weight tolerance for "equal drift": one hundredth of a basis point. */
const DRIFT_TOLERANCE = dec('0.000001');

export function plannerLinearTax(plan: Plan, optimum: OptimalPlan): Decimal {
  const { basis } = optimum;
  const taxable = new Set(basis.taxableAccounts);
  const washed = new Set(basis.washedLots);
  let tax = ZERO;
  for (const trade of plan.trades) {
    if (trade.action !== 'SELL' || !taxable.has(trade.account)) continue;
    for (const taken of trade.lots) {
      if (washed.has(taken.lot) && taken.gain.isNegative()) continue;
      tax = tax.plus(taken.gain.times(taken.term === 'long' ? basis.longRate : basis.shortRate));
    }
  }
  return tax;
}

/** Dollars per class after the plan's trades, from the optimum's starting values. */
export function plannerClassValues(plan: Plan, optimum: OptimalPlan): Map<string, Decimal> {
  const { basis } = optimum;
  const after = new Map(optimum.classes.map((c) => [c.assetClass, dec(c.before)]));
  for (const trade of plan.trades) {
    const assetClass = basis.classOf[trade.ticker];
    if (assetClass === undefined || !after.has(assetClass)) continue;
    const signed = trade.action === 'BUY' ? trade.amount : trade.amount.negated();
    after.set(assetClass, after.get(assetClass)!.plus(signed));
  }
  if (basis.cashClass !== null) {
    let invested = ZERO;
    for (const [assetClass, value] of after) if (assetClass !== basis.cashClass) invested = invested.plus(value);
    after.set(basis.cashClass, dec(basis.totalAfter).minus(invested));
  }
  return after;
}

export function comparePlanToOptimum(plan: Plan, optimum: OptimalPlan): PlanComparison {
  const plannerTax = plannerLinearTax(plan, optimum);
  const optimumTax = dec(optimum.tax);
  const values = plannerClassValues(plan, optimum);
  const total = dec(optimum.basis.totalAfter);
  const plannerResidual = residualDrift(
    optimum.classes.map((c) => ({ ...c, after: toPlain(values.get(c.assetClass)!) })),
    total,
  );
  const optimumResidual = dec(optimum.residualDrift);
  const excess = plannerTax.minus(optimumTax);
  const cents = (d: Decimal) => toPlain(roundCents(d));
  const drift = (d: Decimal) => toPlain(d.toDecimalPlaces(8));
  return {
    plannerTax: cents(plannerTax),
    optimumTax: cents(optimumTax),
    excessTax: cents(excess),
    relativeGap: excess.div(Decimal.max(optimumTax.abs(), GAP_FLOOR_DOLLARS)).toNumber(),
    plannerResidualDrift: drift(plannerResidual),
    optimumResidualDrift: drift(optimumResidual),
    optimumAtEqualOrBetterDrift: optimumResidual.lte(plannerResidual.plus(DRIFT_TOLERANCE)),
    plannerEstimatedTax: toPlain(plan.summary.estimatedTax),
  };
}

/**
 * Per-class ranges that hold the optimum to the plan's own balance: each class must end
 * between the plan's value and its target (widened by $1 for float rounding in the solver),
 * so it is at least as close to target as the plan left it and on the same side. Solve again
 * with `holdTo` and compare: equal or better drift, class by class.
 */
export function rangesFromPlan(
  plan: Plan,
  optimum: OptimalPlan,
  /** 'same': each class exactly where the plan left it (+-$1): compares only the choice of lots and accounts. */
  hold: 'equal-or-better' | 'same' = 'equal-or-better',
): Record<string, ValueRange> {
  const values = plannerClassValues(plan, optimum);
  const total = dec(optimum.basis.totalAfter);
  return Object.fromEntries(
    optimum.classes.map((c) => {
      const planned = values.get(c.assetClass)!;
      const goal = hold === 'same' ? planned : dec(c.target).times(total);
      return [c.assetClass, { min: Decimal.min(planned, goal).minus(1), max: Decimal.max(planned, goal).plus(1) }];
    }),
  );
}
