import { Decimal, ZERO, maxDec, minDec } from '../money';
import type { StatusTable } from './tables/table-for-year';

const FIFTEEN = new Decimal('0.15');
const TWENTY = new Decimal('0.2');

/** Tax on ordinary taxable income from the rate schedule (IRC 1(j)(2)). */
export function ordinaryTax(taxable: Decimal, table: StatusTable): Decimal {
  // The schedule as the revenue procedure prints it: "$base plus N% of the excess over $floor".
  // The year's tax is asked for thousands of times per plan, so the bases are worked out once.
  const brackets = table.ordinary;
  if (!taxable.greaterThan(brackets[0].over)) return ZERO;
  const base = basesOf(table);
  let i = brackets.length - 1;
  while (!taxable.greaterThan(brackets[i].over)) i--;
  return base[i].plus(taxable.minus(brackets[i].over).times(brackets[i].rate));
}

const bases = new WeakMap<StatusTable, Decimal[]>();

/** The tax on all the brackets below each one: what the rate tables print as each bracket's base. */
function basesOf(table: StatusTable): Decimal[] {
  let found = bases.get(table);
  if (!found) {
    const b = table.ordinary;
    found = [ZERO];
    for (let i = 1; i < b.length; i++) found.push(found[i - 1].plus(b[i].over.minus(b[i - 1].over).times(b[i - 1].rate)));
    bases.set(table, found);
  }
  return found;
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
