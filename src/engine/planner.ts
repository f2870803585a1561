import type { Household } from './types';
import { PlanRefusedError, type Plan, type PlanOptions, type PlanOutcome } from './plan-types';
import { impossibleRequests } from './planner/cash-requests';
import { PLANNER_CHOOSES_LOTS, unknownSpecificLots } from './planner/options';
import { buildContext, type PlanContext } from './planner/context';
import { planTaxDetail, taxYearContext } from './tax';
import { harvestGains } from './planner/harvest-gains';
import { WorkingState } from './planner/state';
import { harvestLosses } from './planner/harvest';
import { raiseWithdrawals } from './planner/withdrawals';
import { explainIdleCash, investCash } from './planner/invest-cash';
import { rebalanceBySelling } from './planner/rebalance-sales';
import { buyClass } from './planner/execute';
import { classDriftPhrase, proceedsBuyPhrase } from './planner/reasons';
import { assemblePlan } from './planner/assemble-plan';
import type { DeferredLot } from './planner/sale-candidates';
import { optimizePlan, type Solver } from './planner/optimize/optimize-plan';
import { solveLinearProgram } from './linear-program';

/**
 * The rebalancing planner: one household, many accounts, one trade list that brings every asset
 * class back inside its band at the least tax. It decides by optimization (planner/optimize/):
 * the household's rebalancing is one linear program whose objective is the product's order of
 * preference (cash flows and tax-free moves cost nothing, losses save, gains cost their tax,
 * drift beyond a band costs more than any tax), solved, rounded to whole shares without creating
 * tax, explained from the solution, and checked like every plan (assemble-plan.ts).
 * Pure and deterministic: the same household and options give the same plan, byte for byte.
 *
 * When the optimizer reports trouble (the solver stopped short of an optimum, or its plan failed
 * the final checks) the step-by-step planner below makes the plan instead and the plan says so in
 * a warning: a plan always comes back when one can.
 *
 * A request no plan can meet is refused before planning (and a withdrawal that cannot be raised
 * after it): the outcome carries the errors instead of a plan, so no surface shows a plan that
 * does not do what was asked.
 */
export function planOutcome(household: Household, options: PlanOptions = {}, solve: Solver = solveLinearProgram): PlanOutcome {
  if (household.settings.asOf === null) return { ok: false, stage: 'request', errors: ['The plan needs an as-of date (Settings "As Of").'] };
  const impossible = [...impossibleRequests(household, options), ...unknownSpecificLots(household.lots, options)];
  if (impossible.length > 0) return { ok: false, stage: 'request', errors: impossible };
  const optimized = optimizeOrTrouble(household, options, solve);
  if (optimized.ok) {
    const outcome = optimized.outcome;
    return outcome.ok ? { ...outcome, plan: withTaxDetail(outcome.plan, optimized.context) } : outcome;
  }
  const fallback = planStepByStep(household, options);
  if (!fallback.ok) return fallback;
  const note = `${FALLBACK_NOTE} (${optimized.trouble}).`;
  return { ...fallback, plan: { ...fallback.plan, warnings: [...fallback.plan.warnings, note] } };
}

/** The optimizer's outcome; an exception inside it is trouble like any other, so a plan still comes back. */
function optimizeOrTrouble(household: Household, options: PlanOptions, solve: Solver): ReturnType<typeof optimizePlan> {
  try {
    return optimizePlan(household, options, solve);
  } catch (error) {
    return { ok: false, trouble: `it stopped on an error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The warning a plan made by the step-by-step planner carries: rare, and never silent. */
export const FALLBACK_NOTE = 'This plan was made by the step-by-step planner because the optimizer could not finish';

/**
 * The step-by-step planner, the optimizer's fallback. The steps, in the order a careful adviser
 * takes them (PRODUCT.md, "What makes the engine good"):
 *  1. raise withdrawals and reserves from overweight classes, cheapest lots first;
 *  2. harvest losses worth harvesting (sell, buy a not-substantially-identical replacement);
 *  3. invest cash and deposits in the most underweight classes (cash flows before any sale);
 *  4. sell what is still overweight, cheapest tax first, and buy underweight classes with the
 *     proceeds in the same account (threshold or full mode; never in cash-only mode);
 *  5. assemble trades with reasons, tax netted as Schedule D nets it, drift after, and check the
 *     final trade list for wash sales.
 */
export function planStepByStep(household: Household, options: PlanOptions = {}): PlanOutcome {
  const context = buildContext(household, options);
  const state = new WorkingState(context);
  const warnings: string[] = [];
  const deferred = new Map<string, DeferredLot>();
  const mode = context.options.mode;
  if (context.options.plannerChoosesLots) warnings.push(PLANNER_CHOOSES_LOTS);

  // Withdrawals first, from overweight classes: a harvest then reinvests all of its proceeds.
  const shortfalls = raiseWithdrawals(state, deferred, warnings);
  if (shortfalls.length > 0) return { ok: false, stage: 'request', errors: shortfalls };
  if (context.options.harvestLosses && mode !== 'cash-only') harvestLosses(state, warnings);
  investCash(state, 'cash-flow');
  if (mode !== 'cash-only') {
    const earmarks = rebalanceBySelling(state, deferred);
    for (const [account, byClass] of earmarks) {
      for (const [assetClass, amount] of byClass) {
        buyClass(state, account, assetClass, amount, 'rebalance', [classDriftPhrase(state, assetClass), proceedsBuyPhrase(account)]);
      }
    }
  }
  // Whole-share rounding and the Min Trade leave remainders: invest what is still worth a trade.
  investCash(state, 'rebalance');
  explainIdleCash(state, warnings);
  for (const t of context.household.targets) {
    if (t.assetClass === context.cashClass && !t.target?.isZero()) {
      warnings.push(`Cash has a target of its own; the planner holds cash through each account's Reserve and does not buy or sell to reach the Cash target.`);
    }
  }
  if (context.household.settings.harvestGains && mode !== 'cash-only') harvestGains(state, warnings);
  const outcome = assemblePlan(state, deferred, warnings, options);
  return outcome.ok ? { ...outcome, plan: withTaxDetail(outcome.plan, context) } : outcome;
}

/** Under the tax tables, the summary splits the plan's tax and shows the rates and 0% room it leaves. */
function withTaxDetail(plan: Plan, context: PlanContext): Plan {
  if (!context.rates.household) return plan;
  const gains = { shortTerm: plan.summary.shortTermGain, longTerm: plan.summary.longTermGain };
  const detail = planTaxDetail(taxYearContext(context.household, plan.asOf, context.rates), gains);
  return detail ? { ...plan, summary: { ...plan.summary, taxDetail: detail } } : plan;
}

/** The plan, for callers that want one or an exception: throws `PlanRefusedError` with the reasons. */
export function planRebalance(household: Household, options: PlanOptions = {}): Plan {
  const outcome = planOutcome(household, options);
  if (!outcome.ok) throw new PlanRefusedError(outcome.stage, outcome.errors);
  return outcome.plan;
}
