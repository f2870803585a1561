import { minDec, type Decimal } from '../money';
import { addDays, compareDates, daysBetween, type IsoDate } from '../dates';
import type { Household } from '../types';
import { WASH_WINDOW_DAYS, lotRef, samePurchase, washGroupOf } from '../wash-sales';

/**
 * Wash-sale windows still open on `asOf` (IRC 1091: 30 days before and after a loss sale).
 *  - a recent loss sale: buying the same wash group in any account before `clearOn` washes it;
 *  - a recent purchase: selling a lot of the same group at a loss before `clearOn` is washed by it
 *    (listed only when a taxable lot of that group now shows a loss, where it matters).
 * Every window still open closes within the next 30 days.
 */
export interface WashWindow {
  kind: 'loss-sale' | 'purchase';
  account: string;
  ticker: string;
  washGroup: string;
  /** The sale or purchase date. */
  date: IsoDate;
  /** The first day the window no longer applies (date + 31). */
  clearOn: IsoDate;
  daysLeft: number;
  /** For a loss sale: the loss still deductible if nothing washes it. */
  loss: Decimal | null;
}

export function openWashWindows(household: Household, asOf: IsoDate): WashWindow[] {
  const { securities, accounts, lots, sales } = household;
  const taxable = (name: string) => (accounts.find((a) => a.name === name)?.treatment ?? 'taxable') === 'taxable';
  const open = (date: IsoDate) => {
    const age = daysBetween(date, asOf);
    return age >= 0 && age <= WASH_WINDOW_DAYS;
  };
  const windows: WashWindow[] = [];
  for (const sale of sales) {
    const loss = sale.basis.minus(sale.proceeds);
    if (!taxable(sale.account) || !loss.greaterThan(0) || !open(sale.date)) continue;
    windows.push(windowOf('loss-sale', sale.account, sale.ticker, washGroupOf(sale.ticker, securities), sale.date, asOf, loss.minus(minDec(sale.disallowed, loss))));
  }
  const priceOf = (ticker: string) => securities.find((s) => s.ticker === ticker)?.price ?? null;
  for (const lot of lots) {
    if (!open(lot.acquired) || !lot.shares.greaterThan(0)) continue;
    const group = washGroupOf(lot.ticker, securities);
    const losing = lots.some((other) => {
      if (samePurchase(lotRef(other), lotRef(lot)) || !taxable(other.account)) return false;
      if (washGroupOf(other.ticker, securities) !== group) return false;
      const price = priceOf(other.ticker);
      return price !== null && other.shares.times(price).lessThan(other.basis);
    });
    if (losing) windows.push(windowOf('purchase', lot.account, lot.ticker, group, lot.acquired, asOf, null));
  }
  return windows.sort((a, b) => compareDates(a.clearOn, b.clearOn) || (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
}

function windowOf(kind: WashWindow['kind'], account: string, ticker: string, washGroup: string, date: IsoDate, asOf: IsoDate, loss: Decimal | null): WashWindow {
  const clearOn = addDays(date, WASH_WINDOW_DAYS + 1);
  return { kind, account, ticker, washGroup, date, clearOn, daysLeft: daysBetween(asOf, clearOn), loss };
}
