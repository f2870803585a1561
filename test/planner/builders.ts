import { dec, type DecimalValue } from '../../src/engine/money';
import { isoDate } from '../../src/engine/dates';
import type { Account, AccountType, Household, Lot, Sale, Security, TargetClass } from '../../src/engine/types';
import { account as baseAccount, settings } from '../tax/fixtures';

export const AS_OF = isoDate('2026-11-20');

export function acct(name: string, type: AccountType, cash: DecimalValue = 0, extra: Partial<Account> = {}): Account {
  return { ...baseAccount(name, type, cash), ...extra };
}

export function target(assetClass: string, weight: DecimalValue, band: DecimalValue | null = null, extra: Partial<TargetClass> = {}): TargetClass {
  return { assetClass, target: dec(weight), glide: [], band: band === null ? null : dec(band), absBand: null, location: null, ...extra };
}

export function sec(ticker: string, assetClass: string, price: DecimalValue, extra: Partial<Security> = {}): Security {
  return { ticker, assetClass, price: dec(price), washGroup: ticker, rank: 1, exDividend: null, spread: dec(0), ...extra };
}

export function lot(id: string, account: string, ticker: string, shares: DecimalValue, basis: DecimalValue, acquired: string, extra: Partial<Lot> = {}): Lot {
  return { id, account, ticker, shares: dec(shares), basis: dec(basis), acquired: isoDate(acquired), holdingFrom: null, ...extra };
}

export function sale(account: string, ticker: string, date: string, shares: DecimalValue, proceeds: DecimalValue, basis: DecimalValue, acquired: string | null = null): Sale {
  return { date: isoDate(date), account, ticker, shares: dec(shares), proceeds: dec(proceeds), basis: dec(basis), acquired: acquired ? isoDate(acquired) : null, lot: null, disallowed: dec(0) };
}

export function household(parts: Partial<Household> & Pick<Household, 'accounts' | 'targets' | 'securities' | 'lots'>): Household {
  return {
    sales: [],
    settings: settings({ asOf: AS_OF, lotMethod: 'MinTax', stateRate: dec(0), spread: dec(0), harvestLosses: false }),
    ...parts,
  };
}
