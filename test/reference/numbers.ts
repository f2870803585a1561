import DecimalJs from 'decimal.js';

/**
 * The reference checker's own arithmetic: a private decimal.js clone with more digits than the
 * engine's, so a rounding shortcut in the engine shows up as a difference instead of agreeing
 * with itself. Inputs from engine types are converted through their string form.
 */
export const R = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
export type R = InstanceType<typeof R>;

export const r = (value: { toString(): string } | number | string): R => new R(value.toString());
export const rsum = (values: readonly R[]): R => values.reduce((a, b) => a.plus(b), new R(0));
export const cents = (value: R): R => value.toDecimalPlaces(2, R.ROUND_HALF_UP);
