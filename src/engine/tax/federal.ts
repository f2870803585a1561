import { Decimal, ZERO, maxDec, minDec } from '../money';
import type { StatusTable } from './tables/table-for-year';

const FIFTEEN = new Decimal('0.15');
const TWENTY = new Decimal('0.2');

/** Tax on ordinary taxable income from the rate schedule (IRC 1(j)(2)). */
export function ordinaryTax(taxable: Decimal, table: StatusTable): Decimal {
  let tax = ZERO;
  const brackets = table.ordinary;
  for (let i = 0; i < brackets.length; i++) {
    const { over, rate } = brackets[i];
    if (!taxable.greaterThan(over)) break;
    const top = i + 1 < brackets.length ? minDec(taxable, brackets[i + 1].over) : taxable;
    tax = tax.plus(top.minus(over).times(rate));
  }
  return tax;
}

/** Marginal ordinary rate at this taxable income (the rate the next dollar pays). */
export function ordinaryRateAt(taxable: Decimal, table: StatusTable): Decimal {
  let rate = ZERO;
  for (const b of table.ordinary) if (!taxable.lessThan(b.over)) rate = b.rate;
  return rate;
}

/**
 * Federal income tax with the Qualified Dividends and Capital Gain Tax Worksheet (Form 1040
 * instructions; IRC 1(h)): `preferential` (net long-term gain and qualified dividends) is stacked
 * on top of the ordinary part of taxable income and taxed 0% up to the 0% threshold, 15% up to
 * the 15% threshold, 20% above; the result is capped by the regular tax on all of it (line 24).
 */
export function federalIncomeTax(taxableIncome: Decimal, preferential: Decimal, table: StatusTable): Decimal {
  const taxable = maxDec(ZERO, taxableIncome);
  const pref = minDec(maxDec(ZERO, preferential), taxable);
  if (pref.isZero()) return ordinaryTax(taxable, table);
  return minDec(worksheetTax(taxable, pref, table), ordinaryTax(taxable, table));
}

/** The worksheet's stacked tax before the line-24 cap (convex in both parts). */
export function worksheetTax(taxable: Decimal, pref: Decimal, table: StatusTable): Decimal {
  const ordinaryPart = taxable.minus(pref);
  const atZero = maxDec(ZERO, minDec(taxable, table.zeroUpTo).minus(ordinaryPart));
  const atFifteen = maxDec(ZERO, minDec(taxable, table.fifteenUpTo).minus(maxDec(ordinaryPart, table.zeroUpTo)));
  const atTwenty = pref.minus(atZero).minus(atFifteen);
  return ordinaryTax(ordinaryPart, table).plus(atFifteen.times(FIFTEEN)).plus(atTwenty.times(TWENTY));
}
