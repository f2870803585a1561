import { Decimal, ZERO } from '../money';
import { isoDate, yearOf } from '../dates';
import type { FilingStatus, Settings } from '../types';
import { taxYearsWithTables } from './tables/table-for-year';
import { taxRatesFrom, yearTax, type GainsByTerm, type TaxRates, type YearTax } from './year-tax';

/**
 * The household's tax situation as a backtest applies it to each simulated year: the Settings
 * tab's Filing Status, Income, Deductions, Qualified Dividends, Investment Income and State Rate,
 * held the same (in nominal dollars) every year, and the calendar year the first simulated year
 * is taxed as (the As Of year).
 */
export interface SimulatedHousehold {
  filingStatus: FilingStatus;
  income: Decimal;
  /** Itemized deductions, or null for the year's standard deduction. */
  deductions: Decimal | null;
  qualifiedDividends: Decimal;
  investmentIncome: Decimal;
  stateRate: Decimal;
  /** The tax year of simulated year 1. */
  firstYear: number;
}

/** The backtest's tax household from the Settings tab: undefined without Filing Status (flat rates). */
export function simulatedHouseholdFrom(settings: Pick<Settings, 'filingStatus' | 'income' | 'deductions' | 'qualifiedDividends' | 'investmentIncome' | 'stateRate' | 'asOf'>): SimulatedHousehold | undefined {
  if (!settings.filingStatus) return undefined;
  if (settings.asOf === null) throw new Error('Filing Status needs an as-of date (Settings "As Of") to choose the tax year.');
  return {
    filingStatus: settings.filingStatus,
    income: settings.income,
    deductions: settings.deductions,
    qualifiedDividends: settings.qualifiedDividends,
    investmentIncome: settings.investmentIncome,
    stateRate: settings.stateRate,
    firstYear: yearOf(settings.asOf),
  };
}

export interface SimulatedTaxYear {
  /** The calendar year simulated year `index` stands for: firstYear + index - 1. */
  taxYear: number;
  /** The year whose published table prices it: the tax year's own, or the latest one after it. */
  tableYear: number;
}

/**
 * Which table prices simulated year `index` (1-based). A year with a published table uses it.
 * A year after the last table uses the last one: later tables are not published yet, and the
 * backtest does not guess the inflation adjustments (Rev. Proc. tables are indexed each year
 * under IRC 1(f)), so the brackets stay at the latest published dollars while the simulated
 * portfolio grows: over a long run this overstates the tax a little (bracket creep). A year before
 * the first table has no table: an error, as in the planner.
 */
export function simulatedTaxYear(household: Pick<SimulatedHousehold, 'firstYear'>, index: number): SimulatedTaxYear {
  const years = taxYearsWithTables();
  const taxYear = household.firstYear + index - 1;
  const latest = Math.max(...years);
  if (taxYear > latest) return { taxYear, tableYear: latest };
  if (!years.includes(taxYear)) {
    throw new Error(`No federal tax table for ${taxYear}: the backtest's first year is the As Of year and needs a published table (${years.join(' and ')}).`);
  }
  return { taxYear, tableYear: taxYear };
}

const ratesByHousehold = new WeakMap<SimulatedHousehold, Map<number, TaxRates>>();

/** The rates (the year's tables and the household's incomes) for simulated year `index`, one object per table year. */
export function simulatedYearRates(household: SimulatedHousehold, index: number): TaxRates {
  const { tableYear } = simulatedTaxYear(household, index);
  let byYear = ratesByHousehold.get(household);
  if (!byYear) {
    byYear = new Map();
    ratesByHousehold.set(household, byYear);
  }
  let rates = byYear.get(tableYear);
  if (!rates) {
    rates = taxRatesFrom({
      // The flat rates are unused once Filing Status is set.
      shortTermRate: ZERO,
      longTermRate: ZERO,
      stateRate: household.stateRate,
      asOf: isoDate(`${tableYear}-12-31`),
      filingStatus: household.filingStatus,
      income: household.income,
      deductions: household.deductions,
      qualifiedDividends: household.qualifiedDividends,
      investmentIncome: household.investmentIncome,
    });
    byYear.set(tableYear, rates);
  }
  return rates;
}

/**
 * The tax of simulated year `index` on its realized gains after the losses carried in, exactly as
 * the planner computes a real year (`yearTax`: Schedule D netting, the $3,000 / $1,500 offset
 * against ordinary income, the worksheet, NIIT and the state's flat rate), and what carries on.
 */
export function simulatedYearTax(household: SimulatedHousehold, index: number, gains: GainsByTerm, carried: GainsByTerm): YearTax {
  return yearTax(gains, carried, simulatedYearRates(household, index));
}

/** One sentence for the backtest's notes: which tables price which simulated years, and why. */
export function simulatedTablesNote(household: SimulatedHousehold, years: number): string {
  const published = taxYearsWithTables();
  const latest = Math.max(...published);
  const last = household.firstYear + years - 1;
  const own = published.filter((y) => y >= household.firstYear && y <= last);
  const beyond = last > latest ? `; ${Math.max(latest + 1, household.firstYear)}${last > Math.max(latest + 1, household.firstYear) ? `-${last}` : ''} use the ${latest} table, the latest published (later inflation adjustments are not known, so the brackets stay at ${latest} dollars while the portfolio grows)` : '';
  return `Tax: Filing Status ${household.filingStatus}; simulated years are taxed as ${household.firstYear}-${last}${own.length > 0 ? ` with each year's federal table (${own.join(', ')})` : ''}${beyond}. Income, Deductions, Qualified Dividends and Investment Income stay the same every year; net losses offset up to $${household.filingStatus === 'Married Filing Separately' ? '1,500' : '3,000'} of ordinary income and the rest carries forward; the after-tax value prices selling everything as one more year's gains.`;
}
