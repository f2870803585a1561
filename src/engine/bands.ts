import { Decimal, ONE } from './money';
import type { DriftStatus } from './plan-types';

/** Band settings for one class: its own, else the Settings default, else 10% relative. */
export interface BandRule {
  /** Relative band as a fraction of the target (0.1 = 10%), or null. */
  relative: Decimal | null;
  /** Absolute band in weight (0.05 = 5 points), or null. */
  absolute: Decimal | null;
}

export interface Band {
  lower: Decimal;
  upper: Decimal;
  /** Which rule set the limits: the narrower one applies when a class has both. */
  kind: 'relative' | 'absolute';
  rule: BandRule;
}

export const DEFAULT_RELATIVE_BAND = new Decimal('0.1');

export function bandRule(
  own: BandRule,
  defaults: BandRule,
): BandRule {
  if (own.relative !== null || own.absolute !== null) return own;
  if (defaults.relative !== null || defaults.absolute !== null) return defaults;
  return { relative: DEFAULT_RELATIVE_BAND, absolute: null };
}

/**
 * The weights a class may drift between. With both a relative and an absolute rule, the
 * narrower band applies: a class is out of band as soon as either rule is crossed (the
 * "5/25" style of threshold rebalancing). Example: a 30% target with a 10% relative band
 * triggers above 33% or below 27%.
 */
export function bandFor(target: Decimal, rule: BandRule): Band {
  const relativeWidth = rule.relative === null ? null : target.times(rule.relative);
  const absoluteWidth = rule.absolute;
  let width: Decimal;
  let kind: Band['kind'];
  if (relativeWidth !== null && (absoluteWidth === null || relativeWidth.lte(absoluteWidth))) {
    width = relativeWidth;
    kind = 'relative';
  } else {
    width = absoluteWidth ?? target.times(DEFAULT_RELATIVE_BAND);
    kind = 'absolute';
  }
  const lower = Decimal.max(target.minus(width), 0);
  const upper = Decimal.min(target.plus(width), ONE);
  return { lower, upper, kind, rule };
}

export function statusIn(weight: Decimal, band: Band): DriftStatus {
  if (weight.greaterThan(band.upper)) return 'over';
  if (weight.lessThan(band.lower)) return 'under';
  return 'within';
}
