import type { PlanTaxDetail } from './tax/plan-tax-detail';
import type { Decimal } from './money';
import type { IsoDate } from './dates';
import type { LotMethodName } from './types';

export type Term = 'short' | 'long';
export type RebalanceMode = 'threshold' | 'full' | 'cash-only';
export type DriftStatus = 'within' | 'over' | 'under';

/** Options a user can set per run; anything left out comes from Settings. */
export interface PlanOptions {
  /** Cash to add (positive) or withdraw (negative) per account name, on top of the tab's Withdraw. */
  cashFlows?: Record<string, Decimal>;
  mode?: RebalanceMode;
  lotMethod?: LotMethodName;
  band?: Decimal;
  minTrade?: Decimal;
  harvestLosses?: boolean;
  harvestMinLoss?: Decimal;
  gainBudget?: Decimal | null;
  longTermWaitDays?: number;
  /** Lots named by the user for SpecID sales: lot ids in the order to sell. */
  specificLots?: string[];
}

/** One lot (or part of one) taken by a sale. */
export interface LotTaken {
  lot: string;
  acquired: IsoDate;
  shares: Decimal;
  basis: Decimal;
  proceeds: Decimal;
  gain: Decimal;
  term: Term;
}

export type TradeAction = 'BUY' | 'SELL';

/** Why the planner made a trade; the `reason` text says it in words. */
export type TradePurpose = 'cash-flow' | 'withdrawal' | 'rebalance' | 'harvest' | 'harvest-replacement' | 'harvest-gains';

export interface Trade {
  account: string;
  action: TradeAction;
  ticker: string;
  shares: Decimal;
  price: Decimal;
  amount: Decimal;
  lots: LotTaken[];
  shortTermGain: Decimal;
  longTermGain: Decimal;
  /** Estimated tax caused by this trade (negative is a saving). */
  tax: Decimal;
  purpose: TradePurpose;
  /** One short sentence that says why (at most 140 characters): the headline every surface shows. */
  reason: string;
  /** The longer story behind `reason`: lots, rates, buying-low note, wash-sale guidance; one sentence each. */
  details: string[];
}

export interface ClassDrift {
  assetClass: string;
  target: Decimal;
  before: Decimal;
  after: Decimal;
  status: DriftStatus;
  statusAfter: DriftStatus;
}

export interface DeferredSale {
  account: string;
  ticker: string;
  lot: string;
  shares: Decimal;
  longTermOn: IsoDate;
  /** Tax saved by waiting for the long-term rate. */
  taxSaved: Decimal;
  reason: string;
}

export interface PlanSummary {
  trades: number;
  bought: Decimal;
  sold: Decimal;
  shortTermGain: Decimal;
  longTermGain: Decimal;
  estimatedTax: Decimal;
  lossesHarvested: Decimal;
  deferred: number;
  /** Household drift (half the sum of absolute deviations) before and after. */
  driftBefore: Decimal;
  driftAfter: Decimal;
  tradingCost: Decimal;
  /** Under the tax tables (Filing Status set): the federal / NIIT / state parts, marginal rates, 0% room. */
  taxDetail?: PlanTaxDetail;
}

/**
 * Cash added (a deposit, positive) or taken out (a withdrawal, negative) in an account with the
 * plan. Recording books deposits before the trades they fund and withdrawals after the sales that
 * raise them, and takes a withdrawal off the account's Withdraw column so it is not raised twice.
 */
export interface CashFlow {
  account: string;
  amount: Decimal;
  kind: 'deposit' | 'withdrawal';
}

export interface Plan {
  /** Deterministic id: a hash of the workbook content and options. */
  id: string;
  asOf: IsoDate;
  /** The run's deposits and withdrawals; recording the plan books them into account cash. */
  cashFlows: CashFlow[];
  trades: Trade[];
  drift: ClassDrift[];
  deferred: DeferredSale[];
  warnings: string[];
  summary: PlanSummary;
}

/**
 * A plan, or why there is none. `request`: the household and options ask for something no plan
 * can do (a withdrawal larger than the account, cash for an account that does not exist, lots
 * that are not there); each error names the account and the amounts. `final-check`: the plan
 * built failed the checks run on every plan (cash below zero, a wash sale it would create); it
 * is never shown, and property tests prove generated households never reach it.
 */
export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; stage: 'request' | 'final-check'; errors: string[] };

/** Thrown by `planRebalance` when there is no plan to show: the message is the errors, in full. */
export class PlanRefusedError extends Error {
  constructor(
    readonly stage: 'request' | 'final-check',
    readonly errors: string[],
  ) {
    super(errors.join(' '));
    this.name = 'PlanRefusedError';
  }
}
