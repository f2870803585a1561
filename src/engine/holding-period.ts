import { addDays, addMonths, addYears, compareDates, daysBetween, firstOfMonth, isLastDayOfMonth, type IsoDate } from './dates';
import type { Term } from './plan-types';
import type { Lot } from './types';

/**
 * Holding periods (Publication 550, "Holding Period"): the period starts the day AFTER the
 * acquisition date and includes the day of sale; a gain is long-term only when the asset was held
 * MORE than one year. So a sale on the one-year anniversary is still short-term.
 */
export type HeldLot = Pick<Lot, 'acquired' | 'holdingFrom'>;

/** The date the holding period counts from: an adjusted `Holding From` (wash-sale tacking) wins. */
export function holdingStart(lot: HeldLot): IsoDate {
  return lot.holdingFrom ?? lot.acquired;
}

/**
 * The first sale date that is long-term: the day after the one-year anniversary. Every surface
 * (TAXLOTS, the planner, recording, this year's Sales, a `Holding From`) asks this one function.
 *
 * Rev. Rul. 66-7 (1966-1 C.B. 188; Pub. 550, "Holding Period"): a holding period is counted in
 * calendar months from the day after acquisition, so shares acquired on the LAST day of a month
 * are held more than one year only from the first day of the thirteenth month after. Acquired
 * 2023-02-28, a sale on 2024-02-29 is short-term and the lot turns long-term on 2024-03-01
 * (same-date-next-year arithmetic would say 2024-02-29). For any other day of the month it is the
 * day after the same date next year: acquired 2023-06-15, long-term from 2024-06-16. Acquired on
 * 29 February, both readings agree: long-term from 1 March the next year.
 */
export function longTermOn(lot: HeldLot): IsoDate {
  const start = holdingStart(lot);
  if (isLastDayOfMonth(start)) return addMonths(firstOfMonth(start), 13);
  return addDays(addYears(start, 1), 1);
}

export function termOn(lot: HeldLot, saleDate: IsoDate): Term {
  return compareDates(saleDate, longTermOn(lot)) >= 0 ? 'long' : 'short';
}

/** Days held on `date`: the day after acquisition is day 1. Never negative. */
export function daysHeld(lot: HeldLot, date: IsoDate): number {
  return Math.max(0, daysBetween(holdingStart(lot), date));
}

/**
 * Wash-sale tacking (IRC 1223(3), Publication 550 "Wash Sales"): the replacement's holding period
 * includes the period the sold shares were held, so its start moves back by that many days.
 */
export function tackedHoldingFrom(replacementAcquired: IsoDate, soldStart: IsoDate, saleDate: IsoDate): IsoDate {
  return addDays(replacementAcquired, -Math.max(0, daysBetween(soldStart, saleDate)));
}
