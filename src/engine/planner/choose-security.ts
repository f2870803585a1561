import { daysBetween } from '../dates';
import type { Security } from '../types';
import type { WorkingState } from './state';

export interface SecurityChoice {
  security: Security;
  /** Why better-ranked securities were passed over, for the trade's details. */
  notes: string[];
}

/**
 * The security to buy for a class in an account: the best-ranked one the account's menu allows
 * whose purchase would not wash a loss (Pub. 550: a purchase within 30 days after a loss sale of
 * a substantially identical security, in any account, washes it). In a taxable account a fund
 * about to go ex-dividend is passed over when another will do: buying just before the
 * ex-dividend date buys a taxable dividend (a return of your own money, taxed).
 */
export function chooseSecurityToBuy(state: WorkingState, account: string, assetClass: string, excludeGroups: ReadonlySet<string> = new Set()): SecurityChoice | null {
  const { context } = state;
  const a = context.accounts.get(account)!;
  const notes: string[] = [];
  const usable: Security[] = [];
  for (const s of context.securitiesByClass.get(assetClass) ?? []) {
    if (a.allowed !== null && !a.allowed.includes(s.ticker)) continue;
    if (!s.price.greaterThan(0) || excludeGroups.has(s.washGroup)) continue;
    if (state.lossGroups.has(s.washGroup)) {
      notes.push(`${s.ticker} is not bought: this plan realizes a loss in it (or a substantially identical fund), which the purchase would wash`);
      continue;
    }
    const recentLoss = context.recentLossGroups.get(s.washGroup);
    if (recentLoss) {
      notes.push(`${s.ticker} is not bought: a loss realized on ${recentLoss} would be washed (IRC 1091, 30 days)`);
      continue;
    }
    usable.push(s);
  }
  if (usable.length === 0) return null;
  if (a.treatment === 'taxable') {
    const soon = (s: Security) => {
      if (!s.exDividend) return false;
      const days = daysBetween(context.asOf, s.exDividend);
      return days >= 0 && days <= context.options.exDividendWindowDays;
    };
    const clear = usable.find((s) => !soon(s));
    if (clear && clear !== usable[0]) {
      const skipped = usable.filter((s) => soon(s) && usable.indexOf(s) < usable.indexOf(clear));
      for (const s of skipped) notes.push(`${s.ticker} goes ex-dividend on ${s.exDividend}: buying it now in a taxable account would buy a taxable dividend, so ${clear.ticker} is bought instead`);
      return { security: clear, notes };
    }
  }
  return { security: usable[0], notes };
}
