import { Decimal, ZERO } from './money';
import { daysBetween, type IsoDate } from './dates';
import type { TargetClass } from './types';

export interface TargetInForce {
  assetClass: string;
  /** Target weight as a fraction of the household. */
  target: Decimal;
}

/**
 * The target each class has on `asOf`. Dated columns (`Target 2030-01-01`, ...) form a glide
 * path: between two dates the target moves linearly by day; before the first date the first
 * dated target holds and after the last the last holds. The plain `Target` column is used when
 * a class has no dated targets. Because every dated column sums to 100% (checked by the reader),
 * any blend of two neighbouring columns sums to 100% too.
 */
export function targetsOn(targets: readonly TargetClass[], asOf: IsoDate | null): TargetInForce[] {
  return targets.map((t) => ({ assetClass: t.assetClass, target: targetOn(t, asOf) }));
}

function targetOn(t: TargetClass, asOf: IsoDate | null): Decimal {
  if (t.glide.length === 0 || asOf === null) return t.target ?? t.glide[0]?.target ?? ZERO;
  const points = t.glide;
  if (asOf <= points[0].date) return points[0].target;
  const last = points[points.length - 1];
  if (asOf >= last.date) return last.target;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (asOf <= b.date) {
      const fraction = new Decimal(daysBetween(a.date, asOf)).div(daysBetween(a.date, b.date));
      return a.target.plus(b.target.minus(a.target).times(fraction));
    }
  }
  return last.target;
}
