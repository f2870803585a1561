import type { IsoDate } from './dates';
import type { TaxTreatment } from './types';

/**
 * The order in which replacement shares are matched with a loss sale's shares: the one rule
 * every wash-sale surface uses (the planner's checks, recording, the history audit, TAXLOTS),
 * because they all match through `matchWashSales`.
 *
 * Treas. Reg. 1.1091-1(c) and (d) (and Publication 550, "More or less stock bought than sold")
 * match replacement shares "in accordance with the order of their acquisition (beginning with
 * the earliest acquisition)", but say nothing of shares acquired on the same day, and the tabs
 * hold a date, not a time. For those this project takes one fixed order, in this sequence:
 *
 * 1. Taxable lots that already carry a wash-sale adjustment (a Holding From): the books (the
 *    broker's 1099-B, or a recording by this add-on) already identify them as replacements, so
 *    reading the tabs back after a recording pairs the same shares. (A Holding From typed on an
 *    IRA lot adjusts nothing, so it does not move that lot ahead.)
 * 2. The sold security in the sold shares' own account: the wash the broker itself reports on
 *    Form 1099-B (Reg. 1.6045-1(d)(6)(iii): same account, identical security), so the lot the
 *    broker adjusts is the lot adjusted here and the return agrees with the 1099-B.
 * 3. Shares in a taxable account before shares in an IRA, Roth, 401(k), HSA...: with no order
 *    in the regulation, the loss is deferred into a replacement's basis, the consequence IRC
 *    1091(d) provides, before it is lost for good through a tax-advantaged purchase (Rev. Rul.
 *    2008-5). A reasonable reading, applied the same way every time.
 * 4. Then account, ticker and lot id in alphabetical order (the parts split off a lot by an
 *    earlier match, `<id>-W<n>`, just before the lot itself: they were its first shares), shares
 *    still held before shares since sold, Sales rows that name no Lot after, in row order, and
 *    last the buys of the plan being checked or recorded, in the plan's order (the plan is made
 *    from the tabs, so their lots of that day were bought first). Which of two lots of one
 *    account and fund takes a match changes neither the loss disallowed nor whether it is
 *    deferred (same day, same tacked start); the order only has to be fixed and not depend on where rows sit on the tab. Once recorded, a plan's
 *    lots are lots like any other, ordered by their ids.
 */
export interface OrderedReplacement {
  date: IsoDate;
  account: string;
  ticker: string;
  treatment: TaxTreatment;
  /** The tab's lot id; null for a Sales row without a Lot. */
  id: string | null;
  /** Bought by the trades being checked or recorded now. */
  proposed: boolean;
  /** Already carries a holding-period adjustment (Holding From). */
  adjusted: boolean;
  source: { kind: 'lot' | 'sale'; index: number };
}

/** Lot ids of the parts split off a replacement lot end in `-W<n>`; all parts are one purchase. */
export function purchaseId(lotId: string): string {
  return lotId.replace(/(-W\d+)+$/, '');
}

// ISO dates and ids compare as text (the matcher's hot path; no locale rules).
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Named lots, then Sales rows without a Lot, then the plan's buys (the last two by position). */
const naming = (a: OrderedReplacement) => (a.proposed ? 2 : a.id === null ? 1 : 0);

/** Rule 4 within one account and ticker. */
function byLot(a: OrderedReplacement, b: OrderedReplacement): number {
  const rank = naming(a) - naming(b);
  if (rank !== 0) return rank;
  if (a.id !== null && b.id !== null && naming(a) === 0) {
    const whole = (id: string) => Number(purchaseId(id) === id);
    const id = byText(purchaseId(a.id), purchaseId(b.id)) || whole(a.id) - whole(b.id) || byText(a.id, b.id);
    if (id !== 0) return id;
  }
  return Number(a.source.kind === 'sale') - Number(b.source.kind === 'sale') || a.source.index - b.source.index;
}

/**
 * The matching order for the replacements of a sale of `sold` (rules 1-4 above); without a sale,
 * the same order less rule 2 (enough to sort by date once, for the window search).
 */
export function replacementOrder(sold?: { account: string; ticker: string }): (a: OrderedReplacement, b: OrderedReplacement) => number {
  const own = (a: OrderedReplacement) => sold !== undefined && a.account === sold.account && a.ticker === sold.ticker;
  const adjusted = (a: OrderedReplacement) => a.adjusted && a.treatment === 'taxable';
  return (a, b) =>
    byText(a.date, b.date) ||
    Number(adjusted(b)) - Number(adjusted(a)) ||
    Number(own(b)) - Number(own(a)) ||
    Number(a.treatment !== 'taxable') - Number(b.treatment !== 'taxable') ||
    byText(a.account, b.account) ||
    byText(a.ticker, b.ticker) ||
    byLot(a, b);
}
