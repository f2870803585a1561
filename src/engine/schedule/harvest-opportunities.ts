import type { Decimal } from '../money';
import type { IsoDate } from '../dates';
import type { Term } from '../plan-types';
import type { Household } from '../types';
import { gainOf, saleTax, taxYearContext } from '../tax';
import { describeLots } from '../taxlots';

export interface HarvestOpportunity {
  account: string;
  ticker: string;
  lot: string;
  /** The unrealized loss, a positive number. */
  loss: Decimal;
  term: Term;
  /**
   * Tax the loss would save this year if harvested alone: the drop in the year's tax with this
   * year's Sales and the carryforwards netted as Schedule D nets them (`saleTax`, the same
   * computation that prices the plan's harvest trade).
   */
  taxSaved: Decimal;
}

/**
 * Taxable lots whose unrealized loss is at least Harvest Min Loss and that a sale today would not
 * wash: no purchase of the same wash group in the last 30 days (IRC 1091). Largest loss first.
 */
export function harvestOpportunities(household: Household, asOf: IsoDate): HarvestOpportunity[] {
  const minLoss = household.settings.harvestMinLoss;
  const year = taxYearContext(household, asOf);
  return describeLots(household, asOf)
    .filter((v) => v.taxable && v.gain.isNegative() && v.gain.negated().gte(minLoss) && !v.gain.isZero() && v.washSaleUntil === null)
    .map((v) => ({
      account: v.account,
      ticker: v.ticker,
      lot: v.lot,
      loss: v.gain.negated(),
      term: v.term,
      taxSaved: saleTax(year, gainOf(v.term, v.gain)).negated(),
    }))
    .sort((a, b) => b.loss.comparedTo(a.loss) || (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0));
}
