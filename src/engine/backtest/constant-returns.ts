import { Decimal, ONE } from '../money';
import type { Period, Scenario } from './types';

/**
 * A scenario where every asset earns the same annual return every year. With more than one
 * period a year, each period earns the compounding-equivalent rate (1 + r)^(1/periodsPerYear) - 1,
 * so a year still multiplies by exactly 1 + r (to 34 digits).
 */
export function constantReturnsScenario(
  annualReturns: Readonly<Record<string, Decimal>>,
  years: number,
  periodsPerYear = 1,
): Scenario {
  const perPeriod: Record<string, Decimal> = {};
  for (const [asset, r] of Object.entries(annualReturns)) {
    perPeriod[asset] = periodsPerYear === 1 ? r : r.plus(ONE).pow(new Decimal(1).div(periodsPerYear)).minus(ONE);
  }
  const periods: Period[] = [];
  for (let i = 1; i <= years * periodsPerYear; i += 1) {
    periods.push({ label: periodsPerYear === 1 ? `year ${i}` : `period ${i}`, returns: perPeriod });
  }
  const list = Object.entries(annualReturns)
    .map(([asset, r]) => `${asset} ${r.times(100).toFixed()}%`)
    .join(', ');
  return { label: `constant ${list} for ${years} years`, periodsPerYear, periods };
}
