import type { Decimal } from './money';
import type { IsoDate } from './dates';

/** How the tax code treats an account's gains. */
export type TaxTreatment = 'taxable' | 'deferred' | 'exempt';

export const ACCOUNT_TYPES = [
  'Taxable',
  'Traditional IRA',
  'Roth IRA',
  '401(k)',
  'Roth 401(k)',
  '403(b)',
  '457(b)',
  'SEP IRA',
  'SIMPLE IRA',
  'HSA',
  '529',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/**
 * How each account type is taxed. Qualified Roth distributions, HSA withdrawals for medical costs
 * and 529 withdrawals for education are tax-free (IRC 408A, 223, 529); traditional plans defer
 * tax until withdrawal.
 */
export const ACCOUNT_TREATMENT: Record<AccountType, TaxTreatment> = {
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

export interface Account {
  name: string;
  type: AccountType;
  treatment: TaxTreatment;
  /** Uninvested cash now. */
  cash: Decimal;
  /** Cash to keep uninvested. */
  reserve: Decimal;
  /** Cash to raise for a withdrawal. */
  withdraw: Decimal;
  /** Tickers this account may buy (a 401(k) menu); null means any. Upper-case. */
  allowed: string[] | null;
  fractional: boolean;
  /** Dividends reinvested automatically (each reinvestment is a purchase for wash sales). */
  drip: boolean;
}

/** A dated target column of the Targets tab (`Target 2030-01-01`). */
export interface GlidePoint {
  date: IsoDate;
  target: Decimal;
}

export interface TargetClass {
  assetClass: string;
  /** The undated `Target` column, as a fraction (0.3 for 30%); null when only dated targets exist. */
  target: Decimal | null;
  /** Dated targets, sorted by date; empty when the tab has no dated columns. */
  glide: GlidePoint[];
  /** Relative band as a fraction of target (0.1 = 10%), or null for the default. */
  band: Decimal | null;
  /** Absolute band as a fraction of the portfolio (0.05 = 5 points), or null for the default. */
  absBand: Decimal | null;
  /** Preferred tax treatments for buying this class, in order; null for the default. */
  location: TaxTreatment[] | null;
}

export interface Security {
  ticker: string;
  assetClass: string;
  price: Decimal;
  /** Substantially identical securities share a group (IRC 1091); default the ticker. */
  washGroup: string;
  /** Buy preference within the class: 1 primary, 2 the harvest replacement, ... */
  rank: number;
  exDividend: IsoDate | null;
  /** Expected trading cost as a fraction of the amount, or null for the Settings default. */
  spread: Decimal | null;
}

export interface Lot {
  /** Stable id: the `Lot` column, or `<account>/<ticker>/<acquired>/<row>` when absent. */
  id: string;
  account: string;
  ticker: string;
  shares: Decimal;
  /** Total cost basis in dollars (including any wash-sale adjustment). */
  basis: Decimal;
  acquired: IsoDate;
  /** Adjusted holding-period start (after a wash sale), overriding `acquired` for the term. */
  holdingFrom: IsoDate | null;
}

export interface Sale {
  date: IsoDate;
  account: string;
  ticker: string;
  shares: Decimal;
  proceeds: Decimal;
  basis: Decimal;
  /** The sold shares' acquisition date (or their holding-period start); null if unknown. */
  acquired: IsoDate | null;
  lot: string | null;
  /** Loss disallowed so far by wash sales (a positive number). */
  disallowed: Decimal;
}

export const LOT_METHODS = ['MinTax', 'HIFO', 'FIFO', 'LIFO', 'SpecID'] as const;
export type LotMethodName = (typeof LOT_METHODS)[number];

export const SCHEDULES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** Federal filing statuses (IRC 1(a)-(d)); a qualifying surviving spouse files with the joint table. */
export const FILING_STATUSES = ['Single', 'Married Filing Jointly', 'Married Filing Separately', 'Head of Household'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export interface Settings {
  asOf: IsoDate | null;
  shortTermRate: Decimal;
  longTermRate: Decimal;
  stateRate: Decimal;
  lotMethod: LotMethodName;
  band: Decimal;
  absBand: Decimal | null;
  minTrade: Decimal;
  harvestLosses: boolean;
  harvestMinLoss: Decimal;
  gainBudget: Decimal | null;
  longTermWaitDays: number;
  stLossCarryforward: Decimal;
  ltLossCarryforward: Decimal;
  spread: Decimal;
  schedule: Schedule;
  overrideThreshold: Decimal;
  automation: 'notify' | 'auto-plan';
  notify: 'always' | 'action';
  email: string | null;
  cpaEmail: string | null;
  cpaThreshold: Decimal | null;
  slackWebhook: string | null;
  /** A Make, Zapier or n8n webhook that receives each event as JSON (notify/webhook-payload.ts). */
  webhookUrl: string | null;
  /** Set: tax comes from the year's federal tables; null: the flat rates above. */
  filingStatus: FilingStatus | null;
  /** Adjusted gross income before capital gains (wages, interest, all dividends, IRA distributions...). */
  income: Decimal;
  /** Deductions from AGI; null means the standard deduction for the year and status. */
  deductions: Decimal | null;
  /** The part of the dividends in Income that is qualified (taxed like long-term gains). */
  qualifiedDividends: Decimal;
  /** Interest and dividends counted as net investment income for NIIT (IRC 1411). */
  investmentIncome: Decimal;
  /** Realize long-term gains inside the 0% bracket and buy them back at once. */
  harvestGains: boolean;
  /**
   * Not a workbook setting: the year whose tables price the household when it is not the As Of
   * year. Only the backtest sets it, for simulated years after the last published table.
   */
  taxTableYear?: number;
}

/** Everything the engine knows about one household, validated. */
export interface Household {
  accounts: Account[];
  targets: TargetClass[];
  securities: Security[];
  lots: Lot[];
  sales: Sale[];
  settings: Settings;
}

/** Where a value came from, so every message can name tab, row (as the sheet numbers it) and column. */
export interface CellRef {
  tab: string;
  row: number;
  column: string;
}

export interface WorkbookIssue extends CellRef {
  message: string;
}
