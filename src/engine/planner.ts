import type { Household } from './types';
import type { Plan, PlanOptions } from './plan-types';
import { buildContext, type PlanContext } from './planner/context';
import { planTaxDetail, taxYearContext } from './tax';
import { harvestGains } from './planner/harvest-gains';
import { WorkingState } from './planner/state';
import { harvestLosses } from './planner/harvest';
import { raiseWithdrawals } from './planner/withdrawals';
import { investCash } from './planner/invest-cash';
import { rebalanceBySelling } from './planner/rebalance-sales';
import { buyClass } from './planner/execute';
import { classDriftPhrase, fallenPricePhrase, proceedsBuyPhrase } from './planner/reasons';
import { assemblePlan } from './planner/assemble-plan';
import type { DeferredLot } from './planner/sale-candidates';

/**
 * The rebalancing planner: one household, many accounts, one trade list that brings every asset
 * class back inside its band at the least tax. The steps, in the order a careful adviser takes
 * them (PRODUCT.md, "What makes the engine good"):
 *  1. raise withdrawals and reserves from overweight classes, cheapest lots first;
 *  2. harvest losses worth harvesting (sell, buy a not-substantially-identical replacement);
 *  3. invest cash and deposits in the most underweight classes (cash flows before any sale);
 *  4. sell what is still overweight, cheapest tax first, and buy underweight classes with the
 *     proceeds in the same account (threshold or full mode; never in cash-only mode);
 *  5. assemble trades with reasons, tax netted as Schedule D nets it, drift after, and check the
 *     final trade list for wash sales.
 * Pure and deterministic: the same household and options give the same plan, byte for byte.
 */
export function planRebalance(household: Household, options: PlanOptions = {}): Plan {
  const context = buildContext(household, options);
  const state = new WorkingState(context);
  const warnings: string[] = [];
  const deferred = new Map<string, DeferredLot>();
  const mode = context.options.mode;

  // Withdrawals first, from overweight classes: a harvest then reinvests all of its proceeds.
  raiseWithdrawals(state, deferred, warnings);
  if (context.options.harvestLosses && mode !== 'cash-only') harvestLosses(state, warnings);
  investCash(state, 'cash-flow');
  if (mode !== 'cash-only') {
    const earmarks = rebalanceBySelling(state, deferred);
    for (const [account, byClass] of earmarks) {
      for (const [assetClass, amount] of byClass) {
        const notes = [`${classDriftPhrase(state, assetClass)}; ${proceedsBuyPhrase(account)}`];
        const fallen = fallenPricePhrase(state, assetClass);
        if (fallen) notes.push(`${assetClass}: ${fallen}`);
        buyClass(state, account, assetClass, amount, 'rebalance', notes);
      }
    }
    // Whole-share rounding leaves small remainders: invest what is still worth a trade.
    investCash(state, 'rebalance');
  }
  for (const t of context.household.targets) {
    if (t.assetClass === context.cashClass && !t.target?.isZero()) {
      warnings.push(`Cash has a target of its own; the planner holds cash through each account's Reserve and does not buy or sell to reach the Cash target.`);
    }
  }
  if (context.household.settings.harvestGains && mode !== 'cash-only') harvestGains(state, warnings);
  return withTaxDetail(assemblePlan(state, deferred, warnings, options), context);
}

/** Under the tax tables, the summary splits the plan's tax and shows the rates and 0% room it leaves. */
function withTaxDetail(plan: Plan, context: PlanContext): Plan {
  if (!context.rates.household) return plan;
  const gains = { shortTerm: plan.summary.shortTermGain, longTerm: plan.summary.longTermGain };
  const detail = planTaxDetail(taxYearContext(context.household, plan.asOf, context.rates), gains);
  return detail ? { ...plan, summary: { ...plan.summary, taxDetail: detail } } : plan;
}
