import { ZERO, maxDec, type Decimal } from '../money';
import { rateFor, type TaxRates, type TaxYearContext } from './year-tax';
import { longTermWait } from './sale-rate';

/**
 * Tax saved by selling a short-term gain once it turns long-term instead of today: one figure
 * for the plan's deferred sales (sidebar, Plan tab) and the check's "lots turning long-term"
 * (email), so the same lot never shows two savings. Under the year's tables (Filing Status set)
 * it is the year's tax with the gain short-term less with it long-term, this year's Sales and
 * carryforwards netted; with flat rates, the gain times the rate gap (state cancels out). A
 * loss saves nothing by waiting. `year` is only asked for under the tables (the planner's
 * backtests defer lots thousands of times under flat rates).
 */
export function taxSavedByWaiting(rates: TaxRates, gain: Decimal, year: () => TaxYearContext): Decimal {
  if (rates.household) return longTermWait(year(), gain).saving;
  return maxDec(ZERO, gain).times(rateFor('short', rates).minus(rateFor('long', rates)));
}
