import { dec, type DecimalValue } from '../../src/engine/money';
import { isoDate, type IsoDate } from '../../src/engine/dates';
import type { Account, AccountType, Household, Lot, Sale, Security, Settings, TaxTreatment } from '../../src/engine/types';

export const d = isoDate;

const TREATMENT: Record<AccountType, TaxTreatment> = {
  Taxable: 'taxable',
  'Traditional IRA': 'deferred',
  'Roth IRA': 'exempt',
  '401(k)': 'deferred',
  'Roth 401(k)': 'exempt',
  '403(b)': 'deferred',
  '457(b)': 'deferred',
  'SEP IRA': 'deferred',
  'SIMPLE IRA': 'deferred',
  HSA: 'exempt',
  '529': 'exempt',
};

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    asOf: null,
    shortTermRate: dec('0.37'),
    longTermRate: dec('0.20'),
    stateRate: dec('0.05'),
    lotMethod: 'FIFO',
    band: dec('0.1'),
    absBand: null,
    minTrade: dec(100),
    harvestLosses: true,
    harvestMinLoss: dec(500),
    gainBudget: null,
    longTermWaitDays: 30,
    stLossCarryforward: dec(0),
    ltLossCarryforward: dec(0),
    spread: dec('0.0002'),
    schedule: 'monthly',
    overrideThreshold: dec('0.2'),
    automation: 'notify',
    notify: 'action',
    email: null,
    cpaEmail: null,
    cpaThreshold: null,
    slackWebhook: null,
    ...overrides,
  };
}

export function account(name: string, type: AccountType = 'Taxable', cash: DecimalValue = 0): Account {
  return {
    name, type, treatment: TREATMENT[type], cash: dec(cash), reserve: dec(0), withdraw: dec(0),
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
