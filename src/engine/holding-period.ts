import { addDays, addYears, compareDates, daysBetween, type IsoDate } from './dates';
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
 * The first sale date that is long-term: the day after the one-year anniversary. A 29 February
 * start has its anniversary on 28 February (addYears), so 2024-02-29 turns long-term on 2025-03-01.
 */
export function longTermOn(lot: HeldLot): IsoDate {
  return addDays(addYears(holdingStart(lot), 1), 1);
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
