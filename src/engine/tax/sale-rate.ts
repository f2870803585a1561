import { Decimal, ZERO, formatPercent } from '../money';
import type { Term } from '../plan-types';
import { NO_GAINS, gainOf, rateFor, saleTax, type GainsByTerm, type TaxRates, type TaxYearContext } from './year-tax';

/**
 * The rate a reason quotes for one sale: under the tables, the tax the sale adds to the year
 * (after this year's Sales and `before`, the plan's earlier sales) per dollar of its gain. That
 * is the sale's own marginal rate: it differs from the first dollar's rate when the sale crosses
 * a bracket, when earlier sales have used up the 0% band, or when a loss absorbs it. Flat rates:
 * the character's rate plus the state's, as quoted before the tables.
 */
export function saleRate(year: TaxYearContext, term: Term, gain: Decimal, before: GainsByTerm = NO_GAINS): Decimal {
  if (!year.rates.household || gain.isZero()) return rateFor(term, year.rates);
  return saleTax(year, gainOf(term, gain), before).div(gain);
}

export interface LongTermWait {
  /** Tax saved by selling as a long-term gain instead of a short-term one (never negative). */
  saving: Decimal;
  /** The rates the gain would pay as short- and long-term, as `saleRate` quotes them. */
  shortTermRate: Decimal;
  longTermRate: Decimal;
}

/**
 * What waiting until a lot turns long-term saves on `gain`, priced in the plan's context: both
 * characters of the same gain after this year's Sales and `before`. Flat rates: gain x (short -
 * long rate) and the federal flat rates, exactly as before the tables.
 */
export function longTermWait(year: TaxYearContext, gain: Decimal, before: GainsByTerm = NO_GAINS): LongTermWait {
  const { rates } = year;
  // Flat: the federal rates, as quoted before the tables (the state's rate is the same either way).
  if (!rates.household) return { saving: gain.times(rates.shortTerm.minus(rates.longTerm)), shortTermRate: rates.shortTerm, longTermRate: rates.longTerm };
  const shortTermRate = saleRate(year, 'short', gain, before);
  const longTermRate = saleRate(year, 'long', gain, before);
  const saving = saleTax(year, gainOf('short', gain), before).minus(saleTax(year, gainOf('long', gain), before));
  return { saving: Decimal.max(ZERO, saving), shortTermRate, longTermRate };
}

/**
 * A rate as a reason words it: whole percents (as flat rates always were); under the tables a
 * blended marginal rate (a sale that crosses a bracket) to 0.1%, so "about 1%" never stands for 0.8%.
 */
export function quotedRate(rate: Decimal, rates: TaxRates): string {
  const percent = rate.times(100);
  if (!rates.household || percent.minus(percent.round()).abs().lessThan('0.05')) return formatPercent(rate, 0);
  return formatPercent(rate, 1);
}
