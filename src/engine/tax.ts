import { Decimal, ZERO, dec, maxDec, minDec } from './money';
import { compareDates, yearOf } from './dates';
import { longTermOn } from './holding-period';
import type { Term } from './plan-types';
import type { Account, Sale, Settings } from './types';

/** Marginal rates as fractions (0.37). The state rate applies on top of both federal rates. */
export interface TaxRates {
  shortTerm: Decimal;
  longTerm: Decimal;
  state: Decimal;
}

/** Gains (negative: losses) split by character. For carryforwards, positive numbers are losses. */
export interface GainsByTerm {
  shortTerm: Decimal;
  longTerm: Decimal;
}

export function taxRatesFrom(settings: Pick<Settings, 'shortTermRate' | 'longTermRate' | 'stateRate'>): TaxRates {
  return { shortTerm: settings.shortTermRate, longTerm: settings.longTermRate, state: settings.stateRate };
}

export function carryforwardFrom(settings: Pick<Settings, 'stLossCarryforward' | 'ltLossCarryforward'>): GainsByTerm {
  return { shortTerm: settings.stLossCarryforward, longTerm: settings.ltLossCarryforward };
}

/** Combined federal + state rate for a gain of this character. */
export function rateFor(term: Term, rates: TaxRates): Decimal {
  return (term === 'long' ? rates.longTerm : rates.shortTerm).plus(rates.state);
}

export const NO_GAINS: GainsByTerm = { shortTerm: ZERO, longTerm: ZERO };

/** IRC 1211(b): a net capital loss offsets at most $3,000 of ordinary income a year. */
export const ORDINARY_LOSS_LIMIT = dec(3000);

export interface YearTax {
  /** Tax caused by the year's capital gains and losses; negative when a net loss saves ordinary tax. */
  tax: Decimal;
  /** Net short- and long-term results after carryforwards, before netting across characters. */
  netShortTerm: Decimal;
  netLongTerm: Decimal;
  /** Gains left taxable after netting across characters (at most one of them non-zero). */
  taxedShortTerm: Decimal;
  taxedLongTerm: Decimal;
  /** Ordinary income offset by a net loss (at most $3,000), taxed away at the ordinary rate. */
  ordinaryOffset: Decimal;
  /** Losses carried to next year (positive numbers), IRC 1212(b). */
  carryforward: GainsByTerm;
}

/**
 * The year's tax on capital gains, netted as Schedule D does: short-term results against each
 * other (with the short-term carryforward, a short-term loss), long-term likewise, then across.
 * A net gain is taxed at its character's rate; a net loss offsets up to $3,000 of ordinary income
 * (IRC 1211(b)) at the ordinary (short-term) rate, and the rest carries forward keeping its
 * character (IRC 1212(b); Schedule D instructions, Capital Loss Carryover Worksheet).
 * Assumes enough ordinary income to absorb the $3,000 and a joint or single filer (not $1,500 MFS).
 */
export function yearTax(realized: GainsByTerm, carryforward: GainsByTerm, rates: TaxRates): YearTax {
  const netShortTerm = realized.shortTerm.minus(carryforward.shortTerm);
  const netLongTerm = realized.longTerm.minus(carryforward.longTerm);
  const total = netShortTerm.plus(netLongTerm);
  let taxedShortTerm = ZERO;
  let taxedLongTerm = ZERO;
  let ordinaryOffset = ZERO;
  let carry: GainsByTerm = { shortTerm: ZERO, longTerm: ZERO };
  if (total.lessThan(0)) {
    ordinaryOffset = minDec(ORDINARY_LOSS_LIMIT, total.negated());
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
  const tax = taxedShortTerm
    .times(rateFor('short', rates))
    .plus(taxedLongTerm.times(rateFor('long', rates)))
    .minus(ordinaryOffset.times(rateFor('short', rates)));
  return { tax, netShortTerm, netLongTerm, taxedShortTerm, taxedLongTerm, ordinaryOffset, carryforward: carry };
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
