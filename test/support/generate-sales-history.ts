import { dec, roundCents } from '../../src/engine/money';
import { addDays, type IsoDate } from '../../src/engine/dates';
import type { Household, Lot, Sale } from '../../src/engine/types';
import { GENERATED_AS_OF } from '../../src/generate/generate-household';
import { mulberry32 } from '../../src/generate/prng';

/**
 * A random trading history added to a generated household (separate from generateHousehold, so
 * the households other tests use stay as they are): purchases in the last five months across
 * the household's accounts and closed ones (no longer on the Accounts tab), each partly or wholly
 * sold since, sometimes several purchases in one sale, DRIP-sized buys typed in by hand, and lot
 * ids a user might type (`H3-W1` for a separate purchase). Every taxable sale is at a loss.
 *
 * Also returns the ground truth the generator knows and the audit must infer: which purchase each
 * lot and each Sales row came from, so a reference can judge "same purchase" without lot ids.
 */
export interface SalesHistory {
  household: Household;
  /** Purchase number of each lot (by index); -1 for the base household's lots, each its own purchase. */
  lotPurchase: number[];
  /** Purchase number of each Sales row (by index). */
  salePurchase: number[];
  /** Accounts that exist only in Sales (closed), all taxable. */
  closedAccounts: string[];
}

export interface SalesHistoryOptions {
  /** How many purchases to add (default 6-16). */
  purchases?: number;
}

export function withSalesHistory(base: Household, seed: number, options: SalesHistoryOptions = {}): SalesHistory {
  const rng = mulberry32(seed ^ 0x5a1e5);
  const asOf: IsoDate = base.settings.asOf ?? GENERATED_AS_OF;
  const closedAccounts = rng.chance(0.7) ? ['Closed Brokerage', ...(rng.chance(0.4) ? ['Old Broker'] : [])] : [];
  const accounts = [...base.accounts.map((a) => a.name), ...closedAccounts];
  const closed = new Set(closedAccounts);
  // A few wash groups, so purchases and sales collide often.
  const groups = [...new Set(base.securities.map((s) => s.washGroup))];
  const chosen = rng.shuffle(groups).slice(0, Math.min(groups.length, rng.int(1, 3)));
  const tickers = base.securities.filter((s) => chosen.includes(s.washGroup));

  const lots: Lot[] = base.lots.map((l) => ({ ...l }));
  const lotPurchase = base.lots.map(() => -1);
  const sales: Sale[] = [];
  const salePurchase: number[] = [];
  const count = options.purchases ?? rng.int(6, 16);
  const used = new Set<string>(); // account/ticker/date of purchases without an id: never two alike
  const sellDays: { account: string; ticker: string; date: IsoDate }[] = [];

  const purchaseDates: IsoDate[] = [];
  const key = (account: string, ticker: string, date: IsoDate) => `${account}|${ticker}|${date}`;
  for (const l of base.lots) used.add(key(l.account, l.ticker, l.acquired));
  const noId = new Set<string>();
  for (let n = 0; n < count; n++) {
    const account = rng.pick(accounts);
    const ticker = rng.pick(tickers).ticker;
    let date = addDays(asOf, -rng.int(0, 150));
    const shares = rng.int(1, 40);
    const cost = dec(rng.int(2000, 40000)).div(100);
    // Ids: usually H<n>; sometimes one that looks generated but is the user's own (bought after
    // H<m>, so it cannot be a part split off it); sometimes none.
    const roll = rng.next();
    let id: string | null = `H${n}`;
    if (roll < 0.12 && n > 0) {
      const m = rng.int(0, n - 1);
      const after = addDays(purchaseDates[m], rng.int(1, 20));
      if (after <= asOf && !lots.some((l) => l.id === `H${m}-W1`) && !sales.some((s) => s.lot === `H${m}-W1`)) {
        id = `H${m}-W1`;
        date = after;
      }
    } else if (roll > 0.88 && !used.has(key(account, ticker, date))) id = null;
    // A purchase without an id is known by account, ticker and date: keep those unique.
    while (noId.has(key(account, ticker, date))) date = addDays(date, -1);
    used.add(key(account, ticker, date));
    if (id === null) noId.add(key(account, ticker, date));
    purchaseDates.push(date);
    let left = shares;
    let basisLeft = roundCents(cost.times(shares));
    const sells = closed.has(account) ? rng.int(1, 2) : rng.int(0, 2);
    for (let k = 0; k < sells && left > 0; k++) {
      const last = k === sells - 1 && closed.has(account);
      const sold = last ? left : rng.int(1, left);
      const daysLeft = -addDaysBack(date, asOf);
      // Sometimes on the same day as an earlier sale of this position: one sale of several lots.
      const same = sellDays.find((d) => d.account === account && d.ticker === ticker && d.date >= date);
      const saleDate = same && rng.chance(0.5) ? same.date : addDays(date, rng.int(0, Math.max(0, daysLeft)));
      const basis = sold === left ? basisLeft : roundCents(basisLeft.times(sold).div(left));
      // At a loss, always: a replacement sold since then only grows its loss (no gain turns into one).
      const proceeds = roundCents(basis.times(dec(rng.int(50, 97)).div(100)));
      sales.push({ date: saleDate, account, ticker, shares: dec(sold), proceeds, basis, acquired: date, lot: id, disallowed: dec(0) });
      salePurchase.push(n);
      sellDays.push({ account, ticker, date: saleDate });
      left -= sold;
      basisLeft = basisLeft.minus(basis);
    }
    if (left > 0) {
      const lotId = id ?? `${account}/${ticker}/${date}/h${n}`;
      lots.push({ id: lotId, account, ticker, shares: dec(left), basis: basisLeft, acquired: date, holdingFrom: null });
      lotPurchase.push(n);
    }
  }
  // The Sales tab in date order, as a user keeps it.
  const order = sales.map((_, i) => i).sort((a, b) => (sales[a].date < sales[b].date ? -1 : sales[a].date > sales[b].date ? 1 : a - b));
  return {
    household: { ...base, lots, sales: order.map((i) => sales[i]) },
    lotPurchase,
    salePurchase: order.map((i) => salePurchase[i]),
    closedAccounts,
  };
}

/** Days from `date` back to `asOf` (negative when `asOf` is later). */
function addDaysBack(date: IsoDate, asOf: IsoDate): number {
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
