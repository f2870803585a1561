import { Decimal, ZERO } from './money';
import { compareDates, daysBetween, type IsoDate } from './dates';
import { daysHeld, longTermOn, termOn } from './holding-period';
import { gainOf, rateFor, saleTax, taxRatesFrom, taxYearContext } from './tax';
import type { Term } from './plan-types';
import type { Household, TaxTreatment } from './types';
import { recentPurchasesByGroup, washSaleFlag } from './wash-sales';
import { auditWashSales } from './wash-audit';
import { formatDollars } from './money';

/** Lot id -> what the history audit says to record for it (a replacement whose wash is not recorded). */
function unrecordedByLot(household: Household): Map<string, string> {
  const notes = new Map<string, string[]>();
  for (const w of auditWashSales(household).washes) {
    if (w.recorded || !w.replacementHeld) continue;
    const what = w.permanent
      ? `washes ${formatDollars(w.disallowed)} of the ${w.ticker} loss sold ${w.saleDate} in ${w.account} for good (IRA replacement)`
      : `add ${formatDollars(w.disallowed)} to the basis of ${w.shares.toFixed()} shares${w.holdingFrom ? `, holding from ${w.holdingFrom}` : ''} (${w.ticker} loss sold ${w.saleDate} in ${w.account})`;
    notes.set(w.replacementLot, [...(notes.get(w.replacementLot) ?? []), what]);
  }
  return new Map([...notes].map(([lot, list]) => [lot, `Unrecorded wash sale: ${list.join('; ')}`]));
}

/** One row of TAXLOTS: a lot valued at today's price, with its term and wash-sale status. */
export interface LotView {
  account: string;
  ticker: string;
  lot: string;
  acquired: IsoDate;
  shares: Decimal;
  basis: Decimal;
  price: Decimal;
  value: Decimal;
  gain: Decimal;
  gainPerShare: Decimal;
  term: Term;
  daysHeld: number;
  longTermOn: IsoDate;
  /** 0 once long-term. */
  daysToLongTerm: number;
  treatment: TaxTreatment;
  taxable: boolean;
  /**
   * Tax if sold today (negative saves); null in a tax-advantaged account. Flat rates: the lot's
   * gain at its own rate. With Filing Status: what selling this lot alone adds to the year's
   * federal, NIIT and state tax given this year's Sales and the carryforwards.
   */
  tax: Decimal | null;
  /** Selling at a loss before this date would be washed by a recent purchase; null if not. */
  washSaleUntil: IsoDate | null;
  /**
   * The lot is (part of) the replacement in a wash sale the tabs do not record yet (the history
   * audit): what to record, or null. `rebalance washes --fix` or the sidebar records it.
   */
  washUnrecorded: string | null;
}

export function describeLots(household: Household, asOf: IsoDate): LotView[] {
  const rates = taxRatesFrom(household.settings, asOf);
  const year = rates.household ? taxYearContext(household, asOf, rates) : null;
  const taxIfSold = (gain: Decimal, term: Term) => (year ? saleTax(year, gainOf(term, gain)) : gain.times(rateFor(term, rates)));
  const prices = new Map(household.securities.map((s) => [s.ticker, s.price]));
  const treatments = new Map(household.accounts.map((a) => [a.name, a.treatment]));
  const recent = recentPurchasesByGroup(household, asOf);
  const unrecorded = unrecordedByLot(household);
  const rows = household.lots.map((lot): LotView => {
    const price = prices.get(lot.ticker) ?? ZERO;
    const treatment = treatments.get(lot.account) ?? 'taxable';
    const taxable = treatment === 'taxable';
    const value = lot.shares.times(price);
    const gain = value.minus(lot.basis);
    const term = termOn(lot, asOf);
    const turnsLong = longTermOn(lot);
    return {
      account: lot.account,
      ticker: lot.ticker,
      lot: lot.id,
      acquired: lot.acquired,
      shares: lot.shares,
      basis: lot.basis,
      price,
      value,
      gain,
      gainPerShare: lot.shares.isZero() ? ZERO : gain.dividedBy(lot.shares),
      term,
      daysHeld: daysHeld(lot, asOf),
      longTermOn: turnsLong,
      daysToLongTerm: Math.max(0, daysBetween(asOf, turnsLong)),
      treatment,
      taxable,
      tax: taxable ? taxIfSold(gain, term) : null,
      washSaleUntil: taxable ? washSaleFlag(lot, household, asOf, recent) : null,
      washUnrecorded: unrecorded.get(lot.id) ?? null,
    };
  });
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) => byText(a.account, b.account) || byText(a.ticker, b.ticker) || compareDates(a.acquired, b.acquired) || byText(a.lot, b.lot),
  );
}
