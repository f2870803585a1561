import type { Account, Lot, Sale, Security } from '../../src/engine/types';
import type { Trade } from '../../src/engine/plan-types';
import { daysFrom } from './days';
import { R, r, rsum } from './numbers';

/**
 * Wash sales over a household's whole history, written from the rules and sharing no code with
 * src/engine/wash-sales.ts:
 * - IRC 1091(a), Pub. 550 "Wash Sales": a loss on a sale is disallowed when substantially
 *   identical stock is acquired within 30 days before or after the sale (61 days in all).
 * - Every acquisition counts: shares still held (Lots `Acquired`), shares bought and since sold
 *   (a Sales row's `Acquired` is a purchase on that date in that account), DRIP reinvestments
 *   (they are Lots), and planned buys; in any account of the household, an IRA or a Roth too, and
 *   an account no longer on the Accounts tab.
 * - A replacement in a tax-advantaged account makes the loss permanently disallowed
 *   (Rev. Rul. 2008-5); otherwise it is deferred into the replacement's basis (IRC 1091(d)).
 * - A loss realized in an account no longer on the Accounts tab is still the household's loss:
 *   it is treated as a taxable account's (its type is unknown; the Sales tab only lists sales a
 *   household reports). A loss inside an IRA is not deductible, so it cannot be washed.
 * - Share for share: loss sales in date order, and within one date the sold shares acquired
 *   earliest first (Treas. Reg. 1.1091-1(b)); replacement shares earliest acquired first
 *   (1.1091-1(c)); each replacement share replaces one loss share only (1.1091-1(e)).
 * - Replacement shares acquired the same day (the regulation gives them no order; the project's
 *   rule, README "Wash sales" and docs/tax.md): taxable lots with a Holding From (already
 *   adjusted as replacements) first; then the sold security in the sold shares' own account
 *   (what the broker's 1099-B reports); then taxable accounts before tax-advantaged ones
 *   (deferred before lost); then by account, ticker, lot id (a lot's `-W<n>` parts just before
 *   it), held before since sold, Sales rows with no Lot in row order, and last the plan's buys
 *   in plan order.
 * - Selling part of a purchase is not washed by the rest of the same purchase (Rev. Rul.
 *   56-602). The same purchase: same account, ticker and acquisition date, and the same lot id
 *   where both sides name one. Shares sold in the same sale (one date and account, one wash
 *   group: several lots, or substantially identical funds, sold at once) are the stock sold,
 *   not a replacement for each other.
 * Recorded `Disallowed` amounts are bookkeeping, not facts: the matches are worked out from the
 * transactions alone, and `recorded` says whether the Sales row already carries them.
 */

export const WINDOW_DAYS = 30;

/** The trades of a plan not yet executed, on its as-of date. */
export interface PlannedTrades {
  asOf: string;
  trades: readonly Pick<Trade, 'account' | 'action' | 'ticker' | 'shares' | 'lots'>[];
}

export interface History {
  accounts: readonly Pick<Account, 'name' | 'type'>[];
  securities: readonly Pick<Security, 'ticker' | 'washGroup'>[];
  lots: readonly Lot[];
  sales: readonly Sale[];
  planned?: PlannedTrades;
}

export type Source = 'lot' | 'sale' | 'planned';

export interface RefLossSale {
  source: 'sale' | 'planned';
  /** Index in the Sales list, or the planned trade's index. */
  index: number;
  date: string;
  account: string;
  ticker: string;
  group: string;
  lot: string | null;
  acquired: string | null;
  shares: R;
  loss: R;
  recordedDisallowed: R;
}

export interface RefAcquisition {
  source: Source;
  index: number;
  date: string;
  account: string;
  ticker: string;
  group: string;
  lot: string | null;
  shares: R;
  taxAdvantaged: boolean;
  /** A held lot with a Holding From: it already carries a wash-sale adjustment. */
  adjusted: boolean;
}

export interface RefWash {
  sale: RefLossSale;
  replacement: RefAcquisition;
  shares: R;
  /** Loss disallowed by this match, exact (not rounded to cents). */
  disallowed: R;
  permanent: boolean;
  /** Involves a trade of the plan (the loss sale or the replacement). */
  planned: boolean;
}

const groupOf = (ticker: string, securities: History['securities']): string => securities.find((s) => s.ticker === ticker)?.washGroup ?? ticker;

/** Tax-advantaged unless the Accounts tab says Taxable; an account not on the tab is taken as taxable. */
function isTaxAdvantaged(account: string, accounts: History['accounts']): boolean {
  const found = accounts.find((a) => a.name === account);
  return found !== undefined && found.type !== 'Taxable';
}

export function lossSales(history: History): RefLossSale[] {
  const out: RefLossSale[] = [];
  history.sales.forEach((s, index) => {
    const loss = r(s.basis).minus(r(s.proceeds));
    if (!loss.greaterThan(0) || !r(s.shares).greaterThan(0) || isTaxAdvantaged(s.account, history.accounts)) return;
    out.push({
      source: 'sale', index, date: s.date, account: s.account, ticker: s.ticker, group: groupOf(s.ticker, history.securities),
      lot: s.lot, acquired: s.acquired, shares: r(s.shares), loss, recordedDisallowed: r(s.disallowed),
    });
  });
  const planned = history.planned;
  planned?.trades.forEach((t, index) => {
    if (t.action !== 'SELL' || isTaxAdvantaged(t.account, history.accounts)) return;
    for (const taken of t.lots) {
      const loss = r(taken.basis).minus(r(taken.proceeds));
      if (!loss.greaterThan(0)) continue;
      out.push({
        source: 'planned', index, date: planned.asOf, account: t.account, ticker: t.ticker, group: groupOf(t.ticker, history.securities),
        lot: taken.lot, acquired: taken.acquired, shares: r(taken.shares), loss, recordedDisallowed: new R(0),
      });
    }
  });
  return out;
}

export function acquisitions(history: History): RefAcquisition[] {
  const adv = (account: string) => isTaxAdvantaged(account, history.accounts);
  const out: RefAcquisition[] = [];
  history.lots.forEach((l, index) => {
    if (!r(l.shares).greaterThan(0)) return;
    out.push({ source: 'lot', index, date: l.acquired, account: l.account, ticker: l.ticker, group: groupOf(l.ticker, history.securities), lot: l.id, shares: r(l.shares), taxAdvantaged: adv(l.account), adjusted: l.holdingFrom !== null });
  });
  history.sales.forEach((s, index) => {
    if (s.acquired === null || !r(s.shares).greaterThan(0)) return;
    out.push({ source: 'sale', index, date: s.acquired, account: s.account, ticker: s.ticker, group: groupOf(s.ticker, history.securities), lot: s.lot, shares: r(s.shares), taxAdvantaged: adv(s.account), adjusted: false });
  });
  const planned = history.planned;
  planned?.trades.forEach((t, index) => {
    if (t.action !== 'BUY' || !r(t.shares).greaterThan(0)) return;
    out.push({ source: 'planned', index, date: planned.asOf, account: t.account, ticker: t.ticker, group: groupOf(t.ticker, history.securities), lot: null, shares: r(t.shares), taxAdvantaged: adv(t.account), adjusted: false });
  });
  return out;
}

function samePurchase(sale: RefLossSale, a: RefAcquisition): boolean {
  if (a.source === 'planned' || a.account !== sale.account || a.ticker !== sale.ticker) return false;
  if (sale.acquired !== null && a.date !== sale.acquired) return false;
  return sale.lot === null || a.lot === null || sale.lot === a.lot;
}

const byDate = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/**
 * The keys, most significant first, that order the replacements of one loss sale: the date, then
 * the same-day rule (see the header). Compared key by key; numbers and strings only.
 */
function replacementKeys(sale: RefLossSale, a: RefAcquisition): (string | number)[] {
  const ownFund = a.account === sale.account && a.ticker === sale.ticker;
  const kind = a.source === 'planned' ? 3 : a.lot === null ? 2 : 1;
  const base = a.lot === null ? '' : a.lot.replace(/(-W[0-9]+)+$/, '');
  return [
    a.date,
    a.adjusted && !a.taxAdvantaged ? 0 : 1,
    ownFund ? 0 : 1,
    a.taxAdvantaged ? 1 : 0,
    a.account,
    a.ticker,
    kind,
    kind === 1 ? base : '',
    kind === 1 && base !== a.lot ? 0 : 1,
    kind === 1 ? a.lot! : '',
    a.source === 'lot' ? 0 : 1,
    a.index,
  ];
}

function compareKeys(x: readonly (string | number)[], y: readonly (string | number)[]): number {
  for (let i = 0; i < x.length; i++) {
    if (x[i] < y[i]) return -1;
    if (x[i] > y[i]) return 1;
  }
  return 0;
}

/** Every wash sale the history (and the plan, when given) holds. */
export function listWashes(history: History): RefWash[] {
  const sales = lossSales(history).sort((a, b) => byDate(a.date, b.date) || byDate(a.acquired, b.acquired) || (a.source === b.source ? a.index - b.index : a.source === 'sale' ? -1 : 1));
  const acq = acquisitions(history);
  const left = new Map(acq.map((a) => [a, a.shares]));
  const planned = history.planned;
  /** Shares of this acquisition disposed of in the loss sale's own sale: they replace nothing. */
  const soldInSameSale = (sale: RefLossSale, a: RefAcquisition): R => {
    if (a.account !== sale.account || a.group !== sale.group) return new R(0);
    if (a.source === 'sale') return history.sales[a.index].date === sale.date ? a.shares : new R(0);
    if (a.source === 'lot' && sale.source === 'planned' && planned) {
      const taken = planned.trades.filter((t) => t.action === 'SELL' && t.account === a.account).flatMap((t) => t.lots.filter((x) => x.lot === a.lot));
      return rsum(taken.map((x) => r(x.shares)));
    }
    return new R(0);
  };
  const washes: RefWash[] = [];
  for (const sale of sales) {
    let need = sale.shares;
    const keyed = acq.map((a) => ({ a, keys: replacementKeys(sale, a) })).sort((x, y) => compareKeys(x.keys, y.keys));
    for (const { a } of keyed) {
      if (!need.greaterThan(0)) break;
      if (a.group !== sale.group || Math.abs(daysFrom(sale.date, a.date)) > WINDOW_DAYS || samePurchase(sale, a)) continue;
      const available = R.min(left.get(a)!, a.shares.minus(soldInSameSale(sale, a)));
      if (!available.greaterThan(0)) continue;
      const take = R.min(need, available);
      left.set(a, available.minus(take));
      need = need.minus(take);
      washes.push({
        sale, replacement: a, shares: take, disallowed: sale.loss.times(take).dividedBy(sale.shares),
        permanent: a.taxAdvantaged, planned: sale.source === 'planned' || a.source === 'planned',
      });
    }
  }
  return washes;
}

/** Washes a plan's trades create: those in the history with the plan that involve one of its trades. */
export function washesCreatedBy(history: Omit<History, 'planned'>, planned: PlannedTrades): RefWash[] {
  return listWashes({ ...history, planned }).filter((w) => w.planned);
}

/** The audit's view: loss disallowed per Sales row, and whether the row's `Disallowed` already says so. */
export function disallowedBySale(washes: readonly RefWash[]): Map<RefLossSale, { disallowed: R; recorded: boolean }> {
  const out = new Map<RefLossSale, { disallowed: R; recorded: boolean }>();
  for (const w of washes) {
    const total = (out.get(w.sale)?.disallowed ?? new R(0)).plus(w.disallowed);
    out.set(w.sale, { disallowed: total, recorded: w.sale.recordedDisallowed.plus('0.01').greaterThanOrEqualTo(total) });
  }
  return out;
}

export const describeWash = (w: RefWash): string =>
  `loss of ${w.disallowed.toFixed(2)} on ${w.shares.toFixed()} ${w.sale.ticker} sold in ${w.sale.account} on ${w.sale.date}` +
  ` (${w.sale.source}${w.sale.lot ? ` lot ${w.sale.lot}` : ''}) washed by ${w.replacement.ticker} acquired in ${w.replacement.account}` +
  ` on ${w.replacement.date} (${w.replacement.source}${w.replacement.lot ? ` lot ${w.replacement.lot}` : ''})${w.permanent ? ', permanently' : ''}`;

export const totalDisallowed = (washes: readonly RefWash[]): R => rsum(washes.map((w) => w.disallowed));

/**
 * Washes whose matching the rules leave open, where this reference and the engine choose
 * differently: a loss deferred into shares bought and since sold, whose own sale then ends at a
 * loss (that loss exists only because of the wash, and which replacements it may take is not
 * settled by Reg. 1.1091-1), and two loss sales that each replace the other. Property tests judge
 * every other history; these chains are listed as open in the issue notes.
 */
export function washChains(history: History): string[] {
  const washes = listWashes(history);
  const chains: string[] = [];
  for (const w of washes) {
    if (w.permanent || w.replacement.source !== 'sale') continue;
    const sold = history.sales[w.replacement.index]!;
    if (r(sold.basis).plus(w.disallowed).greaterThan(r(sold.proceeds))) chains.push(`a loss moved into ${describeWash(w)}, whose sale ends at a loss`);
  }
  const purchaseOf = (x: { account: string; ticker: string; lot: string | null }) => `${x.account}|${x.ticker}|${x.lot ?? ''}`;
  for (const a of washes) {
    for (const b of washes) {
      if (a !== b && purchaseOf(a.sale) === purchaseOf(b.replacement) && purchaseOf(b.sale) === purchaseOf(a.replacement)) chains.push(`losses replacing each other: ${describeWash(a)}`);
    }
  }
  return chains;
}
