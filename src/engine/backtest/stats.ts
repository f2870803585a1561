import { Decimal, ZERO, ONE, maxDec } from '../money';
import type { DriftMeasure, MixEntry } from './types';

/**
 * Statistics of a run. All in Decimal (Decimal has sqrt and fractional pow), so a result is
 * the same on every machine.
 */

/** Geometric mean of period returns, annualized: (prod(1 + r))^(periodsPerYear / n) - 1. */
export function annualizedReturn(periodReturns: readonly Decimal[], periodsPerYear: number): Decimal {
  if (periodReturns.length === 0) return ZERO;
  const growth = periodReturns.reduce((acc, r) => acc.times(ONE.plus(r)), ONE);
  if (!growth.greaterThan(0)) return ONE.neg();
  return growth.pow(new Decimal(periodsPerYear).div(periodReturns.length)).minus(ONE);
}

/** Sample standard deviation (n - 1) of period returns times sqrt(periods per year); 0 for fewer than two. */
export function annualizedVolatility(periodReturns: readonly Decimal[], periodsPerYear: number): Decimal {
  const n = periodReturns.length;
  if (n < 2) return ZERO;
  const mean = periodReturns.reduce((acc, r) => acc.plus(r), ZERO).div(n);
  const squares = periodReturns.reduce((acc, r) => acc.plus(r.minus(mean).pow(2)), ZERO);
  return squares.div(n - 1).sqrt().times(new Decimal(periodsPerYear).sqrt());
}

/** Largest fall from a running peak of the wealth index built from period returns (start = 1). */
export function maxDrawdown(periodReturns: readonly Decimal[]): Decimal {
  let wealth = ONE;
  let peak = ONE;
  let worst = ZERO;
  for (const r of periodReturns) {
    wealth = wealth.times(ONE.plus(r));
    peak = maxDec(peak, wealth);
    worst = maxDec(worst, ONE.minus(wealth.div(peak)));
  }
  return worst;
}

/** Drift of holdings from the mix: half the sum of |weight - target|, and the largest single |weight - target|. */
export function measureDrift(mix: readonly MixEntry[], holdings: readonly Decimal[], total: Decimal): DriftMeasure {
  if (!total.greaterThan(0)) return { total: ZERO, maxAsset: ZERO };
  let sumAbs = ZERO;
  let maxAsset = ZERO;
  mix.forEach((entry, i) => {
    const deviation = holdings[i].div(total).minus(entry.weight).abs();
    sumAbs = sumAbs.plus(deviation);
    maxAsset = maxDec(maxAsset, deviation);
  });
  return { total: sumAbs.div(2), maxAsset };
}

/**
 * Percentile by linear interpolation between closest ranks (the "type 7" rule of R and NumPy's
 * default): p = 0.5 is the median. Input need not be sorted.
 */
export function percentile(values: readonly Decimal[], p: number): Decimal {
  if (values.length === 0) return ZERO;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  // In Decimal, so 88 x 0.9 is 79.2 and not 79.20000000000000284.
  const h = new Decimal(sorted.length - 1).times(p);
  const lo = h.floor().toNumber();
  const hi = Math.min(lo + 1, sorted.length - 1);
  const frac = h.minus(lo);
  return sorted[lo].plus(sorted[hi].minus(sorted[lo]).times(frac));
}
