import type { Account, Household, Lot, Sale } from '../../src/engine/types';
import { R, cents, r, rsum } from './numbers';

/** A trade as executed: what the books must reflect. */
export interface ExecutedTradeLike {
  account: string;
  action: 'BUY' | 'SELL';
  ticker: string;
  shares: { toString(): string };
  price: { toString(): string };
}

export interface CashFlowLike {
  account: string;
  amount: { toString(): string };
  kind: 'deposit' | 'withdrawal';
}

export interface Books {
  lots: readonly Lot[];
  sales: readonly Sale[];
  accounts: readonly Account[];
}

const key = (account: string, ticker: string) => `${account} ${ticker}`;

/**
 * Conservation, from bookkeeping alone: per account and ticker, shares after = shares before +
 * bought - sold; per account, cash after = cash before + deposits - withdrawals + proceeds of
 * sales - cost of buys (each trade's amount is shares x price rounded to the cent once, per
 * README "Rounding"); the new Sales rows carry exactly the shares sold and their proceeds; no
 * lot is empty or negative; no account appears or disappears. Returns what is wrong, empty when
 * the books balance.
 */
export function conservationProblems(before: Household, trades: readonly ExecutedTradeLike[], flows: readonly CashFlowLike[], after: Books): string[] {
  const problems: string[] = [];
  const shares = (lots: readonly Lot[]) => {
    const m = new Map<string, R>();
    for (const l of lots) m.set(key(l.account, l.ticker), (m.get(key(l.account, l.ticker)) ?? new R(0)).plus(r(l.shares)));
    return m;
  };
  const held = shares(before.lots);
  const heldAfter = shares(after.lots);
  const expected = new Map(held);
  const soldBy = new Map<string, { shares: R; proceeds: R }>();
  for (const t of trades) {
    const k = key(t.account, t.ticker);
    const sign = t.action === 'BUY' ? 1 : -1;
    expected.set(k, (expected.get(k) ?? new R(0)).plus(r(t.shares).times(sign)));
    if (t.action === 'SELL') {
      const s = soldBy.get(k) ?? { shares: new R(0), proceeds: new R(0) };
      soldBy.set(k, { shares: s.shares.plus(r(t.shares)), proceeds: s.proceeds.plus(cents(r(t.shares).times(r(t.price)))) });
    }
  }
  for (const k of new Set([...expected.keys(), ...heldAfter.keys()])) {
    const want = expected.get(k) ?? new R(0);
    const got = heldAfter.get(k) ?? new R(0);
    if (!want.equals(got)) problems.push(`${k}: ${got.toFixed()} shares after, expected ${want.toFixed()}`);
  }
  const newSales = after.sales.slice(before.sales.length);
  for (let i = 0; i < before.sales.length; i++) {
    const a = before.sales[i];
    const b = after.sales[i];
    if (!b || a.date !== b.date || a.account !== b.account || a.ticker !== b.ticker || !r(a.shares).equals(r(b.shares)) || !r(a.proceeds).equals(r(b.proceeds))) {
      problems.push(`Sales row ${i + 1} changed or vanished`);
    }
  }
  const salesBy = new Map<string, { shares: R; proceeds: R }>();
  for (const s of newSales) {
    const k = key(s.account, s.ticker);
    const x = salesBy.get(k) ?? { shares: new R(0), proceeds: new R(0) };
    salesBy.set(k, { shares: x.shares.plus(r(s.shares)), proceeds: x.proceeds.plus(r(s.proceeds)) });
  }
  for (const k of new Set([...soldBy.keys(), ...salesBy.keys()])) {
    const want = soldBy.get(k) ?? { shares: new R(0), proceeds: new R(0) };
    const got = salesBy.get(k) ?? { shares: new R(0), proceeds: new R(0) };
    if (!want.shares.equals(got.shares)) problems.push(`${k}: new Sales rows hold ${got.shares.toFixed()} shares, ${want.shares.toFixed()} were sold`);
    if (!want.proceeds.equals(got.proceeds)) problems.push(`${k}: new Sales rows hold $${got.proceeds.toFixed(2)} proceeds, the sales raised $${want.proceeds.toFixed(2)}`);
  }
  for (const l of after.lots) if (!r(l.shares).greaterThan(0)) problems.push(`lot ${l.id} holds ${l.shares.toString()} shares`);
  const names = (as: readonly Account[]) => as.map((a) => a.name).sort().join('|');
  if (names(before.accounts) !== names(after.accounts)) problems.push(`accounts changed: ${names(before.accounts)} -> ${names(after.accounts)}`);
  for (const a of before.accounts) {
    const flow = rsum(trades.filter((t) => t.account === a.name).map((t) => cents(r(t.shares).times(r(t.price))).times(t.action === 'SELL' ? 1 : -1)));
    const deposits = rsum(flows.filter((f) => f.account === a.name && f.kind === 'deposit').map((f) => r(f.amount)));
    const withdrawals = rsum(flows.filter((f) => f.account === a.name && f.kind === 'withdrawal').map((f) => r(f.amount).abs()));
    const want = r(a.cash).plus(deposits).minus(withdrawals).plus(flow);
    const got = after.accounts.find((x) => x.name === a.name);
    if (got && !r(got.cash).equals(want)) problems.push(`${a.name}: cash ${got.cash.toString()} after, expected ${want.toFixed()}`);
    if (got && r(got.cash).lessThan(0)) problems.push(`${a.name}: cash is negative (${got.cash.toString()})`);
  }
  return problems;
}
