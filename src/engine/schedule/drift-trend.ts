import type { Decimal } from '../money';
import type { IsoDate } from '../dates';

/** One History row as the trend needs it. */
export interface DriftPoint {
  date: IsoDate;
  drift: Decimal;
}

/** Household drift then and now: "Drift 4.1% → 6.6% since 2026-11-01". */
export interface DriftTrend {
  /** The date of the History row the trend starts from. */
  since: IsoDate;
  /** Whether `since` is the last review's row (else History's first row: no review yet). */
  sinceReview: boolean;
  from: Decimal;
  to: Decimal;
}

/**
 * The trend since the last review: the History row of that day (or the last one before it, the
 * review's own row when a check ran late), to the drift now. Without a review yet, from the
 * first row. Null when History holds nothing that old.
 */
export function driftTrend(series: readonly DriftPoint[], lastReview: IsoDate | null, now: Decimal): DriftTrend | null {
  const sorted = [...series].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const start = lastReview === null ? sorted[0] : sorted.filter((p) => p.date <= lastReview).pop();
  return start ? { since: start.date, sinceReview: lastReview !== null, from: start.drift, to: now } : null;
}
