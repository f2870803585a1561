import { Decimal, ZERO, formatDollars, toPlain } from './money';
import type { IsoDate } from './dates';
import { splitLot } from './lots/take-shares';
import type { Household, Lot, Sale } from './types';
import { acquisitionsFrom, describeMatch, lossSalesFrom, matchWashSales, saleAcquisitionsFrom, type WashMatch } from './wash-sales';

/**
 * The wash-sale audit of the whole history (IRC 1091, Treas. Reg. 1.1091-1, Rev. Rul. 2008-5):
 * every loss on the Sales tab, in any account (closed ones too), against every acquisition of a
 * substantially identical security (same wash group) 30 days before or after it: lots held
 * (their `Acquired`) and shares bought and since sold (a Sales row's `Acquired`), in any account.
 * Pure: the CLI (`rebalance washes`), the sidebar notice, the scheduled email and TAXLOTS all read
 * this one result, and `--fix` / "record the adjustment" write `recordWashAdjustments`.
 */
export interface HistoryWash {
  /** Index of the loss sale in `household.sales`. */
  saleRow: number;
  saleDate: IsoDate;
  account: string;
  ticker: string;
  /** The sold lot, when the Sales row names it. */
  lot: string | null;
  replacementAccount: string;
  replacementTicker: string;
  replacementLot: string;
  replacementAcquired: IsoDate;
  /** The replacement is still held (a Lots row) or was sold since (a Sales row). */
  replacementHeld: boolean;
  /** Index of the replacement in `household.lots` (held) or `household.sales` (sold since). */
  replacementRow: number;
  shares: Decimal;
  disallowed: Decimal;
  /** A replacement in an IRA, Roth, HSA, ...: the loss is gone for good (Rev. Rul. 2008-5). */
  permanent: boolean;
  /** The tabs already record it: the sale's Disallowed covers it. */
  recorded: boolean;
  /** The replacement's tacked holding start (IRC 1223(3)); null when permanent or unknown. */
  holdingFrom: IsoDate | null;
  /** One sentence for a person. */
  reason: string;
}

export interface WashAudit {
  washes: HistoryWash[];
  /** The matches behind the washes, for recording (same order). */
  matches: WashMatch[];
  /**
   * Wash-sale adjustments not yet in a Sales row's Cost Basis, by row: a replacement sold since
   * takes the disallowed loss into its basis, changing that sale's gain (IRC 1091(d)).
   */
  extraBasis: ReadonlyMap<number, Decimal>;
}

type History = Pick<Household, 'lots' | 'sales' | 'accounts' | 'securities'>;

/** A basis moved into a sold replacement may turn its gain into a loss that is washed in turn; a few passes settle it. */
const MAX_PASSES = 8;

/**
 * Matches the history, loss sales earliest first. `newSaleRows` / `newLotIds` mark what a
 * recording adds now (see recordTrades); the audit itself passes none. `applied` says which
 * unrecorded matches the caller will write: only their basis moves into sold replacements.
 */
export function matchHistory(
  history: History, newSaleRows: ReadonlySet<number> = new Set(), newLotIds: ReadonlySet<string> = new Set(),
  applied: (match: WashMatch) => boolean = () => true,
): { matches: WashMatch[]; extraBasis: Map<number, Decimal> } {
  const { lots, sales, accounts, securities } = history;
  const acquisitions = [...acquisitionsFrom(lots, accounts, securities, newLotIds), ...saleAcquisitionsFrom(sales, accounts, securities)];
  let extraBasis = new Map<number, Decimal>();
  let matches: WashMatch[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    matches = matchWashSales(lossSalesFrom(sales, accounts, securities, newSaleRows, extraBasis), acquisitions);
    const next = soldReplacementBasis(matches.filter(applied));
    if (sameAmounts(next, extraBasis)) break;
    extraBasis = next;
  }
  return { matches, extraBasis };
}

function soldReplacementBasis(matches: readonly WashMatch[]): Map<number, Decimal> {
  const extra = new Map<number, Decimal>();
  for (const m of matches) {
    if (m.recorded || m.permanent || m.replacement.source.kind !== 'sale') continue;
    const row = m.replacement.source.index;
    extra.set(row, (extra.get(row) ?? ZERO).plus(m.disallowed));
  }
  return extra;
}

function sameAmounts(a: ReadonlyMap<number, Decimal>, b: ReadonlyMap<number, Decimal>): boolean {
  if (a.size !== b.size) return false;
  for (const [row, amount] of a) if (!(b.get(row) ?? ZERO).equals(amount)) return false;
  return true;
}

export function auditWashSales(history: History): WashAudit {
  const { matches, extraBasis } = matchHistory(history);
  const washes = matches.map((m): HistoryWash => ({
    saleRow: m.sale.row,
    saleDate: m.sale.date,
    account: m.sale.account,
    ticker: m.sale.ticker,
    lot: m.sale.lot,
    replacementAccount: m.replacement.account,
    replacementTicker: m.replacement.ticker,
    replacementLot: m.replacement.lot,
    replacementAcquired: m.replacement.date,
    replacementHeld: m.replacement.source.kind === 'lot',
    replacementRow: m.replacement.source.index,
    shares: m.shares,
    disallowed: m.disallowed,
    permanent: m.permanent,
    recorded: m.recorded,
    holdingFrom: m.holdingFrom,
    reason: describeMatch(m),
  }));
  return { washes, matches, extraBasis };
}

/** Lots and Sales after recording wash sales; `journal` says what changed. */
export interface WashAdjusted {
  lots: Lot[];
  sales: Sale[];
  journal: string[];
}

/** A part split off a replacement lot gets `<id>-W<n>`, the first n no lot or sale already uses (ids are identities). */
function splitId(id: string, lots: readonly Lot[], sales: readonly Sale[]): string {
  const taken = new Set([...lots.map((l) => l.id), ...sales.flatMap((s) => (s.lot === null ? [] : [s.lot]))]);
  for (let n = 1; ; n += 1) {
    const candidate = `${id}-W${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Writes wash-sale matches into the tabs: the loss sale's Disallowed grows; a taxable replacement
 * still held takes the disallowed loss into its basis and the tacked holding start (a lot only
 * partly used is split, so each part keeps its own basis and holding period); a taxable
 * replacement sold since takes it into that Sales row's Cost Basis. A permanent wash (IRA
 * replacement) changes only the Disallowed. A replacement lot whose Holding From already is the
 * tacked start was adjusted already (by the broker or by hand): its basis is left alone.
 * Recorded matches are skipped. Works on copies.
 */
export function recordWashAdjustments(lotsIn: readonly Lot[], salesIn: readonly Sale[], matches: readonly WashMatch[]): WashAdjusted {
  const lots = lotsIn.map((l) => ({ ...l }));
  const sales = salesIn.map((s) => ({ ...s }));
  const journal: string[] = [];
  // Lots move when split: find a replacement by the identity it had when matched.
  const lotIdAt = new Map(lotsIn.map((l, i) => [i, l.id]));
  for (const match of matches) {
    if (match.recorded) continue;
    const row = sales[match.sale.row];
    sales[match.sale.row] = { ...row, disallowed: row.disallowed.plus(match.disallowed) };
    journal.push(`Wash sale: ${describeMatch(match)}`);
    if (match.permanent) continue;
    const source = match.replacement.source;
    if (source.kind === 'sale') {
      const sold = sales[source.index];
      sales[source.index] = { ...sold, basis: sold.basis.plus(match.disallowed) };
      journal.push(`The replacement ${sold.ticker} sold in ${sold.account} on ${sold.date} takes the ${formatDollars(match.disallowed)} into its cost basis (now ${formatDollars(sold.basis.plus(match.disallowed))}), which changes that sale's gain${match.holdingFrom ? `; its holding period counts from ${match.holdingFrom}` : ''}.`);
      continue;
    }
    const index = lots.findIndex((l) => l.id === lotIdAt.get(source.index));
    const lot = lots[index];
    if (match.holdingFrom !== null && lot.holdingFrom === match.holdingFrom) {
      journal.push(`Lot ${lot.id} already counts its holding period from ${match.holdingFrom}: its basis was left as it is.`);
      continue;
    }
    const { part, rest } = splitLot(lot, match.shares);
    const adjusted: Lot = {
      ...part,
      id: rest ? splitId(lot.id, lots, sales) : lot.id,
      basis: part.basis.plus(match.disallowed),
      holdingFrom: match.holdingFrom ?? part.holdingFrom,
    };
    if (match.holdingFrom === null) {
      journal.push(`Sale of ${match.sale.ticker} on ${match.sale.date} has no Acquired date: lot ${adjusted.id}'s holding period could not be tacked; fill Holding From by hand.`);
    }
    lots.splice(index, 1, ...(rest ? [rest, adjusted] : [adjusted]));
  }
  return { lots, sales, journal };
}

export type WashFixResult =
  | { ok: true; lots: Lot[]; sales: Sale[]; journal: string[]; fixed: HistoryWash[] }
  | { ok: false; errors: string[] };

/**
 * Records every unrecorded wash sale of the history, all or nothing. The result is audited again
 * and must show nothing left to record (so fixing twice changes nothing); otherwise it is refused.
 */
export function fixWashSales(history: History): WashFixResult {
  const audit = auditWashSales(history);
  const fixed = audit.washes.filter((w) => !w.recorded);
  if (fixed.length === 0) return { ok: true, lots: [...history.lots], sales: [...history.sales], journal: [], fixed };
  const adjusted = recordWashAdjustments(history.lots, history.sales, audit.matches);
  const again = auditWashSales({ ...history, lots: adjusted.lots, sales: adjusted.sales }).washes.filter((w) => !w.recorded);
  if (again.length > 0) {
    return { ok: false, errors: again.map((w) => `After recording, still unrecorded: ${w.reason} Record it by hand, then run the audit again.`) };
  }
  return { ok: true, ...adjusted, fixed };
}

/** The audit as JSON (`rebalance washes --json`, the sidebar): numbers as decimal strings. */
export interface HistoryWashJson {
  saleDate: string;
  account: string;
  ticker: string;
  lot: string | null;
  replacementAccount: string;
  replacementTicker: string;
  replacementLot: string;
  replacementAcquired: string;
  shares: string;
  disallowed: string;
  permanent: boolean;
  recorded: boolean;
}

export function historyWashJson(w: HistoryWash): HistoryWashJson {
  return {
    saleDate: w.saleDate,
    account: w.account,
    ticker: w.ticker,
    lot: w.lot,
    replacementAccount: w.replacementAccount,
    replacementTicker: w.replacementTicker,
    replacementLot: w.replacementLot,
    replacementAcquired: w.replacementAcquired,
    shares: toPlain(w.shares),
    disallowed: toPlain(w.disallowed),
    permanent: w.permanent,
    recorded: w.recorded,
  };
}

/** The total still to record, and how much of it is lost for good. */
export function unrecordedTotals(washes: readonly HistoryWash[]): { count: number; disallowed: Decimal; permanent: Decimal } {
  const open = washes.filter((w) => !w.recorded);
  return {
    count: open.length,
    disallowed: open.reduce((acc, w) => acc.plus(w.disallowed), ZERO),
    permanent: open.filter((w) => w.permanent).reduce((acc, w) => acc.plus(w.disallowed), ZERO),
  };
}

/**
 * The Journal id of a wash-sale recording, from the time it is made (an ISO instant): `WASH-`
 * and the time to the second. Recorded like a plan, so Undo last recording can take it back.
 */
export function washRecordingId(isoTime: string): string {
  return `WASH-${isoTime.replace(/[-:.TZ]/g, '').slice(0, 14)}`;
}
