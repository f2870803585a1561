import { formatDollars } from '../../money';
import type { Household } from '../../types';
import type { PlanOptions, PlanOutcome } from '../../plan-types';
import { solveLinearProgram, type LinearProgram, type Solution } from '../../linear-program';
import { buildContext, type PlanContext } from '../context';
import { WorkingState } from '../state';
import { PLANNER_CHOOSES_LOTS } from '../options';
import { explainIdleCash, investCash } from '../invest-cash';
import { harvestGains } from '../harvest-gains';
import { heldBackPhrase } from '../withdrawals';
import { assemblePlan } from '../assemble-plan';
import type { DeferredLot } from '../sale-candidates';
import { dearestSaleByClass, deferredToShow } from '../deferred-shown';
import { buildHouseholdModel, type HouseholdModel } from './household-model';
import type { Revisions } from './fixed-choices';
import { executeSolution } from './round-solution';
import { explainTrades } from './explain-trades';

export type Solver = (lp: LinearProgram) => Solution;

/** Choices tried one class at a time, at most (each is a solve). */
const MAX_CLASS_TRIALS = 8;

/** The optimized plan, or why there is none (the caller falls back to the step-by-step planner). */
export type OptimizeResult = { ok: true; outcome: PlanOutcome; context: PlanContext } | { ok: false; trouble: string };

/**
 * The planner that decides by optimization: the household as one linear program
 * (household-model.ts), solved, rounded to whole shares without creating tax (round-solution.ts),
 * explained (explain-trades.ts), then through the same machinery as every plan: the last sweep of
 * cash whole shares left, idle-cash and out-of-band explanations, gain harvesting, and the final
 * checks, tax and drift of `assemblePlan`. Pure and deterministic (the solver is too).
 *
 * Trouble is reported, not hidden: the solver not reaching an optimum, a withdrawal the solution
 * cannot raise (the step-by-step planner then refuses it with the amounts), or a plan that fails
 * the final checks.
 */
export function optimizePlan(household: Household, options: PlanOptions, solve: Solver = solveLinearProgram): OptimizeResult {
  const context = buildContext(household, options);
  const state = new WorkingState(context);
  const warnings: string[] = [];
  if (context.options.plannerChoosesLots) warnings.push(PLANNER_CHOOSES_LOTS);
  let model = buildHouseholdModel(state);
  let solution = solve(model.lp);
  if (solution.status !== 'optimal') return { ok: false, trouble: `the solver stopped (${solution.status}) after ${solution.iterations} iterations` };
  // The loss groups kept buyable as an over-target class's replacement (fixed-choices.ts) are
  // harvested too where that costs less: first those the solution does not buy (it stays
  // feasible without them, so the cost cannot rise), then class by class the rest (the round
  // trip may be worth less than the kept group's own losses), each kept when its solve is cheaper.
  let revisions: Revisions = {};
  const trials: Set<string>[] = [unusedReplacements(model, solution)];
  for (const groups of model.choices.kept.values()) if (![...groups].every((g) => trials[0]!.has(g))) trials.push(new Set(groups));
  for (const trial of trials.slice(0, 1 + MAX_CLASS_TRIALS)) {
    if (trial.size === 0) continue;
    const alsoHarvest = new Set([...(revisions.alsoHarvest ?? []), ...trial]);
    const again = buildHouseholdModel(state, { alsoHarvest });
    const next = solve(again.lp);
    if (next.status === 'optimal' && next.objective < solution.objective - 1e-6) [model, solution, revisions] = [again, next, { alsoHarvest }];
  }
  // A loss below Harvest Min Loss sold in a class the solution also buys is a harvest too small
  // to make: each such class either keeps those losses or is bought nowhere. All keep them
  // first (a restriction: taken whatever it costs), then class by class the other way where
  // that costs less.
  const roundTrips = [...smallLossRoundTrips(state, model, solution)];
  if (roundTrips.length > 0) {
    let choice = { noSmallLosses: new Set(roundTrips), noBuys: new Set<string>() };
    let best: { model: HouseholdModel; solution: Solution } | null = null;
    const attempt = (next: typeof choice) => {
      const again = buildHouseholdModel(state, { ...revisions, ...next });
      const solved = solve(again.lp);
      if (solved.status !== 'optimal' || (best !== null && solved.objective >= best.solution.objective - 1e-6)) return;
      best = { model: again, solution: solved };
      choice = next;
    };
    attempt(choice);
    for (const assetClass of roundTrips.slice(0, MAX_CLASS_TRIALS)) {
      attempt({ noSmallLosses: new Set([...choice.noSmallLosses].filter((c) => c !== assetClass)), noBuys: new Set([...choice.noBuys, assetClass]) });
    }
    if (best !== null) ({ model, solution } = best as { model: HouseholdModel; solution: Solution });
  }
  warnings.push(...model.choices.warnings);
  for (const [account, column] of model.shortfall) {
    if (context.cashRequests.get(account)!.withdrawal.greaterThan(0) && (solution.x[column] ?? 0) > 0.005) {
      return { ok: false, trouble: `${account}'s withdrawal cannot be raised in full` };
    }
  }
  executeSolution(state, model, solution);
  for (const account of context.household.accounts) {
    const short = state.spendable(account.name).negated();
    if (!short.greaterThan(0)) continue;
    if (context.cashRequests.get(account.name)!.withdrawal.greaterThan(0)) return { ok: false, trouble: `${account.name}'s withdrawal is ${formatDollars(short)} short after rounding` };
    warnings.push(`${account.name}: cash stays ${formatDollars(short)} below its ${formatDollars(account.reserve)} reserve because ${heldBackPhrase(state, account)}.`);
  }
  investCash(state, 'rebalance');
  explainIdleCash(state, warnings);
  for (const t of household.targets) {
    if (t.assetClass === context.cashClass && !t.target?.isZero()) {
      warnings.push(`Cash has a target of its own; the planner holds cash through each account's Reserve and does not buy or sell to reach the Cash target.`);
    }
  }
  if (household.settings.harvestGains && context.options.mode !== 'cash-only') harvestGains(state, warnings);
  // Shown as deferred by the step-by-step planner's rule: only for a class whose short-term gains
  // may be sold at all (beyond its band), and only where waiting is what kept the lot unsold.
  const heldBack = model.deferred.filter((d) => model.choices.beyondBand.has(context.securities.get(d.lot.ticker)!.assetClass));
  const shown = deferredToShow(state, heldBack, dearestSaleByClass(state));
  explainTrades(state, model, solution, new Set(state.orders), shown);
  const deferred = new Map<string, DeferredLot>(shown.map((d) => [d.lot.id, d]));
  const outcome = assemblePlan(state, deferred, warnings, options);
  if (!outcome.ok) return { ok: false, trouble: `the optimized plan failed its final checks (${outcome.errors.slice(1).join(' ')})` };
  return { ok: true, outcome, context };
}

/** The loss groups kept as an over-target class's replacement when the solution buys none of the class. */
function unusedReplacements(model: HouseholdModel, solution: Solution): Set<string> {
  const out = new Set<string>();
  for (const [assetClass, groups] of model.choices.kept) {
    const bought = model.buys.some((b) => b.assetClass === assetClass && (solution.x[b.column] ?? 0) > 0.005);
    if (!bought) for (const g of groups) out.add(g);
  }
  return out;
}

/** Classes where the solution sells a loss below Harvest Min Loss and also buys the class. */
function smallLossRoundTrips(state: WorkingState, model: HouseholdModel, solution: Solution): Set<string> {
  const { harvestLosses, harvestMinLoss: minLoss, mode } = state.context.options;
  if (!harvestLosses || mode === 'cash-only') return new Set();
  const bought = new Set(model.buys.filter((b) => (solution.x[b.column] ?? 0) > 0.005).map((b) => b.assetClass));
  const out = new Set<string>();
  for (const block of model.sales) {
    if (!block.taxable || !bought.has(block.assetClass) || (solution.x[block.column] ?? 0) <= 1e-9) continue;
    const small = block.lots.some((lot) => {
      const loss = lot.basis.minus(lot.shares.times(block.price));
      return loss.greaterThan(0) && loss.lessThan(minLoss);
    });
    if (small) out.add(block.assetClass);
  }
  return out;
}
