import { formatDollars, formatPercent, type Decimal } from '../money';
import type { FilingStatus } from '../types';
import { zeroRateRoom } from './gain-schedule';
import { addGains, marginalFederalRates, planTaxParts, type GainsByTerm, type TaxYearContext } from './year-tax';

/** What the summary says about a plan's tax under the tables (Filing Status set). */
export interface PlanTaxDetail {
  taxYear: number;
  filingStatus: FilingStatus;
  /** The plan's tax split: federal income tax, NIIT (IRC 1411) and the state's flat rate. */
  federal: Decimal;
  niit: Decimal;
  state: Decimal;
  /** Federal + NIIT + state rate the next dollar of short- and long-term gain would pay after the plan. */
  marginalShortTerm: Decimal;
  marginalLongTerm: Decimal;
  /** Long-term gain still realizable at the 0% federal rate this year after the plan. */
  zeroRateRoom: Decimal;
}

export function planTaxDetail(year: TaxYearContext, planGains: GainsByTerm): PlanTaxDetail | null {
  const household = year.rates.household;
  if (!household) return null;
  const parts = planTaxParts(year.existing, planGains, year.carryforward, year.rates);
  const marginal = marginalFederalRates(year.rates, addGains(year.existing, planGains), year.carryforward, true);
  return {
    taxYear: household.table.year,
    filingStatus: household.table.status,
    federal: parts.federal,
    niit: parts.niit,
    state: parts.state,
    marginalShortTerm: marginal.shortTerm,
    marginalLongTerm: marginal.longTerm,
    zeroRateRoom: zeroRateRoom(year, planGains) as Decimal,
  };
}

/** One sentence for every surface: the split, the rates the plan's last dollar meets, the 0% room. */
export function describeTaxDetail(d: PlanTaxDetail): string {
  const pct = (r: Decimal) => formatPercent(r, 1);
  return `${d.taxYear} tables, ${d.filingStatus}: federal ${formatDollars(d.federal)}, NIIT ${formatDollars(d.niit)}, state ${formatDollars(d.state)}; the next dollar of gain is taxed ${pct(d.marginalShortTerm)} short-term, ${pct(d.marginalLongTerm)} long-term; ${formatDollars(d.zeroRateRoom, 0)} of long-term gain can still be realized at 0% this year.`;
}
