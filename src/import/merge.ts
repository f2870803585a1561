/**
 * Merging parsed broker files into the household, pure: an open-lots file replaces the lots of
 * the tickers it lists in its account (the broker's current truth) and leaves every other lot
 * alone; a realized file appends Sales rows and skips those already present (same account,
 * ticker, dates and shares), so importing the same files twice changes nothing. Every problem
 * (an unknown ticker, an account no Broker ID matches) is collected and returned, and then
 * nothing is to be written.
 */
import type { Account, Lot, Sale, Security } from '../engine/types';
import { Decimal, sumBy, toPlain } from '../engine/money';
import type { IsoDate } from '../engine/dates';
import { shortLotId } from '../engine/lots/short-lot-id';
import { accountsForBrokerId, brokerIdsMatch } from './account-match';
import type { ImportedLot, ParsedFile } from './types';

export interface ImportTarget {
  accounts: readonly Account[];
  securities: readonly Security[];
  lots: readonly Lot[];
  sales: readonly Sale[];
  /** Account name -> its Broker ID, for the accounts that have one. */
  brokerIds: ReadonlyMap<string, string>;
  /** No lot acquired and no sale made after this date. */
  asOf: IsoDate | null;
}

export interface ImportOptions {
  /** The workbook account every file goes into (overrides Broker ID matching). */
  account?: string | null;
}

/** What one ticker's lots in one account become. */
export interface TickerChange {
  account: string;
  ticker: string;
  /** Lots the file has that the tab had not (by date and shares). */
  added: number;
  /** Lots with the same date whose shares or basis the broker states differently. */
  replaced: number;
  /** Lots the tab had that the broker no longer lists (sold, or entered twice). */
  removed: number;
  unchanged: number;
  sharesBefore: Decimal;
  sharesAfter: Decimal;
  basisBefore: Decimal;
  basisAfter: Decimal;
}

export interface FileSummary {
  file: string;
  format: string;
  label: string;
  /** The workbook account it went into ('' for a file used only as a check). */
  account: string;
  lots: number;
  sales: number;
}

/** A lot the import writes, and the old lot it stands for (matched by date and shares). */
export interface FreshLot {
  lot: Lot;
  origin: Lot | null;
  /** The old lot says exactly this: its row is left as it is. */
  unchanged: boolean;
}

export type ImportResult =
  | {
      ok: true;
      lots: Lot[];
      /** Per replaced account and ticker, the lots written in place of its old ones. */
      replacements: { account: string; ticker: string; old: Lot[]; fresh: FreshLot[] }[];
      sales: Sale[];
      changes: TickerChange[];
      salesAdded: Sale[];
      salesSkipped: number;
      /** Old lots taken out (the replaced and the removed). */
      lotsReplaced: number;
      files: FileSummary[];
      prices: { ticker: string; price: Decimal }[];
      warnings: string[];
      /** False when the import would leave Lots and Sales exactly as they are. */
      changed: boolean;
    }
  | { ok: false; errors: string[] };

const keyOf = (account: string, ticker: string) => `${account.toLowerCase()}\u0000${ticker}`;

function resolveAccount(file: ParsedFile, target: ImportTarget, options: ImportOptions, errors: string[]): string | null {
  const names = target.accounts.map((a) => a.name);
  if (options.account) {
    const chosen = target.accounts.find((a) => a.name.toLowerCase() === options.account!.trim().toLowerCase());
    if (!chosen) {
      errors.push(`--account "${options.account}" is not on the Accounts tab; expected one of: ${names.join(', ')}`);
      return null;
    }
    const id = target.brokerIds.get(chosen.name);
    if (file.account && id && !brokerIdsMatch(file.account, id)) {
      errors.push(`${file.file} is for account ${file.account}, but ${chosen.name}'s Broker ID is ${id}; expected the file of that account (or correct the Broker ID)`);
      return null;
    }
    return chosen.name;
  }
  if (!file.account) {
    errors.push(`${file.file} does not show its account number; choose the account it belongs to (--account NAME, or the account picker)`);
    return null;
  }
  const matched = accountsForBrokerId(file.account, target.brokerIds);
  if (matched.length === 1) return matched[0];
  if (matched.length > 1) {
    errors.push(`${file.file} is for account ${file.account}, which the Broker IDs of ${matched.join(' and ')} all match; give each account its full number`);
    return null;
  }
  errors.push(`${file.file} is for account ${file.account}, which no account's Broker ID matches; add it to the Accounts tab's Broker ID column, or choose the account (--account NAME)`);
  return null;
}

function saleKey(s: { account: string; ticker: string; date: string; acquired: string | null; shares: Decimal }): string {
  return [s.account.toLowerCase(), s.ticker, s.date, s.acquired ?? '', toPlain(s.shares)].join('\u0000');
}

/** Old lots matched to new ones by acquisition date and shares; then by date alone. */
function matchLots(old: readonly Lot[], fresh: readonly ImportedLot[]): (Lot | null)[] {
  const free = new Set(old);
  const pick = (test: (l: Lot) => boolean) => {
    for (const l of free) if (test(l)) { free.delete(l); return l; }
    return null;
  };
  const exact = fresh.map((n) => pick((l) => l.acquired === n.acquired && l.shares.equals(n.shares)));
  return exact.map((m, i) => m ?? pick((l) => l.acquired === fresh[i].acquired));
}

export function mergeImport(target: ImportTarget, files: readonly ParsedFile[], options: ImportOptions = {}): ImportResult {
  const errors: string[] = [];
  const warnings: string[] = files.flatMap((f) => f.warnings);
  const known = new Set(target.securities.map((s) => s.ticker));
  const unknown = new Map<string, Set<string>>();
  const note = (ticker: string, file: string) => {
    if (!known.has(ticker)) unknown.set(ticker, (unknown.get(ticker) ?? new Set()).add(file));
  };
  const summaries: FileSummary[] = [];
  const replacements = new Map<string, { account: string; ticker: string; lots: ImportedLot[]; file: string }>();
  const incomingSales: Sale[] = [];

  for (const file of files) {
    const isCheckOnly = file.lots.length === 0 && file.sales.length === 0 && file.positions.length > 0;
    const account = isCheckOnly && !options.account && !file.account ? null : resolveAccount(file, target, options, isCheckOnly ? [] : errors);
    summaries.push({ file: file.file, format: file.format, label: file.label, account: account ?? '', lots: file.lots.length, sales: file.sales.length });
    if (isCheckOnly) {
      checkPositions(file, account, target, options, warnings);
      continue;
    }
    if (account === null) continue;
    for (const ticker of file.lotTickers) {
      note(ticker, file.file);
      const key = keyOf(account, ticker);
      const seen = replacements.get(key);
      if (seen) {
        errors.push(`${file.file} and ${seen.file} both list the lots of ${ticker} in ${account}; expected one file per symbol and account`);
        continue;
      }
      replacements.set(key, { account, ticker, lots: file.lots.filter((l) => l.ticker === ticker), file: file.file });
    }
    for (const lot of file.lots) {
      if (target.asOf && lot.acquired > target.asOf) errors.push(`${file.file}, line ${lot.line}: ${lot.ticker} acquired ${lot.acquired}, after the as-of date ${target.asOf}; expected a lot already bought`);
    }
    for (const s of file.sales) {
      note(s.ticker, file.file);
      if (target.asOf && s.date > target.asOf) errors.push(`${file.file}, line ${s.line}: ${s.ticker} sold ${s.date}, after the as-of date ${target.asOf}; expected a sale already made`);
      if (s.acquired && s.acquired > s.date) errors.push(`${file.file}, line ${s.line}: ${s.ticker} acquired ${s.acquired}, after its sale on ${s.date}`);
      incomingSales.push({ date: s.date, account, ticker: s.ticker, shares: s.shares, proceeds: s.proceeds, basis: s.basis, acquired: s.acquired, lot: null, disallowed: s.disallowed });
    }
  }
  if (unknown.size > 0) {
    const list = [...unknown].sort(([a], [b]) => a.localeCompare(b)).map(([t, f]) => `${t} (${[...f].join(', ')})`);
    errors.push(`${unknown.size} ticker${unknown.size === 1 ? ' is' : 's are'} not on the Securities tab: ${list.join(', ')}. Add ${unknown.size === 1 ? 'it' : 'each'} with its asset class, then import again.`);
  }
  if (errors.length > 0) return { ok: false, errors };

  // Lots: each replaced ticker's new lots take the place of its first old lot; ids of matched lots stay.
  const replacedKeys = new Set(replacements.keys());
  const kept = target.lots.filter((l) => !replacedKeys.has(keyOf(l.account, l.ticker)));
  const usedIds = new Set(kept.map((l) => l.id));
  const changes: TickerChange[] = [];
  const newLotsByKey = new Map<string, Lot[]>();
  const replacementList: { account: string; ticker: string; old: Lot[]; fresh: FreshLot[] }[] = [];
  let lotsReplaced = 0;
  for (const [key, { account, ticker, lots }] of [...replacements].sort(([a], [b]) => a.localeCompare(b))) {
    const old = target.lots.filter((l) => keyOf(l.account, l.ticker) === key);
    const matches = matchLots(old, lots);
    let added = 0;
    let replaced = 0;
    let unchanged = 0;
    const freshLots = lots.map((n, i): FreshLot => {
      const m = matches[i];
      const same = m !== null && m.shares.equals(n.shares) && m.basis.equals(n.basis) && (n.holdingFrom ?? m.holdingFrom) === m.holdingFrom;
      if (!m) added++;
      else if (same) unchanged++;
      else replaced++;
      const id = m && !usedIds.has(m.id) ? m.id : shortLotId({ account, ticker, acquired: n.acquired }, usedIds);
      usedIds.add(id);
      return { lot: { id, account, ticker, shares: n.shares, basis: n.basis, acquired: n.acquired, holdingFrom: n.holdingFrom ?? m?.holdingFrom ?? null }, origin: m, unchanged: same };
    });
    const fresh = freshLots.map((f) => f.lot);
    replacementList.push({ account, ticker, old, fresh: freshLots });
    const removed = old.length - matches.filter((m) => m !== null).length;
    lotsReplaced += replaced + removed;
    newLotsByKey.set(key, fresh);
    changes.push({
      account,
      ticker,
      added,
      replaced,
      removed,
      unchanged,
      sharesBefore: sumBy(old, (l) => l.shares),
      sharesAfter: sumBy(fresh, (l) => l.shares),
      basisBefore: sumBy(old, (l) => l.basis),
      basisAfter: sumBy(fresh, (l) => l.basis),
    });
  }
  const lots: Lot[] = [];
  const placed = new Set<string>();
  for (const l of target.lots) {
    const key = keyOf(l.account, l.ticker);
    if (!replacedKeys.has(key)) lots.push(l);
    else if (!placed.has(key)) {
      placed.add(key);
      lots.push(...newLotsByKey.get(key)!);
    }
  }
  for (const [key, fresh] of newLotsByKey) if (!placed.has(key)) lots.push(...fresh);

  // Sales: append what is not there yet, counting duplicates so two identical lots sold together both count.
  const present = new Map<string, number>();
  for (const s of target.sales) present.set(saleKey(s), (present.get(saleKey(s)) ?? 0) + 1);
  const salesAdded: Sale[] = [];
  let salesSkipped = 0;
  for (const s of incomingSales) {
    const k = saleKey(s);
    const n = present.get(k) ?? 0;
    if (n > 0) {
      present.set(k, n - 1);
      salesSkipped++;
    } else salesAdded.push(s);
  }
  const prices = new Map<string, Decimal>();
  for (const f of files) for (const p of f.prices) if (known.has(p.ticker) && !prices.has(p.ticker)) prices.set(p.ticker, p.price);
  const changed = salesAdded.length > 0 || changes.some((c) => c.added + c.replaced + c.removed > 0);
  return {
    ok: true,
    lots,
    replacements: replacementList,
    sales: [...target.sales, ...salesAdded],
    changes,
    salesAdded,
    salesSkipped,
    lotsReplaced,
    files: summaries,
    prices: [...prices].map(([ticker, price]) => ({ ticker, price })),
    warnings,
    changed,
  };
}

/** A positions-only file: each position's shares and basis against the Lots tab's totals. */
function checkPositions(file: ParsedFile, fileAccount: string | null, target: ImportTarget, options: ImportOptions, warnings: string[]): void {
  const mismatches: string[] = [];
  let agreed = 0;
  for (const p of file.positions) {
    const account = (p.account ? accountsForBrokerId(p.account, target.brokerIds)[0] : undefined) ?? fileAccount;
    if (!account) {
      mismatches.push(`${p.ticker} in ${p.account ?? 'an unnamed account'}: no account's Broker ID matches`);
      continue;
    }
    const lots = target.lots.filter((l) => l.account === account && l.ticker === p.ticker);
    const shares = sumBy(lots, (l) => l.shares);
    const basis = sumBy(lots, (l) => l.basis);
    const basisOff = p.basis !== null && basis.minus(p.basis).abs().greaterThan('0.05');
    if (!shares.equals(p.shares) || basisOff) {
      mismatches.push(`${p.ticker} in ${account}: the broker shows ${toPlain(p.shares)} shares${p.basis ? ` with basis $${p.basis.toFixed(2)}` : ''}, the Lots tab ${toPlain(shares)} shares with basis $${basis.toFixed(2)}`);
    } else agreed++;
  }
  warnings.push(`${file.file}: ${agreed} position${agreed === 1 ? '' : 's'} agree with the Lots tab${mismatches.length > 0 ? `; ${mismatches.length} differ:` : '.'}`, ...mismatches.map((m) => `  ${m}`));
}
