import { Decimal, ZERO, formatDollars, minDec, roundCents, toPlain } from './money';
import { addDays, compareDates, daysBetween, type IsoDate } from './dates';
import { tackedHoldingFrom } from './holding-period';
import { applyTrades, type TradeInput } from './trade-effects';
import type { Account, Household, Lot, Sale, Security, TaxTreatment } from './types';

/**
 * Wash sales (IRC 1091; Publication 550, "Wash Sales"). A loss on a sale is not deductible when
 * substantially identical securities are acquired within 30 days before or after the sale (a
 * 61-day window), in any account of the household: an IRA or Roth purchase counts too, and then
 * the loss is gone for good (Rev. Rul. 2008-5). Otherwise the disallowed loss is added to the
 * replacement shares' basis (IRC 1091(d)) and the sold shares' holding period is tacked onto
 * theirs (IRC 1223(3)).
 *
 * Matching (Reg. 1.1091-1(b)-(d), Publication 550 "More or less stock bought than sold"): share
 * for share, the earliest replacement shares first; several loss sales are matched earliest sale
 * first, and each replacement share washes one loss share only. A partial match disallows the
 * matched shares' part of the loss. The purchase of the shares being sold is not its own replacement,
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
  /** Loss not yet disallowed (loss - Disallowed), a positive number or zero. */
  washableLoss: Decimal;
  /** Shares already matched by wash sales recorded earlier (in proportion to Disallowed / loss). */
  washedShares: Decimal;
  /** The sold shares' holding start (the Sales `Acquired`), needed for tacking; null if unknown. */
  soldStart: IsoDate | null;
  lot: string | null;
  /** Added by the trades being checked or recorded now. */
  proposed: boolean;
}

/** Shares acquired (a lot now held), a possible replacement. */
export interface Acquisition {
  lot: string;
  account: string;
  ticker: string;
  group: string;
  date: IsoDate;
  shares: Decimal;
  treatment: TaxTreatment;
  proposed: boolean;
  /** Already carries a holding-period adjustment (a split-off replacement part): matched first on ties. */
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
}

export function washGroupOf(ticker: string, securities: readonly Security[]): string {
  return securities.find((s) => s.ticker === ticker)?.washGroup ?? ticker;
}

function treatmentOf(account: string, accounts: readonly Account[]): TaxTreatment {
  return accounts.find((a) => a.name === account)?.treatment ?? 'taxable';
}

/** Lot ids of the parts split off a replacement lot end in `-W<n>`; all parts are one purchase. */
export function purchaseId(lotId: string): string {
  return lotId.replace(/(-W\d+)+$/, '');
}

export function lossSalesFrom(sales: readonly Sale[], accounts: readonly Account[], securities: readonly Security[], newRows: ReadonlySet<number>): LossSale[] {
  const result: LossSale[] = [];
  sales.forEach((sale, row) => {
    if (treatmentOf(sale.account, accounts) !== 'taxable') return; // no deductible loss inside an IRA
    const loss = sale.basis.minus(sale.proceeds);
    if (!loss.greaterThan(0) || !sale.shares.greaterThan(0)) return;
    const disallowed = minDec(sale.disallowed, loss);
    result.push({
      row,
      account: sale.account,
      ticker: sale.ticker,
      group: washGroupOf(sale.ticker, securities),
      date: sale.date,
      shares: sale.shares,
      washableLoss: loss.minus(disallowed),
      washedShares: sale.shares.times(disallowed).dividedBy(loss).toDecimalPlaces(6, Decimal.ROUND_HALF_UP),
      soldStart: sale.acquired,
      lot: sale.lot,
      proposed: newRows.has(row),
    });
  });
  return result;
}

export function acquisitionsFrom(lots: readonly Lot[], accounts: readonly Account[], securities: readonly Security[], newIds: ReadonlySet<string>): Acquisition[] {
  return lots
    .filter((lot) => lot.shares.greaterThan(0))
    .map((lot) => ({
      lot: lot.id,
      account: lot.account,
      ticker: lot.ticker,
      group: washGroupOf(lot.ticker, securities),
      date: lot.acquired,
      shares: lot.shares,
      treatment: treatmentOf(lot.account, accounts),
      proposed: newIds.has(lot.id),
      adjusted: lot.holdingFrom !== null,
    }));
}

function inWindow(saleDate: IsoDate, acquired: IsoDate): boolean {
  return Math.abs(daysBetween(saleDate, acquired)) <= WASH_WINDOW_DAYS;
}

/**
 * Matches loss sales with replacement shares. Recorded sales first use up the replacement shares
 * their recorded Disallowed already accounts for (so nothing is washed twice); what is left of
 * each sale's loss is then matched. The Sales tab does not say which lot took an earlier
 * disallowance, so that replay takes the earliest lots still held in the window (adjusted ones
 * first); if the real replacement has since been sold, a later purchase may be matched less.
 */
export function matchWashSales(sales: readonly LossSale[], acquisitions: readonly Acquisition[]): WashMatch[] {
  const bySaleDate = [...sales].sort((a, b) => compareDates(a.date, b.date) || a.row - b.row);
  const byAcquired = [...acquisitions].sort(
    (a, b) => compareDates(a.date, b.date) || Number(b.adjusted) - Number(a.adjusted) || (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0),
  );
  const available = new Map(byAcquired.map((a) => [a.lot, a.shares]));
  const matches: WashMatch[] = [];
  for (const sale of bySaleDate) {
    const candidates = byAcquired.filter(
      (a) => a.group === sale.group && inWindow(sale.date, a.date) && (sale.lot === null || purchaseId(a.lot) !== purchaseId(sale.lot)),
    );
    // A Disallowed recorded earlier was matched against shares held then, never new ones.
    let replay = sale.washedShares;
    for (const candidate of candidates.filter((c) => !c.proposed)) {
      if (!replay.greaterThan(0)) break;
      const take = minDec(replay, available.get(candidate.lot) ?? ZERO);
      available.set(candidate.lot, (available.get(candidate.lot) ?? ZERO).minus(take));
      replay = replay.minus(take);
    }
    let need = sale.shares.minus(sale.washedShares);
    let loss = sale.washableLoss;
    for (const candidate of candidates) {
      if (!need.greaterThan(0) || !loss.greaterThan(0)) break;
      const left = available.get(candidate.lot) ?? ZERO;
      if (!left.greaterThan(0)) continue;
      const take = minDec(need, left);
      // The last matched part takes the rest of the loss, so the parts add up to the loss exactly.
      const disallowed = take.equals(need) ? loss : roundCents(loss.times(take).dividedBy(need));
      const permanent = candidate.treatment !== 'taxable';
      matches.push({
        sale,
        replacement: candidate,
        shares: take,
        disallowed,
        permanent,
        holdingFrom: permanent || sale.soldStart === null ? null : tackedHoldingFrom(candidate.date, sale.soldStart, sale.date),
      });
      available.set(candidate.lot, left.minus(take));
      need = need.minus(take);
      loss = loss.minus(disallowed);
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
  const sales = lossSalesFrom(effects.sales, effects.accounts, household.securities, new Set(effects.newSaleRows));
  const acquisitions = acquisitionsFrom(effects.lots, effects.accounts, household.securities, new Set(effects.newLotIds));
  const washSales = matchWashSales(sales, acquisitions)
    .filter((m) => m.sale.proposed || m.replacement.proposed)
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

/** Lots bought in the 30 days up to `asOf` (any account), by wash group: the possible replacements for a loss sold today. */
export type RecentPurchases = ReadonlyMap<string, readonly Lot[]>;

export function recentPurchasesByGroup(household: Pick<Household, 'lots' | 'securities'>, asOf: IsoDate): RecentPurchases {
  const groups = new Map(household.securities.map((s) => [s.ticker, s.washGroup]));
  const recent = new Map<string, Lot[]>();
  for (const lot of household.lots) {
    if (!lot.shares.greaterThan(0)) continue;
    const age = daysBetween(lot.acquired, asOf);
    if (age < 0 || age > WASH_WINDOW_DAYS) continue;
    const group = groups.get(lot.ticker) ?? lot.ticker;
    const list = recent.get(group);
    if (list) list.push(lot);
    else recent.set(group, [lot]);
  }
  return recent;
}

/**
 * For TAXLOTS: if this lot were sold at a loss on `asOf`, would a purchase in the last 30 days
 * (any account, same wash group, another purchase) wash it? Returns the first date it would not
 * (the last such purchase + 31 days), or null. Pass `recent` when flagging many lots: it is the
 * same for all of them.
 */
export function washSaleFlag(lot: Lot, household: Household, asOf: IsoDate, recent: RecentPurchases = recentPurchasesByGroup(household, asOf)): IsoDate | null {
  let last: IsoDate | null = null;
  for (const other of recent.get(washGroupOf(lot.ticker, household.securities)) ?? []) {
    if (purchaseId(other.id) === purchaseId(lot.id)) continue;
    if (last === null || compareDates(other.acquired, last) > 0) last = other.acquired;
  }
  return last === null ? null : addDays(last, WASH_WINDOW_DAYS + 1);
}
