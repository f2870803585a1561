import type { Household } from './types';
import type { Plan, PlanOptions } from './plan-types';

/**
 * The rebalancing planner: one household, many accounts, one trade list.
 * (Placeholder signature; the implementation lands with the planner issue.)
 */
export function planRebalance(household: Household, options: PlanOptions = {}): Plan {
  void options;
  throw new Error(`planRebalance is not implemented yet (household with ${household.lots.length} lots)`);
}
