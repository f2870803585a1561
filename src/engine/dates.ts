/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. The engine never reads the clock: every "today"
 * is the plan's as-of date, passed in. Arithmetic is on whole days since 1970-01-01 in UTC, so
 * no time zone or daylight-saving shift can move a date.
 */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return text.trim() as IsoDate;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why text written as `YYYY-MM-DD` names no calendar day ("September 2018 has 30 days"), or
 * null when it is a real day or not in that form at all. Lets every surface tell a user who typed
 * 2018-09-31 that the day does not exist, instead of asking for the form they already used.
 */
export function impossibleDateReason(text: string): string | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `there is no month ${m[2]}`;
  if (d < 1) return `there is no day ${m[3]}`;
  const days = daysInMonth(y, mo);
  return d > days ? `${MONTH_NAMES[mo - 1]} ${y} has ${days} days` : null;
}

export function isoDate(text: string): IsoDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`Not a calendar date in YYYY-MM-DD form: "${text}"`);
  return parsed;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** The same day `months` later (negative goes back), clamped to the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** Whether `date` is the last day of its month (28 or 29 February, 30 April, 31 May, ...). */
export function isLastDayOfMonth(date: IsoDate): boolean {
  const [y, m, d] = date.split('-').map(Number);
  return d === daysInMonth(y, m);
}

/** The first day of `date`'s month. */
export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01` as IsoDate;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
