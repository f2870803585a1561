import { Decimal, ZERO, roundCents } from './money';

/**
 * Splits a dollar total over parts in proportion to `weights`, each part rounded to cents and
 * the last part taking what is left, so the parts always add back to the total exactly.
 */
export function allocateCents(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  const whole = weights.reduce((acc, w) => acc.plus(w), ZERO);
  const parts: Decimal[] = [];
  let left = total;
  weights.forEach((weight, i) => {
    if (i === weights.length - 1 || whole.isZero()) {
      parts.push(i === weights.length - 1 ? left : ZERO);
      return;
    }
    const part = roundCents(total.times(weight).dividedBy(whole));
    parts.push(part);
    left = left.minus(part);
  });
  return parts;
}

/** The cents-rounded share of `total` that `part` of `whole` carries. */
export function prorateCents(total: Decimal, part: Decimal, whole: Decimal): Decimal {
  if (part.equals(whole)) return total;
  return roundCents(total.times(part).dividedBy(whole));
}
