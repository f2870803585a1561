import { Decimal, ZERO, dec, maxDec, minDec } from '../money';
import { compareDates, yearOf, type IsoDate } from '../dates';
import { longTermOn } from '../holding-period';
import type { Term } from '../plan-types';
import type { Account, Household, Sale, Settings } from '../types';

import { statusTable } from './tables/table-for-year';
import { householdYearTax, ordinaryLossLimit, subtractParts, totalOf, NO_TAX, type HouseholdTaxProfile, type TaxParts } from './household-tax';


/**
 * How the household's gains are taxed. Without Filing Status: flat marginal rates as fractions
 * (0.37), the state rate on top of both. With it, `household` holds the year's tables and
 * incomes, every tax is computed from them, and `shortTerm`/`longTerm` are the federal + NIIT
 * marginal rates on the first dollar of gain this year (used only to order lots and to word
 * reasons; amounts always come from `yearTax`).
 */
export interface TaxRates {
  shortTerm: Decimal;
  longTerm: Decimal;
  state: Decimal;
  household?: HouseholdTaxProfile;
}

/** Gains (negative: losses) split by character. For carryforwards, positive numbers are losses. */
export interface GainsByTerm {
  shortTerm: Decimal;
  longTerm: Decimal;
}

type TaxSettings = Pick<Settings, 'shortTermRate' | 'longTermRate' | 'stateRate' | 'asOf' | 'filingStatus' | 'income' | 'deductions' | 'qualifiedDividends' | 'investmentIncome' | 'taxTableYear'>;

/**
 * The rates for the year of `asOf` (default the Settings' As Of; `taxTableYear` overrides it).
 * Filing Status set: the year's published tables (an error for a year without one); otherwise
 * the flat rates, exactly as given.
 */
export function taxRatesFrom(settings: TaxSettings, asOf: IsoDate | null = settings.asOf): TaxRates {
  if (!settings.filingStatus) return buildRates(settings, asOf);
  // One rates object per settings and year (the planner, the wash-sale check and TAXLOTS each ask
  // for it), so the per-rates memo above is shared; the signature guards against a changed field.
  const signature = [asOf, settings.taxTableYear, settings.filingStatus, settings.income, settings.deductions, settings.qualifiedDividends, settings.investmentIncome, settings.stateRate, settings.shortTermRate, settings.longTermRate].map(String).join('|');
  let bySignature = ratesCache.get(settings);
  if (!bySignature) {
    bySignature = new Map();
    ratesCache.set(settings, bySignature);
  }
  let rates = bySignature.get(signature);
  if (!rates) {
    rates = buildRates(settings, asOf);
    bySignature.set(signature, rates);
  }
  return rates;
}

const ratesCache = new WeakMap<object, Map<string, TaxRates>>();

function buildRates(settings: TaxSettings, asOf: IsoDate | null): TaxRates {
  const flat = { shortTerm: settings.shortTermRate, longTerm: settings.longTermRate, state: settings.stateRate };
  if (!settings.filingStatus) return flat;
  if (asOf === null) throw new Error('Filing Status needs an as-of date (Settings "As Of") to choose the tax year.');
  const table = statusTable(settings.taxTableYear ?? yearOf(asOf), settings.filingStatus);
  const household: HouseholdTaxProfile = {
    table,
    income: settings.income,
    deductions: settings.deductions ?? table.standardDeduction,
    qualifiedDividends: settings.qualifiedDividends,
    investmentIncome: settings.investmentIncome,
  };
  const rates: TaxRates = { ...flat, household };
  const first = marginalFederalRates(rates, NO_GAINS, NO_GAINS);
  return { ...rates, shortTerm: first.shortTerm, longTerm: first.longTerm };
}

export function carryforwardFrom(settings: Pick<Settings, 'stLossCarryforward' | 'ltLossCarryforward'>): GainsByTerm {
  return { shortTerm: settings.stLossCarryforward, longTerm: settings.ltLossCarryforward };
}

/** Combined federal + state rate for a gain of this character (the marginal one under the tables). */
export function rateFor(term: Term, rates: TaxRates): Decimal {
  return (term === 'long' ? rates.longTerm : rates.shortTerm).plus(rates.state);
}

export const NO_GAINS: GainsByTerm = { shortTerm: ZERO, longTerm: ZERO };

/** IRC 1211(b): a net capital loss offsets at most $3,000 of ordinary income a year ($1,500 separate). */
export const ORDINARY_LOSS_LIMIT = dec(3000);

export interface YearTax {
  /** Tax caused by the year's capital gains and losses; negative when a net loss saves ordinary tax. */
  tax: Decimal;
  /** `tax` split into federal income tax, NIIT and state (flat mode: federal holds the flat-rate tax). */
  parts: TaxParts;
  /** Net short- and long-term results after carryforwards, before netting across characters. */
  netShortTerm: Decimal;
  netLongTerm: Decimal;
  /** Gains left taxable after netting across characters (at most one of them non-zero). */
  taxedShortTerm: Decimal;
  taxedLongTerm: Decimal;
  /** Ordinary income offset by a net loss (at most $3,000, $1,500 separate), taxed away at the ordinary rate. */
  ordinaryOffset: Decimal;
  /** Losses carried to next year (positive numbers), IRC 1212(b). */
  carryforward: GainsByTerm;
}

/**
 * The year's tax on capital gains, netted as Schedule D does: short-term results against each
 * other (with the short-term carryforward, a short-term loss), long-term likewise, then across.
 * A net loss offsets up to $3,000 ($1,500 married filing separately) of ordinary income (IRC
 * 1211(b)) and the rest carries forward keeping its character (IRC 1212(b); Schedule D
 * instructions, Capital Loss Carryover Worksheet).
 * Flat rates: a net gain is taxed at its character's rate and the offset saves the ordinary
 * (short-term) rate; this assumes enough ordinary income to absorb the offset.
 * Tables (Filing Status set): the tax is the increase in the year's federal income tax (the
 * Qualified Dividends and Capital Gain Tax Worksheet), NIIT and state tax over the same year with
 * no capital gains or losses.
 */
export function yearTax(realized: GainsByTerm, carryforward: GainsByTerm, rates: TaxRates): YearTax {
  if (!rates.household) return computeYearTax(realized, carryforward, rates);
  // Under the tables a year's tax costs two runs of the worksheet, and a plan asks for the same
  // few positions again and again (each trade's tax, the marginal rates, the summary): remember
  // them per rates object. The results are read-only values, so sharing them is safe.
  let byPosition = memo.get(rates);
  if (!byPosition) {
    byPosition = new Map();
    memo.set(rates, byPosition);
  }
  const key = `${realized.shortTerm.toString()}|${realized.longTerm.toString()}|${carryforward.shortTerm.toString()}|${carryforward.longTerm.toString()}`;
  let found = byPosition.get(key);
  if (!found) {
    if (byPosition.size >= MEMO_LIMIT) byPosition.clear();
    found = computeYearTax(realized, carryforward, rates);
    byPosition.set(key, found);
  }
  return found;
}

const MEMO_LIMIT = 4096;
const memo = new WeakMap<TaxRates, Map<string, YearTax>>();
const baselines = new WeakMap<TaxRates, TaxParts>();

/** The household's tax with no capital gains or losses at all: the zero every yearTax is measured from. */
function baselineParts(rates: TaxRates, household: HouseholdTaxProfile): TaxParts {
  let parts = baselines.get(rates);
  if (!parts) {
    parts = householdYearTax(household, { taxedShortTerm: ZERO, taxedLongTerm: ZERO, ordinaryOffset: ZERO }, rates.state);
    baselines.set(rates, parts);
  }
  return parts;
}

function computeYearTax(realized: GainsByTerm, carryforward: GainsByTerm, rates: TaxRates): YearTax {
  const netShortTerm = realized.shortTerm.minus(carryforward.shortTerm);
  const netLongTerm = realized.longTerm.minus(carryforward.longTerm);
  const total = netShortTerm.plus(netLongTerm);
  const limit = rates.household ? ordinaryLossLimit(rates.household.table.status) : ORDINARY_LOSS_LIMIT;
  let taxedShortTerm = ZERO;
  let taxedLongTerm = ZERO;
  let ordinaryOffset = ZERO;
  let carry: GainsByTerm = { shortTerm: ZERO, longTerm: ZERO };
  if (total.lessThan(0)) {
    ordinaryOffset = minDec(limit, total.negated());
    // IRC 1212(b)(2): the deducted amount is treated as a short-term gain when working out what
    // carries over, so it uses up the short-term loss first.
    const stAfterDeduction = netShortTerm.plus(ordinaryOffset);
    carry = {
      shortTerm: maxDec(ZERO, stAfterDeduction.negated().minus(maxDec(ZERO, netLongTerm))),
      longTerm: maxDec(ZERO, netLongTerm.negated().minus(maxDec(ZERO, stAfterDeduction))),
    };
  } else if (netShortTerm.lessThan(0)) {
    taxedLongTerm = total; // a short-term loss reduces the long-term gain
  } else if (netLongTerm.lessThan(0)) {
    taxedShortTerm = total; // a long-term loss reduces the short-term gain
  } else {
    taxedShortTerm = netShortTerm;
    taxedLongTerm = netLongTerm;
  }
  let parts: TaxParts;
  if (rates.household) {
    const netted = { taxedShortTerm, taxedLongTerm, ordinaryOffset };
    parts = subtractParts(householdYearTax(rates.household, netted, rates.state), baselineParts(rates, rates.household));
  } else {
    const tax = taxedShortTerm
      .times(rateFor('short', rates))
      .plus(taxedLongTerm.times(rateFor('long', rates)))
      .minus(ordinaryOffset.times(rateFor('short', rates)));
    parts = { ...NO_TAX, federal: tax };
  }
  return { tax: totalOf(parts), parts, netShortTerm, netLongTerm, taxedShortTerm, taxedLongTerm, ordinaryOffset, carryforward: carry };
}

export function addGains(a: GainsByTerm, b: GainsByTerm): GainsByTerm {
  return { shortTerm: a.shortTerm.plus(b.shortTerm), longTerm: a.longTerm.plus(b.longTerm) };
}

/**
 * The tax a plan adds to the year: tax(existing + plan) - tax(existing). Netting makes this
 * differ from gain x rate: a harvested loss comes out negative (a saving), and a gain absorbed by
 * losses already realized costs nothing.
 */
export function planTax(existing: GainsByTerm, planRealized: GainsByTerm, carryforward: GainsByTerm, rates: TaxRates): Decimal {
  return yearTax(addGains(existing, planRealized), carryforward, rates).tax.minus(yearTax(existing, carryforward, rates).tax);
}

/** `planTax` split into federal, NIIT and state parts. */
export function planTaxParts(existing: GainsByTerm, planRealized: GainsByTerm, carryforward: GainsByTerm, rates: TaxRates): TaxParts {
  return subtractParts(yearTax(addGains(existing, planRealized), carryforward, rates).parts, yearTax(existing, carryforward, rates).parts);
}

/**
 * Federal + NIIT rate (and the state's, `withState`) the next dollar of short- and long-term
 * gain pays after `realized` (this year's sales plus a plan's), measured over $1 (the tables
 * change rate only at whole dollars); netting is included, so a dollar absorbed by a loss carried
 * forward pays nothing.
 */
export function marginalFederalRates(rates: TaxRates, realized: GainsByTerm, carryforward: GainsByTerm, withState = false): GainsByTerm {
  const base = yearTax(realized, carryforward, rates).parts;
  const at = (extra: GainsByTerm) => {
    const p = subtractParts(yearTax(addGains(realized, extra), carryforward, rates).parts, base);
    return withState ? totalOf(p) : p.federal.plus(p.niit);
  };
  return { shortTerm: at({ shortTerm: dec(1), longTerm: ZERO }), longTerm: at({ shortTerm: ZERO, longTerm: dec(1) }) };
}

/**
 * The year a sale is priced in: this year's realized gains (Sales tab), the carryforwards and
 * the rates. Every surface prices a sale with `saleTax` over one of these, so a harvest's
 * saving is the same number in the plan, the check email and TAXLOTS.
 */
export interface TaxYearContext {
  existing: GainsByTerm;
  carryforward: GainsByTerm;
  rates: TaxRates;
}

export function taxYearContext(household: Pick<Household, 'sales' | 'accounts' | 'settings'>, asOf: IsoDate, rates: TaxRates = taxRatesFrom(household.settings, asOf)): TaxYearContext & { warnings: string[] } {
  const realized = realizedFromSales(household.sales, yearOf(asOf), household.accounts);
  return { existing: realized.realized, carryforward: carryforwardFrom(household.settings), rates, warnings: realized.warnings };
}

const contexts = new WeakMap<object, WeakMap<TaxRates, TaxYearContext>>();

/** `taxYearContext` worked out once per household and rates (the planner asks for it per candidate). */
export function cachedTaxYearContext(household: Pick<Household, 'sales' | 'accounts' | 'settings'>, asOf: IsoDate, rates: TaxRates): TaxYearContext {
  const byRates = contexts.get(household) ?? new WeakMap<TaxRates, TaxYearContext>();
  contexts.set(household, byRates);
  let year = byRates.get(rates);
  if (!year) {
    year = taxYearContext(household, asOf, rates);
    byRates.set(rates, year);
  }
  return year;
}

/** The tax selling `gains` adds to the year, after `before` (a plan's earlier sales); negative saves. */
export function saleTax(year: TaxYearContext, gains: GainsByTerm, before: GainsByTerm = NO_GAINS): Decimal {
  const prior = addGains(year.existing, before);
  return planTax(prior, gains, year.carryforward, year.rates);
}

/** A gain of one character as GainsByTerm. */
export function gainOf(term: Term, amount: Decimal): GainsByTerm {
  return term === 'long' ? { shortTerm: ZERO, longTerm: amount } : { shortTerm: amount, longTerm: ZERO };
}

export interface RealizedGains {
  realized: GainsByTerm;
  warnings: string[];
}

/**
 * This year's realized gains from the Sales tab, taxable accounts only (sales inside IRAs and
 * the like are not reported). Gain = proceeds - basis + disallowed: a wash-sale loss is not
 * deductible (IRC 1091(a)), so it is added back. A row without an Acquired date is counted as
 * short-term (the higher rate, so never understating tax) with a warning.
 */
export function realizedFromSales(sales: readonly Sale[], year: number, accounts: readonly Account[]): RealizedGains {
  let shortTerm = ZERO;
  let longTerm = ZERO;
  const warnings: string[] = [];
  for (const sale of sales) {
    if (yearOf(sale.date) !== year) continue;
    const account = accounts.find((a) => a.name === sale.account);
    if (account && account.treatment !== 'taxable') continue;
    if (!account) warnings.push(`Sale of ${sale.ticker} on ${sale.date}: account "${sale.account}" is not on the Accounts tab; counted as taxable.`);
    const gain = sale.proceeds.minus(sale.basis).plus(sale.disallowed);
    if (sale.acquired === null) {
      warnings.push(`Sale of ${sale.ticker} in ${sale.account} on ${sale.date} has no Acquired date; counted as short-term.`);
      shortTerm = shortTerm.plus(gain);
    } else if (compareDates(sale.date, longTermOn({ acquired: sale.acquired, holdingFrom: null })) >= 0) {
      longTerm = longTerm.plus(gain);
    } else {
      shortTerm = shortTerm.plus(gain);
    }
  }
  return { realized: { shortTerm, longTerm }, warnings };
}

/** Tax per dollar of proceeds of selling `shares` at `price` with this gain per share, after `before`. */
export function saleCostPerDollar(year: TaxYearContext, term: Term, gainPerShare: Decimal, price: Decimal, shares: Decimal, before: GainsByTerm = NO_GAINS): Decimal {
  const proceeds = price.times(shares);
  if (!proceeds.greaterThan(0)) return ZERO;
  return saleTax(year, gainOf(term, gainPerShare.times(shares)), before).div(proceeds);
}
