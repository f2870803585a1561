import { dec, type DecimalValue } from '../../src/engine/money';
import { isoDate, type IsoDate } from '../../src/engine/dates';
import { ACCOUNT_TREATMENT, type Account, type AccountType, type Household, type Lot, type Sale, type Security, type Settings } from '../../src/engine/types';
import { defaultSettings } from '../../src/engine/settings-defaults';

export const d = isoDate;


export function settings(overrides: Partial<Settings> = {}): Settings {
  // The product's defaults, with FIFO and a 5% state rate so the worked examples exercise both.
  return { ...defaultSettings(), lotMethod: 'FIFO', stateRate: dec('0.05'), ...overrides };
}

export function account(name: string, type: AccountType = 'Taxable', cash: DecimalValue = 0): Account {
  return {
    name, type, treatment: ACCOUNT_TREATMENT[type], cash: dec(cash), reserve: dec(0), withdraw: dec(0),
    allowed: null, fractional: false, drip: false,
  };
}

export function security(ticker: string, price: DecimalValue, washGroup = ticker): Security {
  return { ticker, assetClass: 'US Stocks', price: dec(price), washGroup, rank: 1, exDividend: null, spread: null };
}

export function lot(
  id: string, accountName: string, ticker: string, shares: DecimalValue, basis: DecimalValue, acquired: string,
  holdingFrom: string | null = null,
): Lot {
  return {
    id, account: accountName, ticker, shares: dec(shares), basis: dec(basis), acquired: d(acquired),
    holdingFrom: holdingFrom === null ? null : d(holdingFrom),
  };
}

export function sale(fields: {
  date: string; account: string; ticker: string; shares: DecimalValue; proceeds: DecimalValue; basis: DecimalValue;
  acquired?: string | null; lot?: string | null; disallowed?: DecimalValue;
}): Sale {
  return {
    date: d(fields.date), account: fields.account, ticker: fields.ticker, shares: dec(fields.shares),
    proceeds: dec(fields.proceeds), basis: dec(fields.basis),
    acquired: fields.acquired == null ? null : d(fields.acquired), lot: fields.lot ?? null,
    disallowed: dec(fields.disallowed ?? 0),
  };
}

export function household(parts: Partial<Household> = {}): Household {
  return {
    accounts: parts.accounts ?? [account('Taxable', 'Taxable', 100_000)],
    targets: parts.targets ?? [],
    securities: parts.securities ?? [security('X', 10)],
    lots: parts.lots ?? [],
    sales: parts.sales ?? [],
    settings: parts.settings ?? settings(),
  };
}

/** Plain strings for deep comparisons and readable failures. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

export type { IsoDate };
