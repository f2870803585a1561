/**
 * Calendar arithmetic for the reference checker, written from the calendar and not from
 * src/engine/dates.ts: a date is a count of days since 1970-01-01 (UTC, so no time zone or
 * daylight saving can shift it).
 */
const MS_PER_DAY = 86_400_000;

export function day(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`reference: not an ISO date: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== iso) throw new Error(`reference: not a real date: ${iso}`);
  return ms / MS_PER_DAY;
}

export function iso(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function plusDays(date: string, days: number): string {
  return iso(day(date) + days);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysFrom(a: string, b: string): number {
  return day(b) - day(a);
}

/**
 * The first day a sale is long-term (IRC 1222: held more than one year). The holding period
 * starts the day after acquisition (Pub. 550, "Holding Period") and runs in calendar months
 * (Rev. Rul. 66-7): one year after that start the shares have been held more than a year. A
 * start date with no twin in the next year (29 February) rolls to 1 March. So acquired
 * 2024-01-15: start 01-16, long-term from 2025-01-16; acquired 2023-02-28: start 2023-03-01,
 * long-term from 2024-03-01 (a sale on 2024-02-29 is still short-term).
 */
export function firstLongTermDay(acquired: string): string {
  const start = plusDays(acquired, 1);
  const [y, mo, d] = start.split('-').map(Number);
  const ms = Date.UTC(y + 1, mo - 1, d); // Date.UTC rolls 29 Feb of a common year to 1 Mar
  return iso(ms / MS_PER_DAY);
}

export function isLongTerm(acquired: string, sold: string): boolean {
  return day(sold) >= day(firstLongTermDay(acquired));
}

export const yearOfDate = (date: string): number => Number(date.slice(0, 4));
