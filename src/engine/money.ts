import DecimalBase from 'decimal.js';

/**
 * The engine's own Decimal: 34 significant digits (IEEE 754 decimal128 precision) and
 * banker's-free half-up rounding. A private clone so nothing else in the page or bundle can
 * change our precision through the global `Decimal.set`.
 *
 * Rounding rule (written down once, applied only at the edges):
 *  - dollars shown or written to a sheet: 2 places, ROUND_HALF_UP (`roundCents`);
 *  - shares: whole shares round DOWN when buying (never spend cash we lack) and are taken as
 *    held when selling; fractional accounts keep 6 places, also rounded down (`floorShares`);
 *  - everything inside the engine stays unrounded.
 */
export const Decimal = DecimalBase.clone({ precision: 34, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalValue = Decimal | string | number;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

export function dec(value: DecimalValue): Decimal {
  return new Decimal(value);
}

export function roundCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Shares an order may carry: whole shares, or 6 places where the account trades fractions. */
export function floorShares(value: Decimal, fractional: boolean): Decimal {
  return value.toDecimalPlaces(fractional ? 6 : 0, Decimal.ROUND_DOWN);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

export function sumBy<T>(items: readonly T[], value: (item: T) => Decimal): Decimal {
  return items.reduce((acc, item) => acc.plus(value(item)), ZERO);
}

export function minDec(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function maxDec(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

/** Plain decimal string for machine output: no exponent, trailing zeros trimmed. */
export function toPlain(value: Decimal): string {
  const s = value.toFixed();
  return s === '-0' ? '0' : s;
}

/** `$1,234.56` (or `-$1,234.56`), rounded half-up to cents, for reasons and tables. */
export function formatDollars(value: Decimal, places = 2): string {
  const rounded = value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const negative = rounded.lessThan(0) && !rounded.isZero();
  const [whole, frac] = rounded.abs().toFixed(places).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}${frac ? `.${frac}` : ''}`;
}

/** A fraction as percent text: 0.305 -> "30.5%". */
export function formatPercent(fraction: Decimal, places = 1): string {
  return `${fraction.times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places)}%`;
}
