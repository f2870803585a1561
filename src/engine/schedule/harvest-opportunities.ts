import type { Decimal } from '../money';
import type { IsoDate } from '../dates';
import type { Term } from '../plan-types';
import type { Household } from '../types';
import { rateFor, taxRatesFrom } from '../tax';
import { describeLots } from '../taxlots';

export interface HarvestOpportunity {
  account: string;
  ticker: string;
  lot: string;
  /** The unrealized loss, a positive number. */
  loss: Decimal;
  term: Term;
  /** Tax the loss would save at the lot's own rate (before Schedule D netting). */
  taxSaved: Decimal;
}

/**
 * Taxable lots whose unrealized loss is at least Harvest Min Loss and that a sale today would not
 * wash: no purchase of the same wash group in the last 30 days (IRC 1091). Largest loss first.
 */
export function harvestOpportunities(household: Household, asOf: IsoDate): HarvestOpportunity[] {
  const rates = taxRatesFrom(household.settings);
  const minLoss = household.settings.harvestMinLoss;
  return describeLots(household, asOf)
    .filter((v) => v.taxable && v.gain.isNegative() && v.gain.negated().gte(minLoss) && !v.gain.isZero() && v.washSaleUntil === null)
    .map((v) => ({
      account: v.account,
      ticker: v.ticker,
      lot: v.lot,
      loss: v.gain.negated(),
      term: v.term,
      taxSaved: v.gain.negated().times(rateFor(v.term, rates)),
    }))
    .sort((a, b) => b.loss.comparedTo(a.loss) || (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0));
}
