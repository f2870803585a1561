import { Decimal, ZERO, dec, roundCents } from '../../src/engine/money';
import { addDays, type IsoDate } from '../../src/engine/dates';
import type { Household, Lot, Sale } from '../../src/engine/types';
import type { PlanOptions } from '../../src/engine/plan-types';
import { GENERATED_AS_OF, generateHousehold } from '../../src/generate/generate-household';
import { mulberry32, type Rng } from '../../src/generate/prng';

/**
 * A generated household with the history that broke this round (issue 13): a Sales tab across
 * accounts, some of them closed (no longer on the Accounts tab), shares bought and since sold
 * (Sales `Acquired` in the last weeks), partial sales of lots still held, DRIP reinvestments
 * (small, fractional, recent lots), withdrawals on the Accounts tab, and deposits or withdrawals
 * typed in the sidebar form (`cashFlows`). Same seed, same history.
 */
export interface HouseholdWithHistory {
  household: Household;
  /** What the sidebar form or `--cash` adds: deposits (positive) and withdrawals (negative). */
  options: Pick<PlanOptions, 'cashFlows'>;
}

export const CLOSED_ACCOUNTS = ['Former Brokerage', 'Old Schwab Brokerage'] as const;

export interface HistoryKnobs {
  /** Withdrawals typed as negative cash (default on; issue 12: counted twice on main). */
  negativeCashFlows?: boolean;
  /** Sales in accounts no longer on the Accounts tab (default on). */
  closedAccounts?: boolean;
  /** Sales of shares bought in the last weeks: a purchase only the Sales tab remembers (default on). */
  boughtAndSold?: boolean;
}

export function generateHistory(seed: number, knobs: HistoryKnobs = {}): HouseholdWithHistory {
  const base = generateHousehold(seed, 'S');
  // A separate stream, so the base household stays the one generateHousehold(seed) gives.
  const rng = mulberry32(seed ^ 0x5eed1091);
  const lots = [...base.lots];
  const sales: Sale[] = [];
  const price = new Map(base.securities.map((s) => [s.ticker, s.price]));
  const tickers = base.securities.map((s) => s.ticker);
  const accountNames = [...base.accounts.map((a) => a.name), ...(knobs.closedAccounts === false ? [] : CLOSED_ACCOUNTS)];

  // Partial sales of lots still held: the Sales row names the lot and its Acquired date.
  for (const lot of rng.shuffle(lots).slice(0, rng.int(0, 3))) {
    const date = addDays(GENERATED_AS_OF, -rng.int(1, 60));
    if (date <= lot.acquired) continue;
    sales.push(saleRow(rng, lot.account, lot.ticker, date, lot.acquired, lot.id, price.get(lot.ticker)!, rng.chance(0.6)));
  }
  // Closed and open accounts' sales of shares bought long ago or in the last weeks ("bought and since sold").
  const count = rng.int(1, 6);
  for (let i = 0; i < count; i++) {
    const account = rng.pick(accountNames);
    const ticker = rng.pick(tickers);
    const recentBuy = rng.chance(0.4) && knobs.boughtAndSold !== false;
    const acquired = addDays(GENERATED_AS_OF, -(recentBuy ? rng.int(5, 50) : rng.int(60, 2000)));
    const date = addDays(GENERATED_AS_OF, -rng.int(0, recentBuy ? Math.max(0, Math.min(45, daysSince(acquired) - 1)) : 60));
    if (date <= acquired) continue;
    sales.push(saleRow(rng, account, ticker, date, acquired, `H${i + 1}`, price.get(ticker)!, rng.chance(0.6)));
  }
  // DRIP reinvestments: a fraction of a share, bought in the last 45 days, in DRIP accounts.
  for (const account of base.accounts.filter((a) => a.drip)) {
    const held = [...new Set(lots.filter((l) => l.account === account.name).map((l) => l.ticker))];
    for (const ticker of rng.shuffle(held).slice(0, rng.int(0, 2))) {
      const shares = dec(rng.int(50, 900)).div(1000);
      const acquired = addDays(GENERATED_AS_OF, -rng.int(1, 45));
      lots.push({ id: `DRIP-${account.name}-${ticker}-${acquired}`, account: account.name, ticker, shares, basis: roundCents(shares.times(price.get(ticker)!).times(rng.between(0.97, 1.03).toFixed(4))), acquired, holdingFrom: null });
    }
  }
  sales.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // Withdrawals on the Accounts tab and cash typed in the form.
  const value = (name: string) => lots.filter((l) => l.account === name).reduce((acc, l) => acc.plus(l.shares.times(price.get(l.ticker)!)), ZERO);
  const accounts = base.accounts.map((a) => (rng.chance(0.2) ? { ...a, withdraw: roundCents(value(a.name).times(rng.between(0.005, 0.04).toFixed(4))) } : a));
  const cashFlows: Record<string, Decimal> = {};
  for (const a of accounts) {
    const roll = rng.next();
    if (roll < 0.25) cashFlows[a.name] = dec(rng.pick([500, 2500, 7000, 20000]));
    else if (knobs.negativeCashFlows !== false && roll < 0.35) cashFlows[a.name] = roundCents(value(a.name).times(rng.between(0.005, 0.03).toFixed(4))).negated();
  }
  return { household: { ...base, accounts, lots, sales }, options: Object.keys(cashFlows).length > 0 ? { cashFlows } : {} };
}

function daysSince(date: IsoDate): number {
  return Math.round((Date.parse(GENERATED_AS_OF) - Date.parse(date)) / 86_400_000);
}

function saleRow(rng: Rng, account: string, ticker: string, date: IsoDate, acquired: IsoDate, lot: string, price: Decimal, atLoss: boolean): Sale {
  const shares = dec(rng.int(1, 40));
  const proceeds = roundCents(shares.times(price).times(rng.between(0.9, 1.1).toFixed(4)));
  const basis = roundCents(proceeds.times((atLoss ? rng.between(1.03, 1.4) : rng.between(0.6, 0.98)).toFixed(4)));
  return { date, account, ticker, shares, proceeds, basis, acquired, lot, disallowed: ZERO };
}

/** The lots a generated history holds, for assertions that need them by id. */
export const lotById = (h: Household, id: string): Lot | undefined => h.lots.find((l) => l.id === id);
