import type { Decimal } from '../money';
import { compareDates, type IsoDate } from '../dates';
import type { Household } from '../types';
import { taxRatesFrom, taxYearContext } from '../tax';
import { taxSavedByWaiting } from '../tax/waiting-saves';
import { describeLots } from '../taxlots';

export const LONG_TERM_SOON_DAYS = 60;

export interface LotTurningLong {
  account: string;
  ticker: string;
  lot: string;
  /** First sale date taxed at the long-term rate (Publication 550: held more than one year). */
  longTermOn: IsoDate;
  daysToLongTerm: number;
  gain: Decimal;
  /** Tax saved by selling on or after `longTermOn` instead of today (zero for a loss). */
  taxSavedByWaiting: Decimal;
}

/** Short-term taxable lots that turn long-term within the next `days` days, soonest first. */
export function lotsTurningLongTerm(household: Household, asOf: IsoDate, days = LONG_TERM_SOON_DAYS): LotTurningLong[] {
  const rates = taxRatesFrom(household.settings, asOf);
  const year = rates.household ? taxYearContext(household, asOf, rates) : null;
  const saved = (gain: Decimal) => taxSavedByWaiting(rates, gain, () => year!);
  return describeLots(household, asOf)
    .filter((v) => v.taxable && v.term === 'short' && v.daysToLongTerm > 0 && v.daysToLongTerm <= days)
    .map((v) => ({
      account: v.account,
      ticker: v.ticker,
      lot: v.lot,
      longTermOn: v.longTermOn,
      daysToLongTerm: v.daysToLongTerm,
      gain: v.gain,
      taxSavedByWaiting: saved(v.gain),
    }))
    .sort((a, b) => compareDates(a.longTermOn, b.longTermOn) || (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0));
}
