/**
 * Broker cells: the money, quantity and date text that broker exports hold, read one way for
 * every format. Exports write money as `$1,303.92`, `-$21.63`, `$-21.63`, `"$3621.38 "` (a
 * trailing space), `(1,234.56)` (an accountant's negative) and `+$5.00`; an empty value as `--`,
 * `n/a`, `N/A` or a lone `-`; dates as `MM/DD/YYYY`, sometimes with a time (`01/15/2024 10:30:00
 * AM`, `01/15/2024 as of 04:00 PM ET`), or ISO (`2023-07-07`, IBKR's `2023-07-07, 15:39:46`).
 * Every reader returns a value, null for an empty cell, or a message "found X; expected Y";
 * nothing is guessed (a two-digit year or a day-first date is refused, not read).
 */
import { Decimal } from '../engine/money';
import { daysInMonth, type IsoDate } from '../engine/dates';

export type Cell<T> = { ok: true; value: T | null } | { ok: false; message: string };

const EMPTY = /^(--|-|n\/a|na|none|null|\u2014|\u2013)?$/i;

/** Whether a cell means "no value" in a broker export. */
export function isEmptyCell(text: string | undefined): boolean {
  return EMPTY.test((text ?? '').trim());
}

function found(text: string): string {
  const t = text.trim();
  return JSON.stringify(t.length > 40 ? `${t.slice(0, 37)}...` : t);
}

const MONEY = /^([+-])?\$?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)$/;

/** `$1,303.92`, `-$21.63`, `(1,234.56)`, `1234.5 USD`: a signed Decimal; null when empty. */
export function parseMoney(text: string | undefined, expected = 'an amount in dollars'): Cell<Decimal> {
  const raw = (text ?? '').trim();
  if (isEmptyCell(raw)) return { ok: true, value: null };
  let s = raw.replace(/\s+/g, '').replace(/(USD|US\$)$/i, '');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  const m = MONEY.exec(s);
  if (!m || (m[1] && m[2])) return { ok: false, message: `found ${found(raw)}; expected ${expected}` };
  const sign = m[1] ?? m[2] ?? '+';
  const value = new Decimal(m[3].replace(/,/g, ''));
  return { ok: true, value: negative !== (sign === '-') ? value.negated() : value };
}

/** A number of shares (commas allowed, no dollar sign); the sign is kept (IBKR sells are negative). */
export function parseQuantity(text: string | undefined): Cell<Decimal> {
  const raw = (text ?? '').trim();
  if (raw.includes('$')) return { ok: false, message: `found ${found(raw)}; expected a number of shares` };
  return parseMoney(raw, 'a number of shares');
}

function iso(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:$|[\s,T]+\S)/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[\s,T;]+\S)/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:$|[;,\s])/;

/**
 * `MM/DD/YYYY` (US exports), with anything after it that starts a time (`10:30:00 AM`, `as of
 * ...`), or ISO `YYYY-MM-DD` (IBKR, with `, 15:39:46`), or IBKR's compact `YYYYMMDD`. The time is
 * dropped: a lot's date is the trade date, and a trade's time never moves it to another day.
 */
export function parseBrokerDate(text: string | undefined, expected = 'a date as MM/DD/YYYY'): Cell<IsoDate> {
  const raw = (text ?? '').trim();
  if (isEmptyCell(raw)) return { ok: true, value: null };
  const us = US_DATE.exec(raw);
  const isoMatch = ISO_DATE.exec(raw);
  const compact = COMPACT_DATE.exec(raw);
  const date = us
    ? iso(Number(us[3]), Number(us[1]), Number(us[2]))
    : isoMatch
      ? iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]))
      : compact
        ? iso(Number(compact[1]), Number(compact[2]), Number(compact[3]))
        : null;
  return date ? { ok: true, value: date } : { ok: false, message: `found ${found(raw)}; expected ${expected}` };
}

/** A ticker as a broker writes it: `VOO`, `BRK/B` or `BRK B` (as BRK.B), `VOO(922908363)` (Fidelity's Symbol(CUSIP)). */
export function cleanTicker(text: string | undefined): string {
  let t = (text ?? '').trim().toUpperCase();
  t = t.replace(/\s*\([^)]*\)\s*$/, '').replace(/\*+$/, '').trim();
  t = t.replace(/^([A-Z]+)[ /]([A-Z])$/, '$1.$2');
  return t;
}
