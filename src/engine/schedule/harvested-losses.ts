import { ZERO, minDec, type Decimal } from '../money';
import { yearOf } from '../dates';
import type { Account, Sale } from '../types';

/**
 * Losses realized this year in taxable accounts, as the CPA will see them: each loss sale's loss
 * minus the part wash sales disallowed (IRC 1091(a)). Gains are not netted here: the note tells
 * the CPA how much loss was harvested, not the year's net result.
 */
export function lossesHarvestedIn(year: number, sales: readonly Sale[], accounts: readonly Account[]): Decimal {
  let total = ZERO;
  for (const sale of sales) {
    if (yearOf(sale.date) !== year) continue;
    const treatment = accounts.find((a) => a.name === sale.account)?.treatment ?? 'taxable';
    if (treatment !== 'taxable') continue;
    const loss = sale.basis.minus(sale.proceeds);
    if (!loss.greaterThan(0)) continue;
    total = total.plus(loss.minus(minDec(sale.disallowed, loss)));
  }
  return total;
}
