import { ZERO, maxDec, type Decimal } from '../money';
import { gainOf, rateFor, saleTax, type TaxYearContext } from './year-tax';

/**
 * Tax saved by selling a short-term gain once it turns long-term instead of today: one figure
 * for the plan's deferred sales (sidebar, Plan tab) and the check's "lots turning long-term"
 * (email), so the same lot never shows two savings. Under the year's tables (Filing Status set)
 * it is the year's tax with the gain short-term less with it long-term, this year's Sales and
 * carryforwards netted; with flat rates, the gain times the rate gap (state cancels out). A
 * loss saves nothing by waiting.
 */
export function taxSavedByWaiting(year: TaxYearContext, gain: Decimal): Decimal {
  if (year.rates.household) return maxDec(ZERO, saleTax(year, gainOf('short', gain)).minus(saleTax(year, gainOf('long', gain))));
  return maxDec(ZERO, gain).times(rateFor('short', year.rates).minus(rateFor('long', year.rates)));
}
