import { addMonths, type IsoDate } from '../dates';
import type { Schedule } from '../types';

/**
 * Review periods are calendar periods: a monthly review belongs to its month, a quarterly one to
 * its quarter (Jan, Apr, Jul, Oct), semiannual to its half-year, annual to its year. The review of
 * a period is due from the period's first day, so a daily trigger sends it on the first run of
 * the period (or the first run after an outage: a missed review is late, never skipped).
 */
const MONTHS_PER_PERIOD: Record<Schedule, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

export function monthsPerPeriod(schedule: Schedule): number {
  return MONTHS_PER_PERIOD[schedule];
}

/** The first day of the review period holding `date`. */
export function periodStart(schedule: Schedule, date: IsoDate): IsoDate {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const size = MONTHS_PER_PERIOD[schedule];
  const first = Math.floor((month - 1) / size) * size + 1;
  return `${year}-${String(first).padStart(2, '0')}-01` as IsoDate;
}

/** A short stable name for the period holding `date`: 2026-11, 2026-Q4, 2026-H2, 2026. */
export function periodKey(schedule: Schedule, date: IsoDate): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (schedule) {
    case 'monthly':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarterly':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'semiannual':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'annual':
      return year;
  }
}

/**
 * The date the next review is due. With no review yet, the current period's review is due now
 * (its first day, which is on or before `asOf`). After a review in the current period, the next
 * is due on the first day of the next period. A last review in an earlier period leaves the
 * current period's review due (overdue since its first day).
 */
export function nextReviewDate(schedule: Schedule, lastReview: IsoDate | null, asOf: IsoDate): IsoDate {
  const current = periodStart(schedule, asOf);
  if (lastReview === null || periodKey(schedule, lastReview) !== periodKey(schedule, asOf)) {
    // A last review dated after asOf (a clock set back) still counts for its own period only.
    if (lastReview !== null && lastReview > asOf) return addMonths(periodStart(schedule, lastReview), MONTHS_PER_PERIOD[schedule]);
    return current;
  }
  return addMonths(current, MONTHS_PER_PERIOD[schedule]);
}
