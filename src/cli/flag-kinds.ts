/**
 * The kinds of flag value the command line accepts. Each one checks and converts the text while
 * the arguments are parsed, and says what it expected when the text is not that: nothing is
 * guessed and nothing is silently dropped (",000" is not zero dollars).
 */
import { daysInMonth, dec, type Decimal, type IsoDate } from '../engine/index';
import type { Parsed, ValueKind } from './args';
import { closest } from './did-you-mean';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(problem: string): Parsed<T> => ({ ok: false, problem });
const found = (text: string) => `found "${text}"`;

/** Any text that is not empty (a file name, a URL's path). */
export function text(metavar: string, what = 'a value'): ValueKind<string> {
  return { metavar, parse: (t) => (t.trim() === '' ? no(`expected ${what}; found nothing`) : ok(t)) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar date as YYYY-MM-DD; `2018-09-31` is "not a real date", not a format error. */
export const date: ValueKind<IsoDate> = {
  metavar: 'YYYY-MM-DD',
  parse(t) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.trim());
    if (!m) return no(`expected a date as YYYY-MM-DD; ${found(t)}`);
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) return no(`"${t}" is not a real date: there is no month ${mo}`);
    if (d < 1 || d > daysInMonth(y, mo)) return no(`"${t}" is not a real date: ${MONTHS[mo - 1]} ${y} has ${daysInMonth(y, mo)} days`);
    return ok(t.trim() as IsoDate);
  },
};

const DOLLARS = /^(-)?\$?(-)?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(\.\d{1,2})?$/;

/**
 * Dollars and cents: `7000`, `7,000.50`, `$7,000`, `-2500`, `-$2,500`. Thousands separators
 * must group by three, so a stray comma (`,000`, `7,00`) is an error, not a different number.
 */
export function parseDollars(t: string): Decimal | null {
  const m = DOLLARS.exec(t.trim());
  if (!m || (m[1] && m[2])) return null;
  const digits = m[3].replace(/[,_]/g, '');
  return dec(`${m[1] || m[2] ? '-' : ''}${digits}${m[4] ?? ''}`);
}

const AMOUNT_EXAMPLES = 'like 7000, 7,000.50 or $7,000';

/** An amount of dollars; `min` (inclusive) or `above` (exclusive) bound it. */
export function amount(options: { min?: number; above?: number; metavar?: string } = {}): ValueKind<Decimal> {
  return {
    metavar: options.metavar ?? 'AMOUNT',
    parse(t) {
      const value = parseDollars(t);
      if (value === null) return no(`expected an amount of dollars ${AMOUNT_EXAMPLES}; ${found(t)}`);
      if (options.min !== undefined && value.lessThan(options.min)) return no(`expected an amount of at least ${options.min}; ${found(t)}`);
      if (options.above !== undefined && !value.greaterThan(options.above)) return no(`expected an amount above ${options.above}; ${found(t)}`);
      return ok(value);
    },
  };
}

export interface AccountAmount {
  account: string;
  amount: Decimal;
}

/** `ACCOUNT=AMOUNT` (`"Roth IRA=7000"`, negative to withdraw); the account named as on the Accounts tab. */
export const accountAmount: ValueKind<AccountAmount> = {
  metavar: 'ACCOUNT=AMOUNT',
  parse(t) {
    const eq = t.lastIndexOf('=');
    const account = eq < 0 ? '' : t.slice(0, eq).trim();
    if (eq < 0 || account === '') return no(`expected ACCOUNT=AMOUNT, e.g. "Roth IRA=7000" (negative to withdraw); ${found(t)}`);
    const amountText = t.slice(eq + 1);
    const value = parseDollars(amountText);
    if (value === null) return no(`${account}: expected an amount of dollars ${AMOUNT_EXAMPLES} (negative to withdraw); found "${amountText}"`);
    return ok({ account, amount: value });
  },
};

/** A whole number of at least `min`. */
export function count(min: number, metavar = 'N'): ValueKind<number> {
  return {
    metavar,
    parse(t) {
      if (!/^\d+$/.test(t.trim())) return no(`expected a whole number${min > 0 ? ` of at least ${min}` : ''}; ${found(t)}`);
      const n = Number(t.trim());
      if (!Number.isSafeInteger(n)) return no(`expected a whole number below ${Number.MAX_SAFE_INTEGER}; ${found(t)}`);
      if (n < min) return no(`expected a whole number of at least ${min}; ${found(t)}`);
      return ok(n);
    },
  };
}

/**
 * One of a fixed set, ignoring case (`hifo` is HIFO); the value is the set's own spelling.
 * `aliases` map other spellings to a value (`y` -> `yes`); the help lists only `values`.
 */
export function choice<T extends string>(values: readonly T[], aliases: Readonly<Record<string, T>> = {}): ValueKind<T> {
  return {
    metavar: values.join('|'),
    choices: values,
    parse(t) {
      const key = t.trim().toLowerCase();
      const hit = values.find((v) => v.toLowerCase() === key) ?? Object.entries(aliases).find(([a]) => a.toLowerCase() === key)?.[1];
      return hit !== undefined ? ok(hit) : no(choiceProblem(values, t));
    },
  };
}

function choiceProblem(values: readonly string[], t: string): string {
  const near = closest(t, values);
  return `expected one of ${values.join(', ')}; ${found(t)}${near ? `; did you mean ${near}?` : ''}`;
}

/** A comma-separated list of values from a fixed set (`never,annual`), each checked. */
export function choiceList<T extends string>(values: readonly T[], metavar = 'LIST'): ValueKind<T[]> {
  return {
    metavar,
    choices: values,
    parse(t) {
      const items = t.split(',').map((x) => x.trim());
      const picked: T[] = [];
      for (const item of items) {
        const hit = values.find((v) => v.toLowerCase() === item.toLowerCase());
        if (hit === undefined) return no(item === '' ? `expected a comma-separated list of ${values.join(', ')}; ${found(t)}` : choiceProblem(values, item));
        picked.push(hit);
      }
      return ok(picked);
    },
  };
}

export const yesNo: ValueKind<boolean> = (() => {
  const inner = choice(['yes', 'no'] as const, { y: 'yes', true: 'yes', on: 'yes', 1: 'yes', n: 'no', false: 'no', off: 'no', 0: 'no' });
  return {
    metavar: 'yes|no',
    choices: ['yes', 'no'],
    parse(t: string): Parsed<boolean> {
      const parsed = inner.parse(t);
      return parsed.ok ? ok(parsed.value === 'yes') : parsed;
    },
  };
})();

/** A rate: `8%` is 0.08; a bare number is a percent when above 1 in size (`8`), else a fraction (`0.08`). */
export function parseRate(t: string): Decimal | null {
  const s = t.trim();
  const percent = s.endsWith('%');
  const body = percent ? s.slice(0, -1).trim() : s;
  if (!/^-?\d+(\.\d+)?$/.test(body)) return null;
  const value = dec(body);
  return percent || value.abs().greaterThan(1) ? value.div(100) : value;
}

export function rate(metavar = 'P'): ValueKind<Decimal> {
  return { metavar, parse: (t) => { const r = parseRate(t); return r === null ? no(`expected a percent like 10% or 0.1; ${found(t)}`) : ok(r); } };
}

/** Comma-separated rates (`8%,4%`), `length` of them when given. */
export function rateList(metavar: string, length?: number): ValueKind<Decimal[]> {
  return {
    metavar,
    parse(t) {
      const rates = t.split(',').map(parseRate);
      const example = length === 2 ? '15%,37%' : '8%,4%';
      if (rates.some((r) => r === null)) return no(`expected percents separated by commas, like ${example}; ${found(t)}`);
      if (length !== undefined && rates.length !== length) return no(`expected ${length} percents separated by a comma, like ${example}; ${found(t)}`);
      return ok(rates as Decimal[]);
    },
  };
}

/** Percent weights separated by slashes (`70/30`, `60/30/10`), each 0 to 100. */
export function weights(metavar: string, most: number): ValueKind<Decimal[]> {
  return {
    metavar,
    parse(t) {
      const parts = t.split('/').map((w) => w.trim().replace(/%$/, ''));
      if (parts.length > most || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return no(`expected 1 to ${most} percents separated by slashes, like 70/30; ${found(t)}`);
      const values = parts.map((p) => dec(p));
      if (values.some((v) => v.greaterThan(100))) return no(`expected percents from 0 to 100, like 70/30; ${found(t)}`);
      // A mix that does not add up would only be refused later, by the simulator, without the flag's name.
      const sum = values.reduce((acc, v) => acc.plus(v), dec(0));
      if (!sum.equals(100)) return no(`expected percents that add up to 100, like 70/30; ${found(t)}, which adds up to ${sum.toFixed()}`);
      return ok(values.map((v) => v.div(100)));
    },
  };
}

/** Comma-separated names (`L1,L7`), none empty. */
export function nameList(metavar: string, what: string): ValueKind<string[]> {
  return {
    metavar,
    parse(t) {
      const items = t.split(',').map((x) => x.trim());
      return items.some((x) => x === '') ? no(`expected ${what} separated by commas; ${found(t)}`) : ok(items);
    },
  };
}

/** An amount, or the word `none` (null). */
export function amountOrNone(inner: ValueKind<Decimal>): ValueKind<Decimal | null> {
  return {
    metavar: `${inner.metavar}|none`,
    parse(t) {
      if (/^none$/i.test(t.trim())) return ok(null);
      const parsed = inner.parse(t);
      return parsed.ok ? parsed : no(`${parsed.problem.replace(/; found/, ' or none; found')}`);
    },
  };
}

/** An http(s) address. */
export const url: ValueKind<string> = {
  metavar: 'URL',
  parse(t) {
    try {
      const u = new URL(t.trim());
      if (u.protocol === 'https:' || u.protocol === 'http:') return ok(t.trim());
    } catch {
      // not a URL: said below
    }
    return no(`expected an address starting with https://; ${found(t)}`);
  },
};

const NOT_OUTPUT = /\.(xls|xlsm|xlsb|ods|numbers|csv|json|txt|html?)$/i;

/** Where a command writes a workbook: a folder (one CSV per tab) or a file ending in .xlsx. */
export const outPath: ValueKind<string> = {
  metavar: '<folder | file.xlsx>',
  parse(t) {
    if (t.trim() === '') return no('expected a folder or a file ending in .xlsx; found nothing');
    if (NOT_OUTPUT.test(t.trim())) return no(`expected a folder (one CSV per tab) or a file ending in .xlsx; found "${t}"`);
    return ok(t);
  },
};
