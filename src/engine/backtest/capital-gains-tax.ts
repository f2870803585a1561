import { Decimal, ZERO, maxDec } from '../money';
import { simulatedYearTax } from '../tax';
import type { TaxSetup } from './types';

/** Gains realized in one tax year, by term (losses negative). */
export interface RealizedGains {
  shortTerm: Decimal;
  longTerm: Decimal;
}

/** Losses carried into the next year, by character, as positive numbers. */
export interface LossCarryforward {
  shortTerm: Decimal;
  longTerm: Decimal;
}

export const NO_GAINS: RealizedGains = { shortTerm: ZERO, longTerm: ZERO };
export const NO_CARRYFORWARD: LossCarryforward = { shortTerm: ZERO, longTerm: ZERO };

export interface YearTax {
  tax: Decimal;
  carryforward: LossCarryforward;
}

/**
 * One year's tax on realized gains, netted the Schedule D way (IRS Publication 550, "Capital
 * Gains and Losses"): carried-over losses first reduce gains of their own term, then a net loss
 * of one term offsets a net gain of the other; what is left is taxed at the term's rate and a
 * remaining net loss carries forward, keeping its character.
 *
 * Simplification: the up-to-$3,000 deduction of net losses against ordinary income is not
 * modelled (it would need the household's ordinary income); the loss carries forward instead.
 */
export function taxForYear(
  gains: RealizedGains,
  carried: LossCarryforward,
  shortTermRate: Decimal,
  longTermRate: Decimal,
): YearTax {
  let st = gains.shortTerm.minus(carried.shortTerm);
  let lt = gains.longTerm.minus(carried.longTerm);
  if (st.isNegative() && lt.greaterThan(0)) {
    const used = Decimal.min(st.neg(), lt);
    st = st.plus(used);
    lt = lt.minus(used);
  } else if (lt.isNegative() && st.greaterThan(0)) {
    const used = Decimal.min(lt.neg(), st);
    lt = lt.plus(used);
    st = st.minus(used);
  }
  const tax = shortTermRate.times(maxDec(st, ZERO)).plus(longTermRate.times(maxDec(lt, ZERO)));
  return {
    tax,
    carryforward: {
      shortTerm: st.isNegative() ? st.neg() : ZERO,
      longTerm: lt.isNegative() ? lt.neg() : ZERO,
    },
  };
}

/**
 * The tax of simulated year `index` (1-based). With the household's Filing Status the tax
 * module prices it (the year's table, Schedule D netting with the ordinary-income offset, NIIT,
 * the state's rate); without it, the flat rates of `taxForYear`, unchanged.
 */
export function taxForSimulatedYear(tax: Pick<TaxSetup, 'shortTermRate' | 'longTermRate' | 'household'>, index: number, gains: RealizedGains, carried: LossCarryforward): YearTax {
  if (!tax.household) return taxForYear(gains, carried, tax.shortTermRate, tax.longTermRate);
  const year = simulatedYearTax(tax.household, index, gains, carried);
  return { tax: year.tax, carryforward: year.carryforward };
}
