import { Decimal, ZERO, formatDollars, minDec, roundCents, toPlain } from './money';
import { addDays, compareDates, type IsoDate } from './dates';
import { tackedHoldingFrom } from './holding-period';
import { applyTrades, type TradeInput } from './trade-effects';
import type { Account, Household, Lot, Sale, Security, TaxTreatment } from './types';
import { purchaseId, replacementOrder } from './wash-order';

export { purchaseId } from './wash-order';

/**
 * Wash sales (IRC 1091; Publication 550, "Wash Sales"). A loss on a sale is not deductible when
 * substantially identical securities are acquired within 30 days before or after the sale (a
 * 61-day window), in any account of the household: an IRA or Roth purchase counts too, and then
 * the loss is gone for good (Rev. Rul. 2008-5). Otherwise the disallowed loss is added to the
 * replacement shares' basis (IRC 1091(d)) and the sold shares' holding period is tacked onto
 * theirs (IRC 1223(3)).
 *
 * Matching (Reg. 1.1091-1(b)-(d), Publication 550 "More or less stock bought than sold"): share
 * for share, the earliest replacement shares first (shares acquired the same day in the one order
 * of `replacementOrder`, wash-order.ts); several loss sales are matched earliest sale first, and
 * each replacement share washes one loss share only. A partial match disallows the matched
 * shares' part of the loss. The purchase of the shares being sold is not its own replacement,
 * and shares sold in the same sale are no longer held, so they replace nothing.
 */
export const WASH_WINDOW_DAYS = 30;

/** A loss sale in a taxable account, as the matcher sees it. */
export interface LossSale {
  /** Row index in the Sales list. */
  row: number;
  account: string;
  ticker: string;
  group: string;
  date: IsoDate;
  shares: Decimal;
  /** The whole loss (Cost Basis, with any adjustment not yet written, less Proceeds). */
  loss: Decimal;
  /** Loss not yet disallowed (loss - Disallowed), a positive number or zero. */
  washableLoss: Decimal;
  /** Shares already matched by wash sales recorded earlier, the simplest count the Disallowed's cents fit (the matcher prefers whole replacements: sharesRecorded). */
  washedShares: Decimal;
  /** The sold shares' holding start (the Sales `Acquired`), needed for tacking; null if unknown. */
  soldStart: IsoDate | null;
  lot: string | null;
  /** Added by the trades being checked or recorded now. */
  proposed: boolean;
}

/**
 * Shares acquired, a possible replacement: a lot now held, or shares bought and since sold (a
 * Sales row's `Acquired` is a purchase on that date in that account; Reg. 1.1091-1 counts every
 * acquisition in the window, whether or not the shares are still held).
 */
export interface Acquisition {
  /** The lot id (a Sales row without a Lot gets `sale-row-<n>`, its 1-based row in the list). */
  lot: string;
  /** Where the shares are now: a Lots entry, or the Sales row that disposed of them. */
  source: { kind: 'lot'; index: number } | { kind: 'sale'; index: number; date: IsoDate };
  /** The id the tab gives (null for a Sales row without a Lot): identity for "same purchase". */
  id: string | null;
  account: string;
  ticker: string;
  group: string;
  date: IsoDate;
  shares: Decimal;
  treatment: TaxTreatment;
  proposed: boolean;
  /** Already carries a holding-period adjustment (a split-off replacement part): matched first on its day (wash-order.ts). */
  adjusted: boolean;
}

export interface WashMatch {
  sale: LossSale;
  replacement: Acquisition;
  shares: Decimal;
  /** Loss disallowed by this match (positive). */
  disallowed: Decimal;
  /** Replacement in a tax-advantaged account: the loss is lost, no basis adjustment. */
  permanent: boolean;
  /** The replacement's tacked holding start; null when the sold shares' start is unknown or permanent. */
  holdingFrom: IsoDate | null;
  /** Already accounted for by the sale's recorded `Disallowed` (the replacement is a best reading). */
  recorded: boolean;
}

export function washGroupOf(ticker: string, securities: readonly Security[]): string {
  return securities.find((s) => s.ticker === ticker)?.washGroup ?? ticker;
}

function treatmentOf(account: string, accounts: readonly Account[]): TaxTreatment {
  return accounts.find((a) => a.name === account)?.treatment ?? 'taxable';
}

/** What identifies a purchase: the lot id (null when the tab gives none), where and when. */
export interface PurchaseRef {
  id: string | null;
  account: string;
  ticker: string;
  /** The acquisition date (a Lots row's `Acquired`; a Sales row's `Acquired`, which may be a tacked start). */
  date: IsoDate | null;
  /** True for a Sales row, whose `Acquired` may be the tacked holding start rather than the purchase date. */
  sold: boolean;
}

/**
 * Are two lots parts of one purchase? A purchase is not its own replacement (Rev. Rul. 56-602),
 * so this decides what may wash what. Lot ids are identities: parts split off by a wash-sale
 * adjustment keep the account, ticker and acquisition date and get `<id>-W<n>`, so the same id
 * stem alone is not enough: a user's own "L1-W1" bought on another day (or in another account) is
 * a separate purchase. A sold `-W` part's `Acquired` may be its tacked start (never later than
 * the purchase), so an earlier date there does not make it another purchase.
 * Without ids, the same account, ticker and acquisition date is one purchase.
 */
export function samePurchase(a: PurchaseRef, b: PurchaseRef): boolean {
  if (a.account !== b.account || a.ticker !== b.ticker) return false;
  if (a.id !== null && b.id !== null) {
    if (a.id === b.id) return true;
    if (purchaseId(a.id) !== purchaseId(b.id)) return false;
    // A sold split-off part's Acquired is its tacked start: on or before the purchase's own date.
    const tacked = (r: PurchaseRef, other: PurchaseRef) =>
      r.sold && r.id !== null && purchaseId(r.id) !== r.id && (r.date === null || other.date === null || r.date <= other.date);
    return tacked(a, b) || tacked(b, a) || a.date === b.date;
  }
  return a.date !== null && a.date === b.date;
}

export function lotRef(lot: Pick<Lot, 'id' | 'account' | 'ticker' | 'acquired'>): PurchaseRef {
  return { id: lot.id, account: lot.account, ticker: lot.ticker, date: lot.acquired, sold: false };
}

/**
 * A held lot as the loss sale of it would name it: its Sales row's `Acquired` would be the
 * holding start, so compare it the way the matcher compares the sold shares (what TAXLOTS and the
 * planner ask: "would selling this lot today be washed?" must get the matcher's answer).
 */
export function lotAsSoldRef(lot: Pick<Lot, 'id' | 'account' | 'ticker' | 'acquired' | 'holdingFrom'>): PurchaseRef {
  return { id: lot.id, account: lot.account, ticker: lot.ticker, date: lot.holdingFrom ?? lot.acquired, sold: true };
}

export function saleRef(sale: Pick<Sale, 'lot' | 'account' | 'ticker' | 'acquired'>): PurchaseRef {
  return { id: sale.lot, account: sale.account, ticker: sale.ticker, date: sale.acquired, sold: true };
}

function acquisitionRef(a: Acquisition): PurchaseRef {
  return { id: a.id, account: a.account, ticker: a.ticker, date: a.date, sold: a.source.kind === 'sale' };
}

/**
 * Loss sales of taxable accounts. A Sales row of an account no longer on the Accounts tab (a
 * closed account, a former broker) is still a loss the household realized: it counts as taxable.
 * `extraBasis` adds wash-sale adjustments not yet written to a row's Cost Basis (a replacement
 * bought and since sold: IRC 1091(d) moves the disallowed loss into its basis).
 */
export function lossSalesFrom(
  sales: readonly Sale[], accounts: readonly Account[], securities: readonly Security[], newRows: ReadonlySet<number>,
  extraBasis: ReadonlyMap<number, Decimal> = new Map(),
): LossSale[] {
  const result: LossSale[] = [];
  sales.forEach((sale, row) => {
    if (treatmentOf(sale.account, accounts) !== 'taxable') return; // no deductible loss inside an IRA
    const loss = sale.basis.plus(extraBasis.get(row) ?? ZERO).minus(sale.proceeds);
    if (!loss.greaterThan(0) || !sale.shares.greaterThan(0)) return;
    const disallowed = minDec(sale.disallowed, loss);
    result.push({
      row,
      account: sale.account,
      ticker: sale.ticker,
      group: washGroupOf(sale.ticker, securities),
      date: sale.date,
      shares: sale.shares,
      loss,
      washableLoss: loss.minus(disallowed),
      washedShares: sharesWashed(sale.shares, loss, disallowed),
      soldStart: sale.acquired,
      lot: sale.lot,
      proposed: newRows.has(row),
    });
  });
  return result;
}

/**
 * The shares a recorded Disallowed accounts for. It was the matched shares' part of the loss,
 * rounded to cents, so the exact share count is lost; take the simplest count (fewest decimals)
 * that gives back the same cents, so a recorded match reads back as the shares it was for.
 */
function sharesWashed(shares: Decimal, loss: Decimal, disallowed: Decimal): Decimal {
  if (disallowed.greaterThanOrEqualTo(loss)) return shares;
  const exact = shares.times(disallowed).dividedBy(loss);
  for (let places = 0; places <= 6; places += 1) {
    const t = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (roundCents(loss.times(t).dividedBy(shares)).equals(disallowed)) return t;
  }
  return exact.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
}

/**
 * The shares a sale's recorded Disallowed was for, given the replacement shares free for it now
 * (earliest first). The cents fit a range of share counts (under $10 of loss a share, a thousandth
 * of a share is under a cent: $34.82 of $130.94 on 33 shares is 8.775 shares or 8.776), and
 * `sharesWashed` alone may pick the wrong one. A recording takes whole replacements in that order
 * (only the last may be cut, when the sale runs out, and then the count is all the sale's shares),
 * so the most whole replacements whose shares give back the cents are what it was for. Otherwise
 * (a Disallowed from a broker or typed by hand) the simplest count that gives them back.
 */
function sharesRecorded(sale: LossSale, free: readonly Decimal[]): Decimal {
  const recorded = sale.loss.minus(sale.washableLoss);
  if (!recorded.greaterThan(0) || !recorded.lessThan(sale.loss)) return sale.washedShares;
  let best: Decimal | null = null;
  let sum = ZERO;
  for (const shares of free) {
    sum = minDec(sum.plus(shares), sale.shares);
    const cents = roundCents(sale.loss.times(sum).dividedBy(sale.shares));
    // More shares never give fewer cents: past the recorded amount, no later sum fits.
    if (cents.greaterThan(recorded)) break;
    if (cents.equals(recorded)) best = sum;
  }
  return best ?? sale.washedShares;
}

export function acquisitionsFrom(lots: readonly Lot[], accounts: readonly Account[], securities: readonly Security[], newIds: ReadonlySet<string>): Acquisition[] {
  return lots.flatMap((lot, index): Acquisition[] => (!lot.shares.greaterThan(0) ? [] : [{
      lot: lot.id,
      source: { kind: 'lot', index },
      id: lot.id,
      account: lot.account,
      ticker: lot.ticker,
      group: washGroupOf(lot.ticker, securities),
      date: lot.acquired,
      shares: lot.shares,
      treatment: treatmentOf(lot.account, accounts),
      proposed: newIds.has(lot.id),
      adjusted: lot.holdingFrom !== null,
    }]));
}

/**
 * Shares bought and since sold: each Sales row with an `Acquired` date, in any account (closed
 * ones too). Never `proposed`: selling shares now does not make their purchase new.
 */
export function saleAcquisitionsFrom(sales: readonly Sale[], accounts: readonly Account[], securities: readonly Security[]): Acquisition[] {
  return sales.flatMap((sale, index): Acquisition[] => (sale.acquired === null || !sale.shares.greaterThan(0) ? [] : [{
    lot: sale.lot ?? `sale-row-${index + 1}`,
    source: { kind: 'sale', index, date: sale.date },
    id: sale.lot,
    account: sale.account,
    ticker: sale.ticker,
    group: washGroupOf(sale.ticker, securities),
    date: sale.acquired,
    shares: sale.shares,
    treatment: treatmentOf(sale.account, accounts),
    proposed: false,
    adjusted: false,
  }]));
}

/** The smallest disallowance recorded. */
const CENT = new Decimal('0.01');

/**
 * Can these shares replace the sold ones? Same wash group, acquired within 30 days before or
 * after the sale, not part of the sold purchase (Rev. Rul. 56-602), and not shares disposed of in
 * the same sale (same day, account and ticker): they were never held beside a loss share.
 */
function canReplace(sale: LossSale, a: Acquisition): boolean {
  if (a.group !== sale.group) return false; // the window is the caller's slice (inWindowOf)
  if (a.source.kind === 'sale' && a.source.date === sale.date && a.account === sale.account && a.ticker === sale.ticker) return false;
  const sold: PurchaseRef = { id: sale.lot, account: sale.account, ticker: sale.ticker, date: sale.soldStart, sold: true };
  return !samePurchase(sold, acquisitionRef(a));
}

/**
 * Matches loss sales with replacement shares. Recorded sales first use up the replacement shares
 * their recorded Disallowed already accounts for (so nothing is washed twice; those matches come
 * back with `recorded`); what is left of each sale's loss is then matched. The Sales tab does not
 * say which lot took an earlier disallowance, so that replay takes the shares in the window in
 * `replacementOrder` (adjusted lots first), the same order a new match takes, so recording a
 * match and reading it back gives the same pairing. Sales are matched earliest first; the loss
 * lots of one sale earliest acquired first, whatever order the trade listed them (Reg.
 * 1.1091-1(b)).
 */
/** The acquisitions (sorted by date) within 30 days before or after `date`, found by binary search. */
function inWindowOf(sorted: readonly Acquisition[], date: IsoDate): readonly Acquisition[] {
  const first = (bound: IsoDate, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = sorted[mid].date < bound ? -1 : sorted[mid].date > bound ? 1 : 0;
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(first(addDays(date, -WASH_WINDOW_DAYS), false), first(addDays(date, WASH_WINDOW_DAYS), true));
}

/** Earliest acquired first; an unknown start last. */
function byStart(a: IsoDate | null, b: IsoDate | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return compareDates(a, b);
}

export function matchWashSales(sales: readonly LossSale[], acquisitions: readonly Acquisition[]): WashMatch[] {
  const bySaleDate = [...sales].sort(
    (a, b) => compareDates(a.date, b.date) || byStart(a.soldStart, b.soldStart) || a.row - b.row,
  );
  // By date (for the window search), each sale then orders its own candidates (same-day ties).
  const byAcquired = [...acquisitions].sort(replacementOrder());
  const available = new Map<Acquisition, Decimal>(byAcquired.map((a) => [a, a.shares]));
  // Only the sale's wash group can replace it: index once, so a long history stays fast.
  const byGroup = new Map<string, Acquisition[]>();
  for (const a of byAcquired) {
    const list = byGroup.get(a.group);
    if (list) list.push(a);
    else byGroup.set(a.group, [a]);
  }
  const matches: WashMatch[] = [];
  const match = (sale: LossSale, candidate: Acquisition, shares: Decimal, disallowed: Decimal, recorded: boolean) => {
    const permanent = candidate.treatment !== 'taxable';
    const edges = replacedBy.get(sale.group);
    const edge = { sold: soldRef(sale), replacement: acquisitionRef(candidate) };
    if (edges) edges.push(edge);
    else replacedBy.set(sale.group, [edge]);
    matches.push({
      sale, replacement: candidate, shares, disallowed, permanent, recorded,
      holdingFrom: permanent || sale.soldStart === null ? null : tackedHoldingFrom(candidate.date, sale.soldStart, sale.date),
    });
  };
  const soldRef = (sale: LossSale): PurchaseRef => ({ id: sale.lot, account: sale.account, ticker: sale.ticker, date: sale.soldStart, sold: true });
  // Shares that replaced a loss do not in turn wash the loss of the shares they replaced, nor of
  // any purchase that loss moved on to: otherwise the losses would move into each other's basis
  // in a circle without end. Each match is an edge sold purchase -> replacement purchase, per
  // wash group, and an edge that would close a circle is not made.
  const replacedBy = new Map<string, { sold: PurchaseRef; replacement: PurchaseRef }[]>();
  const reaches = (group: string, from: PurchaseRef, to: PurchaseRef): boolean => {
    const edges = replacedBy.get(group) ?? [];
    const seen = new Set<number>();
    const queue = [from];
    while (queue.length > 0) {
      const at = queue.pop()!;
      if (samePurchase(at, to)) return true;
      edges.forEach((e, i) => {
        if (!seen.has(i) && samePurchase(e.sold, at)) {
          seen.add(i);
          queue.push(e.replacement);
        }
      });
    }
    return false;
  };
  const washesItsOwnReplacement = (sale: LossSale, a: Acquisition) => reaches(sale.group, acquisitionRef(a), soldRef(sale));
  for (const sale of bySaleDate) {
    const candidates = inWindowOf(byGroup.get(sale.group) ?? [], sale.date).filter((a) => canReplace(sale, a)).sort(replacementOrder(sale));
    // A Disallowed recorded earlier was matched against shares held then, never new ones.
    const free = (c: Acquisition) => !c.proposed && (available.get(c) ?? ZERO).greaterThan(0) && !washesItsOwnReplacement(sale, c);
    const recordedShares = sharesRecorded(sale, candidates.filter(free).map((c) => available.get(c)!));
    // Each replacement's part as a recording made it: the increase, to the cent, of the loss of
    // the shares washed so far; the last takes what is left of the recorded Disallowed.
    let replay = recordedShares;
    let recordedLoss = sale.loss.minus(sale.washableLoss);
    let replayed = ZERO;
    let replayedLoss = ZERO;
    for (const candidate of candidates.filter((c) => !c.proposed)) {
      if (!replay.greaterThan(0)) break;
      const left = available.get(candidate) ?? ZERO;
      // The circle check last: it walks the matches made so far.
      if (!left.greaterThan(0) || washesItsOwnReplacement(sale, candidate)) continue;
      const take = minDec(replay, left);
      replayed = replayed.plus(take);
      const disallowed = take.equals(replay) ? recordedLoss : minDec(recordedLoss, Decimal.max(ZERO, roundCents(sale.loss.times(replayed).dividedBy(sale.shares)).minus(replayedLoss)));
      replayedLoss = replayedLoss.plus(disallowed);
      available.set(candidate, left.minus(take));
      // Shares whose part was under a cent when recorded: used up, as then, but no match (see below).
      if (disallowed.greaterThan(0)) match(sale, candidate, take, disallowed, true);
      replay = replay.minus(take);
      recordedLoss = recordedLoss.minus(disallowed);
    }
    // New matches: the disallowed loss of the first c shares washed is the loss times c / shares,
    // to the cent (the whole loss once every share is washed); each match takes the increase. So
    // a recorded Disallowed always reads back as the shares it was for.
    let washed = recordedShares;
    let disallowedSoFar = sale.loss.minus(sale.washableLoss);
    for (const candidate of candidates) {
      if (!washed.lessThan(sale.shares)) break;
      const left = available.get(candidate) ?? ZERO;
      // The circle check last: it walks the matches made so far.
      if (!left.greaterThan(0) || washesItsOwnReplacement(sale, candidate)) continue;
      const take = minDec(sale.shares.minus(washed), left);
      washed = washed.plus(take);
      available.set(candidate, left.minus(take));
      const total = washed.equals(sale.shares) ? sale.loss : roundCents(sale.loss.times(washed).dividedBy(sale.shares));
      const disallowed = total.minus(disallowedSoFar);
      // Under a cent: what share rounding leaves over, not a wash sale anyone records.
      if (disallowed.lessThan(CENT)) continue;
      match(sale, candidate, take, disallowed, false);
      disallowedSoFar = total;
    }
  }
  return matches;
}

export interface WashSale {
  account: string;
  ticker: string;
  saleDate: IsoDate;
  /** The sold lot, when known. */
  saleLot: string | null;
  replacementAccount: string;
  replacementTicker: string;
  /** The replacement lot id (for a proposed buy, `proposed-<n>`: the n-th buy among the trades). */
  replacementLot: string;
  replacementDate: IsoDate;
  shares: Decimal;
  /** The loss this wash sale disallows. */
  loss: Decimal;
  /** True when the replacement is in a tax-advantaged account: the loss is lost for good. */
  permanent: boolean;
  /** Which side the proposed trades supply. */
  trigger: 'sale' | 'purchase' | 'both';
  reason: string;
}

export interface WashCheck {
  washSales: WashSale[];
  /** Trades that could not be read (unknown account, more shares than held...). */
  errors: string[];
}

export function describeMatch(match: WashMatch): string {
  const { sale, replacement } = match;
  const head = `Loss of ${formatDollars(match.disallowed)} on ${toPlain(match.shares)} shares of ${sale.ticker} sold in ${sale.account} on ${sale.date} is washed by ${replacement.ticker} bought in ${replacement.account} on ${replacement.date} (lot ${replacement.lot})`;
  return match.permanent
    ? `${head}: the replacement is in a tax-advantaged account, so the loss is permanently disallowed (Rev. Rul. 2008-5).`
    : `${head}: the loss is deferred into the replacement's basis${match.holdingFrom ? `, holding period from ${match.holdingFrom}` : ''} (IRC 1091(d)).`;
}

/**
 * Wash sales that trades proposed for `asOf` would create or trigger: a proposed loss sale washed
 * by a buy in the last 30 days (or by a proposed buy), and a proposed buy washing a loss realized
 * in the last 30 days (Sales rows, minus the loss already Disallowed). Sells without named lots
 * take lots by the Settings lot method.
 */
export function checkWashSales(household: Household, proposedTrades: readonly TradeInput[], asOf: IsoDate): WashCheck {
  const effects = applyTrades(household, proposedTrades, {
    asOf,
    lotMethod: household.settings.lotMethod,
    lotId: (n) => `proposed-${n}`,
    checkCash: false,
  });
  const newRows = new Set(effects.newSaleRows);
  const sales = lossSalesFrom(effects.sales, effects.accounts, household.securities, newRows);
  const acquisitions = [
    ...acquisitionsFrom(effects.lots, effects.accounts, household.securities, new Set(effects.newLotIds)),
    ...saleAcquisitionsFrom(effects.sales, effects.accounts, household.securities),
  ];
  const washSales = matchWashSales(sales, acquisitions)
    .filter((m) => !m.recorded && (m.sale.proposed || m.replacement.proposed))
    .map((m) => ({
      account: m.sale.account,
      ticker: m.sale.ticker,
      saleDate: m.sale.date,
      saleLot: m.sale.lot,
      replacementAccount: m.replacement.account,
      replacementTicker: m.replacement.ticker,
      replacementLot: m.replacement.lot,
      replacementDate: m.replacement.date,
      shares: m.shares,
      loss: m.disallowed,
      permanent: m.permanent,
      trigger: m.sale.proposed && m.replacement.proposed ? 'both' : m.sale.proposed ? 'sale' : 'purchase',
      reason: describeMatch(m),
    }) satisfies WashSale);
  return { washSales, errors: effects.errors };
}

/** A purchase as TAXLOTS and the planner look back at it: a lot held, or shares bought and since sold. */
export interface RecentPurchase extends PurchaseRef {
  date: IsoDate;
}

/** Purchases in the 30 days up to `asOf` (any account, closed ones too), by wash group: the possible replacements for a loss sold today. */
export type RecentPurchases = ReadonlyMap<string, readonly RecentPurchase[]>;

export function recentPurchasesByGroup(household: Pick<Household, 'lots' | 'securities'> & Partial<Pick<Household, 'sales'>>, asOf: IsoDate): RecentPurchases {
  const groups = new Map(household.securities.map((s) => [s.ticker, s.washGroup]));
  const recent = new Map<string, RecentPurchase[]>();
  // ISO dates compare as text: a purchase in [asOf - 30 days, asOf], checked before building its ref.
  const windowStart = addDays(asOf, -WASH_WINDOW_DAYS);
  const inWindow = (date: IsoDate) => date >= windowStart && date <= asOf;
  const add = (ticker: string, purchase: RecentPurchase) => {
    const group = groups.get(ticker) ?? ticker;
    const list = recent.get(group);
    if (list) list.push(purchase);
    else recent.set(group, [purchase]);
  };
  for (const lot of household.lots) if (inWindow(lot.acquired) && lot.shares.greaterThan(0)) add(lot.ticker, { ...lotRef(lot), date: lot.acquired });
  for (const sale of household.sales ?? []) {
    if (sale.acquired !== null && inWindow(sale.acquired) && sale.shares.greaterThan(0)) add(sale.ticker, { ...saleRef(sale), date: sale.acquired });
  }
  return recent;
}

/**
 * For TAXLOTS: if this lot were sold at a loss on `asOf`, would a purchase in the last 30 days
 * (any account, same wash group, another purchase; shares since sold count too) wash it? Returns
 * the first date it would not (the last such purchase + 31 days), or null. Pass `recent` when
 * flagging many lots: it is the same for all of them.
 */
export function washSaleFlag(lot: Lot, household: Household, asOf: IsoDate, recent: RecentPurchases = recentPurchasesByGroup(household, asOf)): IsoDate | null {
  let last: IsoDate | null = null;
  const self = lotAsSoldRef(lot);
  for (const other of recent.get(washGroupOf(lot.ticker, household.securities)) ?? []) {
    if (samePurchase(self, other)) continue;
    if (last === null || compareDates(other.date, last) > 0) last = other.date;
  }
  return last === null ? null : addDays(last, WASH_WINDOW_DAYS + 1);
}
