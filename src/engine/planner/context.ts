import { Decimal, ZERO } from '../money';
import { addDays, type IsoDate } from '../dates';
import { bandFor, bandRule, type Band } from '../bands';
import { targetsOn } from '../targets';
import { cashClassName, isCashClass, securityIndex, targetBase, valueHoldings } from '../valuation';
import { taxRatesFrom, type TaxRates } from '../tax';
import { WASH_WINDOW_DAYS, recentPurchasesByGroup, type RecentPurchases } from '../wash-sales';
import type { Account, Household, Security, TargetClass, TaxTreatment } from '../types';
import { locationRank } from './location';
import { resolveOptions, type ResolvedOptions } from './options';
import { cashRequests, type CashRequest } from './cash-requests';
import type { PlanOptions } from '../plan-types';

/** Everything about the run that does not change while the plan is built. */
export interface PlanContext {
  household: Household;
  asOf: IsoDate;
  options: ResolvedOptions;
  rates: TaxRates;
  securities: Map<string, Security>;
  accounts: Map<string, Account>;
  /**
   * Classes the planner trades, in Targets order. A targeted Cash class is not bought or sold as
   * such: cash is held through each account's Reserve.
   */
  classes: string[];
  targetRows: Map<string, TargetClass>;
  /** Target weight in force on the as-of date. */
  targetWeight: Map<string, Decimal>;
  band: Map<string, Band>;
  cashClass: string;
  /**
   * The dollars targets apply to: household value after this run's deposits and withdrawals,
   * less the cash reserves kept (when Cash has no target), as `targetBase` defines it.
   */
  totalAfterFlows: Decimal;
  /** Each account's deposit and withdrawal with this plan (see cash-requests.ts): the only source of cash flows. */
  cashRequests: Map<string, CashRequest>;
  /** Securities of each class, best rank first. */
  securitiesByClass: Map<string, Security[]>;
  /** Wash group -> lots bought in the 30 days up to the as-of date, any account. */
  recentPurchases: RecentPurchases;
  /** Wash group -> a loss realized in the 30 days before the as-of date (Sales tab) not yet washed. */
  recentLossGroups: Map<string, IsoDate>;
  /** Wash group -> accounts that reinvest dividends in a security of the group (DRIP). */
  dripAccounts: Map<string, string[]>;
  /** Weight of each class before the plan (over the household as it is now). */
  weightBefore: Map<string, Decimal>;
  /** How far below cost a class's holdings are, as a fraction (0.12 = 12% below); absent if not below. */
  classBelowCost: Map<string, Decimal>;
  /** Asset-location preference of a treatment for a class: 0 is the most preferred. */
  locationRank(assetClass: string, treatment: TaxTreatment): number;
}

export function buildContext(household: Household, options: PlanOptions): PlanContext {
  const asOf = household.settings.asOf;
  if (asOf === null) throw new Error('The plan needs an as-of date (Settings "As Of").');
  const resolved = resolveOptions(household.settings, options);
  const securities = securityIndex(household.securities);
  const accounts = new Map(household.accounts.map((a) => [a.name, a]));
  const cashClass = cashClassName(household);
  const inForce = targetsOn(household.targets, asOf);
  const targetWeight = new Map(inForce.map((t) => [t.assetClass, t.target]));
  const targetRows = new Map(household.targets.map((t) => [t.assetClass, t]));
  const band = new Map<string, Band>();
  for (const t of household.targets) {
    const rule = bandRule(
      { relative: t.band, absolute: t.absBand },
      { relative: resolved.band, absolute: household.settings.absBand },
    );
    band.set(t.assetClass, bandFor(targetWeight.get(t.assetClass) ?? ZERO, rule));
  }
  const holdings = valueHoldings(household);
  const requests = cashRequests(household, options);
  let flows = ZERO;
  for (const r of requests.values()) flows = flows.plus(r.deposit).minus(r.withdrawal);
  const securitiesByClass = new Map<string, Security[]>();
  for (const s of [...household.securities].sort((a, b) => a.rank - b.rank || (a.ticker < b.ticker ? -1 : 1))) {
    securitiesByClass.set(s.assetClass, [...(securitiesByClass.get(s.assetClass) ?? []), s]);
  }
  const groupOf = (ticker: string) => securities.get(ticker)?.washGroup ?? ticker;
  const recentPurchases = recentPurchasesByGroup(household, asOf);
  const recentLossGroups = new Map<string, IsoDate>();
  const windowStart = addDays(asOf, -WASH_WINDOW_DAYS);
  for (const sale of household.sales) {
    if (sale.date < windowStart || sale.date > asOf) continue;
    // A closed account (no longer on the Accounts tab) realized its loss all the same: taxable.
    if ((accounts.get(sale.account)?.treatment ?? 'taxable') !== 'taxable') continue;
    const unwashedLoss = sale.basis.minus(sale.proceeds).minus(sale.disallowed);
    if (!unwashedLoss.greaterThan(0)) continue;
    const group = groupOf(sale.ticker);
    const seen = recentLossGroups.get(group);
    if (!seen || sale.date > seen) recentLossGroups.set(group, sale.date);
  }
  const dripAccounts = new Map<string, string[]>();
  for (const lot of household.lots) {
    const account = accounts.get(lot.account);
    if (!account?.drip) continue;
    const group = groupOf(lot.ticker);
    const list = dripAccounts.get(group) ?? [];
    if (!list.includes(account.name)) dripAccounts.set(group, [...list, account.name]);
  }
  const weightBefore = new Map<string, Decimal>();
  for (const [assetClass, value] of holdings.byClass) {
    const base = targetBase(holdings);
    weightBefore.set(assetClass, base.isZero() ? ZERO : value.div(base));
  }
  const classCost = new Map<string, { basis: Decimal; value: Decimal }>();
  for (const lot of household.lots) {
    const s = securities.get(lot.ticker)!;
    const c = classCost.get(s.assetClass) ?? { basis: ZERO, value: ZERO };
    classCost.set(s.assetClass, { basis: c.basis.plus(lot.basis), value: c.value.plus(lot.shares.times(s.price)) });
  }
  const classBelowCost = new Map<string, Decimal>();
  for (const [assetClass, { basis, value }] of classCost) {
    if (basis.greaterThan(0) && value.lessThan(basis)) classBelowCost.set(assetClass, basis.minus(value).div(basis));
  }
  for (const t of household.targets) if (!weightBefore.has(t.assetClass)) weightBefore.set(t.assetClass, ZERO);
  const TREATMENTS: readonly TaxTreatment[] = ['taxable', 'deferred', 'exempt'];
  const ranks = new Map<string, Record<TaxTreatment, number>>();
  for (const t of household.targets) {
    const byTreatment = {} as Record<TaxTreatment, number>;
    for (const treatment of TREATMENTS) byTreatment[treatment] = locationRank(t, t.assetClass, treatment);
    ranks.set(t.assetClass, byTreatment);
  }
  const rankOf = (assetClass: string, treatment: TaxTreatment) =>
    ranks.get(assetClass)?.[treatment] ?? locationRank(undefined, assetClass, treatment);
  return {
    household,
    locationRank: rankOf,
    weightBefore,
    classBelowCost,
    asOf,
    options: resolved,
    rates: taxRatesFrom(household.settings),
    securities,
    accounts,
    classes: household.targets.map((t) => t.assetClass).filter((c) => !isCashClass(c)),
    targetRows,
    targetWeight,
    band,
    cashClass,
    totalAfterFlows: holdings.total.plus(flows).minus(holdings.cashTargeted ? ZERO : household.accounts.reduce((acc, a) => acc.plus(a.reserve), ZERO)),
    cashRequests: requests,
    securitiesByClass,
    recentPurchases,
    recentLossGroups,
    dripAccounts,
  };
}

export function groupOfTicker(context: PlanContext, ticker: string): string {
  return context.securities.get(ticker)?.washGroup ?? ticker;
}
