import { Decimal, ZERO } from './money';
import type { Household, Security } from './types';

/** The class name used for uninvested account cash when Targets has no class of its own for it. */
export const CASH_CLASS = 'Cash';

export function isCashClass(assetClass: string): boolean {
  return assetClass.trim().toLowerCase() === 'cash';
}

export function securityIndex(securities: readonly Security[]): Map<string, Security> {
  return new Map(securities.map((s) => [s.ticker, s]));
}

/** Market value per account, per asset class; account cash is counted under the cash class. */
export interface Holdings {
  /** account -> asset class -> value */
  byAccount: Map<string, Map<string, Decimal>>;
  byClass: Map<string, Decimal>;
  total: Decimal;
  cashClass: string;
  /**
   * Cash held back on purpose: each account's Reserve, as far as its cash covers it. When Cash
   * has no target of its own, targets apply to the household less this (see `targetBase`).
   */
  reservedCash: Decimal;
  /** True when the Targets tab has a Cash class: then cash is a class like any other. */
  cashTargeted: boolean;
}

export function cashClassName(household: Pick<Household, 'targets'>): string {
  return household.targets.find((t) => isCashClass(t.assetClass))?.assetClass ?? CASH_CLASS;
}

export function valueHoldings(household: Household): Holdings {
  const securities = securityIndex(household.securities);
  const cashClass = cashClassName(household);
  const byAccount = new Map<string, Map<string, Decimal>>();
  const byClass = new Map<string, Decimal>();
  const add = (account: string, assetClass: string, value: Decimal) => {
    const classes = byAccount.get(account) ?? new Map<string, Decimal>();
    classes.set(assetClass, (classes.get(assetClass) ?? ZERO).plus(value));
    byAccount.set(account, classes);
    byClass.set(assetClass, (byClass.get(assetClass) ?? ZERO).plus(value));
  };
  for (const account of household.accounts) {
    byAccount.set(account.name, new Map());
    if (!account.cash.isZero()) add(account.name, cashClass, account.cash);
  }
  for (const lot of household.lots) {
    const security = securities.get(lot.ticker);
    if (!security) throw new Error(`Lot ${lot.id}: ticker ${lot.ticker} is not on the Securities tab`);
    add(lot.account, security.assetClass, lot.shares.times(security.price));
  }
  let total = ZERO;
  for (const value of byClass.values()) total = total.plus(value);
  const cashTargeted = household.targets.some((t) => isCashClass(t.assetClass));
  let reservedCash = ZERO;
  if (!cashTargeted) {
    for (const a of household.accounts) reservedCash = reservedCash.plus(Decimal.max(ZERO, Decimal.min(a.cash, a.reserve)));
  }
  return { byAccount, byClass, total, cashClass, reservedCash, cashTargeted };
}

/**
 * The dollars targets apply to: the whole household, less the cash reserves the user keeps on
 * purpose when Cash has no target row. A $2,000 emergency reserve then does not make every class
 * look underweight, and a plan can bring every class to target while keeping it.
 */
export function targetBase(holdings: Pick<Holdings, 'total' | 'reservedCash'>): Decimal {
  return holdings.total.minus(holdings.reservedCash);
}
