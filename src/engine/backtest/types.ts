import type { Decimal } from '../money';
import type { LotMethodName } from '../types';
import type { SimulatedHousehold } from '../tax';

/**
 * Types shared by the backtest: a scenario (a sequence of periods with asset returns), the
 * target mix, the policy seam, and the result of one run.
 *
 * Assets are plain names ("stocks", "bonds", or a workbook's asset classes); the scenario maps
 * each to a return per period. All money is Decimal; period returns are Decimal fractions.
 */

/** One asset of the target mix, with its optional bands (fractions, as on the Targets tab). */
export interface MixEntry {
  asset: string;
  /** Target weight as a fraction (0.7 for 70%). The weights of a mix sum to 1. */
  weight: Decimal;
  /** Relative band as a fraction of the target (0.2 = 20%), or null for the policy's default. */
  band: Decimal | null;
  /** Absolute band in fractions of the portfolio (0.05 = 5 points), or null for the default. */
  absBand: Decimal | null;
}

export interface Period {
  /** "1987", "month 14", "year 3": shown in charts and errors. */
  label: string;
  /** Return of each asset over the period, as a fraction (0.08 = +8%). */
  returns: Readonly<Record<string, Decimal>>;
}

export interface Scenario {
  label: string;
  /** 1 for annual data, 12 for monthly paths. Must divide 12. */
  periodsPerYear: number;
  periods: readonly Period[];
}

/** Lot methods the backtest implements (a subset of the workbook's; SpecID/LIFO are not simulated). */
export type BacktestLotMethod = Extract<LotMethodName, 'FIFO' | 'HIFO' | 'MinTax'>;
export const BACKTEST_LOT_METHODS: readonly BacktestLotMethod[] = ['FIFO', 'HIFO', 'MinTax'];

export interface TaxSetup {
  /** Taxable account: sales realize gains. False = tax-advantaged: no tax at all. */
  taxable: boolean;
  shortTermRate: Decimal;
  longTermRate: Decimal;
  lotMethod: BacktestLotMethod;
  /** Where the tax bill is paid from: sold out of the portfolio (default), or paid from outside. */
  payFrom: 'portfolio' | 'outside';
  /**
   * Filing Status set: each simulated year's gains are priced with the published tables and the
   * household's incomes (`simulatedYearTax`; the rates above then only order lots). Absent: the
   * flat rates above, exactly as before.
   */
  household?: SimulatedHousehold;
}

export interface BacktestOptions {
  startValue: Decimal;
  mix: readonly MixEntry[];
  tax: TaxSetup;
  /**
   * Cash added (positive) or withdrawn (negative) at the end of each period, after returns,
   * indexed by period; missing entries are 0. A withdrawal larger than the portfolio takes all of it.
   */
  cashFlows?: readonly Decimal[];
}

/** One tax lot as a policy sees it. `acquired` is the period index (0 = the starting purchase). */
export interface LotView {
  asset: string;
  acquired: number;
  shares: Decimal;
  basis: Decimal;
  value: Decimal;
  /** The term a sale at the end of this period would have. */
  termIfSoldNow: 'short' | 'long';
}

/**
 * What a policy is given at the end of each period: the portfolio after the period's returns,
 * the cash flow to place, and (for a tax-aware planner) the lots and tax rates.
 */
export interface PolicyView {
  /** 1-based index of the period that just ended. */
  period: number;
  periodCount: number;
  periodsPerYear: number;
  mix: readonly MixEntry[];
  /** Dollar value of each asset after the period's returns, before the cash flow. */
  holdings: Readonly<Record<string, Decimal>>;
  /** Price of one share of each asset's index (1 at the start, compounded by the returns). */
  prices: Readonly<Record<string, Decimal>>;
  total: Decimal;
  /** Cash to place this period: positive to invest, negative to raise. */
  flow: Decimal;
  /** The lots now held (built on request: most policies never look). */
  lots(): readonly LotView[];
  tax: TaxSetup;
  /** Gains realized so far in this simulated tax year (taxable accounts), before this period's trades. */
  realizedThisYear?: { shortTerm: Decimal; longTerm: Decimal };
}

/**
 * A policy's answer: signed dollar trades per asset (buy positive, sell negative). Their sum
 * must equal the view's `flow` (money neither appears nor vanishes); `rebalance` says whether
 * the policy traded to restore the mix (counted as a rebalance) rather than only to place cash.
 */
export interface PolicyDecision {
  trades: Readonly<Record<string, Decimal>>;
  rebalance: boolean;
  /**
   * Lots a tax-aware policy chose for its sales, per asset, taken first and in this order; any
   * rest of a sale is taken by the tax setup's lot method. Absent: the lot method picks.
   */
  lotsToSell?: Readonly<Record<string, readonly LotPick[]>>;
}

/** Part of one lot chosen for a sale: the lot is named by its acquisition period. */
export interface LotPick {
  acquired: number;
  shares: Decimal;
}

/**
 * The seam every policy plugs into (the cvxportfolio lesson: a policy is an object with one
 * method; one simulator runs them all). The project's tax-aware planner will implement this
 * too, reading `view.lots` and `view.tax`.
 */
export interface Policy {
  /** Short name used in tables and JSON ("never", "annual", "threshold"...). */
  name: string;
  /** A sentence on what it does, including any caveat on this data's frequency. */
  description: string;
  decide(view: PolicyView): PolicyDecision;
}

export interface DriftMeasure {
  /** Half the sum of absolute weight deviations: the share of the portfolio in the wrong place. */
  total: Decimal;
  /** Largest single-asset absolute deviation from target. */
  maxAsset: Decimal;
}

export interface BacktestResult {
  policy: string;
  scenario: string;
  startValue: Decimal;
  /** Portfolio value at the end, after taxes paid along the way, before liquidation. */
  endingValue: Decimal;
  /** Ending value less the tax a sale of everything would realize (equal to it when not taxable). */
  endingValueAfterTax: Decimal;
  liquidationTax: Decimal;
  /** Taxes on gains realized during the run (not counting liquidation). */
  taxesPaid: Decimal;
  /** Time-weighted: geometric mean of period returns (net of tax paid from the portfolio), annualized. */
  annualizedReturn: Decimal;
  /** Sample standard deviation of period returns times the square root of periods per year. */
  volatility: Decimal;
  /** Largest fall of the time-weighted wealth index from a previous peak (0.25 = 25%). */
  maxDrawdown: Decimal;
  /** Largest drift seen, measured after returns and before trading each period. */
  maxDrift: DriftMeasure;
  rebalances: number;
  /** Sum of |trades| over the run divided by the average period-end value. */
  turnover: Decimal;
  /** Period-end values: index 0 is the start, then one per period. */
  values: Decimal[];
  /** Drift before trading in each period (index 0 is the start, at target: 0). */
  drift: Decimal[];
  /** Period returns as used for the statistics. */
  periodReturns: Decimal[];
}
