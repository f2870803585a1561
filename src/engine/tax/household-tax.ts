import { Decimal, ZERO, dec, maxDec, minDec } from '../money';
import type { FilingStatus } from '../types';
import { federalIncomeTax } from './federal';
import type { StatusTable } from './tables/table-for-year';

/**
 * What the real tables need to know about the household besides its capital gains: the Settings
 * tab's Filing Status, Income, Deductions, Qualified Dividends and Investment Income, with the
 * year's table for that status.
 */
export interface HouseholdTaxProfile {
  table: StatusTable;
  /** Adjusted gross income before capital gains (qualified dividends included, as on Form 1040). */
  income: Decimal;
  /** Itemized or standard deduction, resolved. */
  deductions: Decimal;
  qualifiedDividends: Decimal;
  investmentIncome: Decimal;
}

/** IRC 1411(a)(1): 3.8% of the lesser of net investment income and MAGI above the threshold. */
export const NIIT_RATE = new Decimal('0.038');

/** IRC 1411(b): the thresholds are fixed in the statute and not indexed for inflation. */
export const NIIT_THRESHOLD: Record<FilingStatus, Decimal> = {
  Single: dec(200_000),
  'Head of Household': dec(200_000),
  'Married Filing Jointly': dec(250_000),
  'Married Filing Separately': dec(125_000),
};

/** IRC 1211(b)(1): a net capital loss offsets ordinary income up to $3,000 ($1,500 married filing separately). */
export function ordinaryLossLimit(status: FilingStatus | null): Decimal {
  return dec(status === 'Married Filing Separately' ? 1500 : 3000);
}

/** The capital results Schedule D leaves after netting (at most one of the three is non-zero... or both gains). */
export interface NettedGains {
  taxedShortTerm: Decimal;
  taxedLongTerm: Decimal;
  ordinaryOffset: Decimal;
}

export interface TaxParts {
  federal: Decimal;
  niit: Decimal;
  state: Decimal;
}

export const NO_TAX: TaxParts = { federal: ZERO, niit: ZERO, state: ZERO };

export function addParts(a: TaxParts, b: TaxParts): TaxParts {
  return { federal: a.federal.plus(b.federal), niit: a.niit.plus(b.niit), state: a.state.plus(b.state) };
}

export function subtractParts(a: TaxParts, b: TaxParts): TaxParts {
  return { federal: a.federal.minus(b.federal), niit: a.niit.minus(b.niit), state: a.state.minus(b.state) };
}

export function totalOf(p: TaxParts): Decimal {
  return p.federal.plus(p.niit).plus(p.state);
}

/** The incomes the tax depends on, for a given netted capital result. */
export interface IncomeLines {
  agi: Decimal;
  taxableIncome: Decimal;
  /** Net long-term gain and qualified dividends, capped at taxable income. */
  preferential: Decimal;
  netInvestmentIncome: Decimal;
}

export function incomeLines(profile: HouseholdTaxProfile, netted: NettedGains): IncomeLines {
  const capital = netted.taxedShortTerm.plus(netted.taxedLongTerm).minus(netted.ordinaryOffset);
  const agi = profile.income.plus(capital);
  const taxableIncome = maxDec(ZERO, agi.minus(profile.deductions));
  const preferential = minDec(taxableIncome, profile.qualifiedDividends.plus(netted.taxedLongTerm));
  // Treas. Reg. 1.1411-4(d): net gain counts, and the 1211(b) loss against ordinary income
  // reduces it; net investment income is never below zero.
  const netInvestmentIncome = maxDec(ZERO, profile.investmentIncome.plus(capital));
  return { agi, taxableIncome, preferential, netInvestmentIncome };
}

/**
 * The year's whole federal income tax, NIIT, and the state's flat rate on net capital results,
 * for the household with these netted capital results. The state part is the flat `State Rate`
 * on the net gain (negative for the ordinary offset), as in the flat-rate mode.
 */
export function householdYearTax(profile: HouseholdTaxProfile, netted: NettedGains, stateRate: Decimal): TaxParts {
  const lines = incomeLines(profile, netted);
  const federal = federalIncomeTax(lines.taxableIncome, lines.preferential, profile.table);
  // MAGI is AGI here (no foreign earned income exclusion).
  const overThreshold = maxDec(ZERO, lines.agi.minus(NIIT_THRESHOLD[profile.table.status]));
  const niit = minDec(lines.netInvestmentIncome, overThreshold).times(NIIT_RATE);
  const capital = netted.taxedShortTerm.plus(netted.taxedLongTerm).minus(netted.ordinaryOffset);
  return { federal, niit, state: capital.times(stateRate) };
}
