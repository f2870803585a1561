import { Decimal, ZERO, ONE } from '../money';
import { addDays, addMonths, isoDate, yearOf, type IsoDate } from '../dates';
import { isCashClass } from '../valuation';
import { bandFor, bandRule, statusIn } from '../bands';
import { planRebalance } from '../planner';
import { defaultSettings } from '../settings-defaults';
import type { Plan } from '../plan-types';
import { simulatedTaxYear } from '../tax';
import type { Account, Household, Lot, Sale, Security, Settings, TargetClass } from '../types';
import type { BandDefaults } from './policies';
import type { LotPick, MixEntry, Policy, PolicyDecision, PolicyView } from './types';

/**
 * "The planner" as a backtest policy: each period the project's own engine (`planRebalance`,
 * threshold mode) looks at the simulated portfolio as if it were a one-account household and
 * decides the trades with its tax rules: lots by the lot method, losses and long-term gains before
 * short-term ones, a short-term gain about to turn long-term held back. Its trades, and the lots
 * it chose, go back to the simulator, so those decisions show in the backtest's taxes.
 */

export interface PlannerPolicyOptions {
  bands: BandDefaults;
  /** Loss harvesting (off by default: the simulator has one security per asset, so no replacement). */
  harvestLosses: boolean;
  /** Settings `Long-Term Wait Days`: how near long-term a short-term gain is held back. */
  longTermWaitDays: number;
  /** Settings `Min Trade`: smaller trades are skipped (what is left of a flow is placed by weight). */
  minTrade: Decimal;
}

export const DEFAULT_PLANNER_OPTIONS: PlannerPolicyOptions = {
  bands: { band: new Decimal('0.1'), absBand: null },
  harvestLosses: false,
  longTermWaitDays: 30,
  minTrade: ONE,
};

const ACCOUNT = 'Backtest';
/**
 * Every period the planner sees a fresh $100 share of each asset: the simulator's index grows a
 * thousandfold over a century, and the planner's whole-share floors (half a share) are in
 * dollars of price, so a fixed price keeps them at $50 whatever the index has done. Basis is in
 * dollars and unchanged, so gains and terms are exactly the simulator's.
 */
const PLANNER_PRICE = new Decimal(100);
/**
 * Period p ends on the first of the month p x (12 / periods per year) months after this date.
 * Trades fall at the end of a period and the planner's as-of date is the day after, so a lot
 * held 12 months of periods is held more than a year: long-term, as the simulator counts it
 * (`isLongTerm`, Publication 550 "Holding Period").
 */
const FIRST_PERIOD_END = isoDate('2001-01-01');
/** A band no drift can cross: used when the policy's defaults give a class no band at all. */
const NO_BAND = new Decimal(1000);

export function periodEndDate(period: number, periodsPerYear: number, start: IsoDate = FIRST_PERIOD_END): IsoDate {
  return addMonths(start, period * (12 / periodsPerYear));
}

/** The planner's as-of date for the decision at the end of `period`: the day after it ends. */
export function plannerAsOf(period: number, periodsPerYear: number, start: IsoDate = FIRST_PERIOD_END): IsoDate {
  return addDays(periodEndDate(period, periodsPerYear, start), 1);
}

/**
 * Under the tables the planner's calendar must be the simulated tax years, so it prices a sale
 * with the table the simulator will bill it with: periods start on December 1 of the year before
 * the first tax year, so every period of simulated year k (its last included, which the
 * simulator bills with year k) ends, and is decided, within tax year firstYear + k - 1. Dates
 * stay on the 1st and 2nd of months, so holding periods and wash windows come out as with the
 * flat calendar.
 */
function calendarStart(view: PolicyView): IsoDate {
  const household = view.tax.household;
  return household ? isoDate(`${household.firstYear - 1}-12-01`) : FIRST_PERIOD_END;
}

/** Ticker and class of each asset: the planner holds a class named "Cash" as account cash, so that name is avoided. */
function plannerNames(mix: readonly MixEntry[]): { ticker: string; assetClass: string }[] {
  return mix.map((entry, i) => ({
    ticker: `ASSET${i + 1}`,
    assetClass: isCashClass(entry.asset) ? `${entry.asset} (bills)` : entry.asset,
  }));
}

function lotId(assetIndex: number, acquired: number): string {
  return `${assetIndex}/${acquired}`;
}

/** The simulator's state as a one-account household on the period's as-of date. */
export function householdFromView(view: PolicyView, options: PlannerPolicyOptions): Household {
  const start = calendarStart(view);
  const names = plannerNames(view.mix);
  const index = new Map(view.mix.map((e, i) => [e.asset, i]));
  const account: Account = {
    name: ACCOUNT,
    type: view.tax.taxable ? 'Taxable' : 'Traditional IRA',
    treatment: view.tax.taxable ? 'taxable' : 'deferred',
    cash: ZERO,
    reserve: ZERO,
    withdraw: ZERO,
    allowed: null,
    fractional: true,
    drip: false,
  };
  const targets: TargetClass[] = view.mix.map((entry, i) => {
    const own = entry.band !== null || entry.absBand !== null;
    const band = own ? entry.band : options.bands.band;
    const absBand = own ? entry.absBand : options.bands.absBand;
    return {
      assetClass: names[i].assetClass,
      target: entry.weight,
      glide: [],
      band: band === null && absBand === null ? NO_BAND : band,
      absBand,
      location: null,
    };
  });
  const securities: Security[] = names.map((n) => ({
    ticker: n.ticker,
    assetClass: n.assetClass,
    price: PLANNER_PRICE,
    washGroup: n.ticker,
    rank: 1,
    exDividend: null,
    spread: null,
  }));
  const lots: Lot[] = view.lots().map((lot) => {
    const i = index.get(lot.asset)!;
    return {
      id: lotId(i, lot.acquired),
      account: ACCOUNT,
      ticker: names[i].ticker,
      shares: lot.value.div(PLANNER_PRICE),
      basis: lot.basis,
      acquired: periodEndDate(lot.acquired, view.periodsPerYear, start),
      holdingFrom: null,
    };
  });
  const asOf = plannerAsOf(view.period, view.periodsPerYear, start);
  const settings: Settings = {
    ...defaultSettings(),
    asOf,
    shortTermRate: view.tax.shortTermRate,
    longTermRate: view.tax.longTermRate,
    stateRate: ZERO,
    lotMethod: view.tax.lotMethod,
    band: options.bands.band ?? NO_BAND,
    absBand: options.bands.absBand,
    minTrade: options.minTrade,
    harvestLosses: options.harvestLosses,
    longTermWaitDays: options.longTermWaitDays,
    // The simulator charges no trading costs, so the planner should not weigh any.
    spread: ZERO,
    schedule: 'annual',
    ...tableSettings(view, asOf),
  };
  return { accounts: [account], targets, securities, lots, sales: tableSales(view, asOf), settings };
}

/**
 * Filing Status set: the household's tax settings, priced with the table the simulator uses
 * for this year (a year past the last table is planned under the latest one, so its As Of
 * year for tax purposes is that table's, `taxTableYear`).
 */
function tableSettings(view: PolicyView, asOf: IsoDate): Partial<Settings> {
  const h = view.tax.household;
  if (!h) return {};
  return {
    filingStatus: h.filingStatus,
    income: h.income,
    deductions: h.deductions,
    qualifiedDividends: h.qualifiedDividends,
    investmentIncome: h.investmentIncome,
    stateRate: h.stateRate,
    taxTableYear: simulatedTaxYear(h, yearOf(asOf) - h.firstYear + 1).tableYear,
  };
}

/**
 * Under the tables the planner prices each sale after the year's earlier gains, so those are
 * given to it as two Sales rows (short- and long-term) dated January 1 of the year, under a
 * name no security has (so no wash-sale rule reads them).
 */
function tableSales(view: PolicyView, asOf: IsoDate): Sale[] {
  const realized = view.realizedThisYear;
  if (!view.tax.household || !realized) return [];
  const date = isoDate(`${yearOf(asOf)}-01-01`);
  const row = (gain: Decimal, acquired: IsoDate): Sale => ({
    date,
    account: ACCOUNT,
    ticker: YEAR_TO_DATE,
    shares: ONE,
    proceeds: Decimal.max(gain, ZERO),
    basis: Decimal.max(gain.negated(), ZERO),
    acquired,
    lot: null,
    disallowed: ZERO,
  });
  const sales: Sale[] = [];
  if (!realized.shortTerm.isZero()) sales.push(row(realized.shortTerm, date));
  if (!realized.longTerm.isZero()) sales.push(row(realized.longTerm, isoDate(`${yearOf(asOf) - 2}-01-01`)));
  return sales;
}

const YEAR_TO_DATE = '(gains so far this year)';

/**
 * The plan's trades as the simulator's dollar trades and lot picks. Whatever the plan leaves of
 * the cash flow (a deposit below the minimum trade, a withdrawal it would not raise from lots it
 * holds back) is placed as buy-and-hold would: bought at the target weights, or sold pro rata.
 */
export function decisionFromPlan(plan: Plan, view: PolicyView): PolicyDecision {
  const names = plannerNames(view.mix);
  const byTicker = new Map(names.map((n, i) => [n.ticker, i]));
  const trades: Record<string, Decimal> = {};
  const picks: Record<string, LotPick[]> = {};
  const after: Decimal[] = view.mix.map((e) => view.holdings[e.asset]);
  for (const e of view.mix) trades[e.asset] = ZERO;
  let rebalance = false;
  for (const trade of plan.trades) {
    const i = byTicker.get(trade.ticker)!;
    const asset = view.mix[i].asset;
    // shares x the planner's price, not the cent-rounded amount: the simulator is exact.
    const dollars = trade.shares.times(trade.price);
    if (trade.purpose === 'rebalance' || trade.purpose === 'harvest') rebalance = true;
    if (trade.action === 'BUY') {
      trades[asset] = trades[asset].plus(dollars);
      after[i] = after[i].plus(dollars);
      continue;
    }
    trades[asset] = trades[asset].minus(dollars);
    after[i] = after[i].minus(dollars);
    const price = view.prices[asset];
    for (const taken of trade.lots) {
      const acquired = Number(taken.lot.slice(taken.lot.indexOf('/') + 1));
      // Planner shares are dollars / $100; the simulator's are dollars / its index price.
      (picks[asset] ??= []).push({ acquired, shares: taken.shares.times(PLANNER_PRICE).div(price) });
    }
  }
  const net = view.mix.reduce((acc, e) => acc.plus(trades[e.asset]), ZERO);
  const rest = view.flow.minus(net);
  if (!rest.isZero()) {
    const left = after.reduce((acc, v) => acc.plus(v), ZERO);
    view.mix.forEach((entry, i) => {
      const share = rest.greaterThan(0) ? rest.times(entry.weight) : left.greaterThan(0) ? rest.times(Decimal.max(after[i], ZERO)).div(left) : ZERO;
      trades[entry.asset] = trades[entry.asset].plus(share);
    });
  }
  return { trades, rebalance, lotsToSell: picks };
}

/**
 * True when some class is outside its band as the planner draws it (its own band, else the
 * defaults; the narrower of relative and absolute). Without a cash flow or harvesting, a
 * threshold-mode plan is empty unless this holds, so the planner need not be asked.
 */
function plannerWouldTrade(view: PolicyView, options: PlannerPolicyOptions): boolean {
  if (!view.flow.isZero() || options.harvestLosses) return true;
  if (!view.total.greaterThan(0)) return false;
  const defaults = { relative: options.bands.band ?? NO_BAND, absolute: options.bands.absBand };
  return view.mix.some((entry) => {
    const rule = bandRule({ relative: entry.band, absolute: entry.absBand }, defaults);
    return statusIn(view.holdings[entry.asset].div(view.total), bandFor(entry.weight, rule)) !== 'within';
  });
}

export function plannerPolicy(options: PlannerPolicyOptions = DEFAULT_PLANNER_OPTIONS): Policy {
  return {
    name: 'planner',
    description:
      "The project's own planner decides each period (threshold mode): it trades only classes outside their bands, sells the cheapest lots in tax first, and holds back short-term gains about to turn long-term.",
    decide: (view) => {
      if (!plannerWouldTrade(view, options)) return { trades: Object.fromEntries(view.mix.map((e) => [e.asset, ZERO])), rebalance: false };
      const household = householdFromView(view, options);
      const cashFlows: Record<string, Decimal> = view.flow.isZero() ? {} : { [ACCOUNT]: view.flow };
      const plan = planRebalance(household, { mode: 'threshold', cashFlows });
      return decisionFromPlan(plan, view);
    },
  };
}
