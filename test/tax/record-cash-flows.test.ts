import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { isoDate } from '../../src/engine/dates';
import { recordTrades } from '../../src/engine/record-trades';
import { account, settings } from './fixtures';
import type { Household } from '../../src/engine/types';

const household = (): Household => ({
  accounts: [account('Roth', 'Roth IRA', 100)],
  targets: [{ assetClass: 'US Stocks', target: dec(1), glide: [], band: null, absBand: null, location: null }],
  securities: [{ ticker: 'VTI', assetClass: 'US Stocks', price: dec(200), washGroup: 'VTI', rank: 1, exDividend: null, spread: null }],
  lots: [],
  sales: [],
  settings: settings({ asOf: isoDate('2026-11-20') }),
});

describe('recording a plan made with new cash', () => {
  it('books the deposit before the buys it pays for', () => {
    // $100 cash + $20,000 deposit = $20,100; buying 100 VTI at $200 = $20,000 leaves $100.
    const plan = {
      id: 'P-1', asOf: isoDate('2026-11-20'),
      cashFlows: [{ account: 'Roth', amount: dec(20000), kind: 'deposit' as const }],
      trades: [{ account: 'Roth', action: 'BUY' as const, ticker: 'VTI', shares: dec(100), price: dec(200) }],
    };
    const result = recordTrades(household(), plan, { recordedPlanIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.accounts[0].cash.toFixed()).toBe('100');
    expect(result.lots).toHaveLength(1);
  });

  it('refuses the same buy without the deposit, and a deposit to an unknown account', () => {
    const trades = [{ account: 'Roth', action: 'BUY' as const, ticker: 'VTI', shares: dec(100), price: dec(200) }];
    const without = recordTrades(household(), { id: 'P-2', asOf: isoDate('2026-11-20'), trades }, { recordedPlanIds: [] });
    expect(without.ok).toBe(false);
    const unknown = recordTrades(household(), { id: 'P-3', asOf: isoDate('2026-11-20'), trades, cashFlows: [{ account: 'Nope', amount: dec(1), kind: 'deposit' as const }] }, { recordedPlanIds: [] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]).toMatch(/"Nope": no account of that name/);
  });

  it('books a withdrawal after the sales that raise it and clears it from the Withdraw column', () => {
    // The Roth holds 30 VTI and owes a $5,000 withdrawal (Withdraw column). Selling 25 VTI at
    // $200 raises $5,000: cash $100 + $5,000 - $5,000 = $100, and Withdraw drops to 0 so the next
    // plan does not raise it again.
    const h = household();
    h.accounts[0] = { ...h.accounts[0], withdraw: dec(5000) };
    h.lots = [{ id: 'L1', account: 'Roth', ticker: 'VTI', shares: dec(30), basis: dec(3000), acquired: isoDate('2020-01-02'), holdingFrom: null }];
    const plan = {
      id: 'P-4', asOf: isoDate('2026-11-20'),
      cashFlows: [{ account: 'Roth', amount: dec(-5000), kind: 'withdrawal' as const }],
      trades: [{ account: 'Roth', action: 'SELL' as const, ticker: 'VTI', shares: dec(25), price: dec(200) }],
    };
    const result = recordTrades(h, plan, { recordedPlanIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.accounts[0].cash.toFixed()).toBe('100');
    expect(result.accounts[0].withdraw.toFixed()).toBe('0');
    expect(result.journal.join(' ')).toMatch(/Withdrew \$5,000\.00 from Roth/);
    // Without the sale the withdrawal cannot be made: refused, nothing changes.
    const short = recordTrades(h, { ...plan, id: 'P-5', trades: [] }, { recordedPlanIds: [] });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.errors[0]).toMatch(/Withdrawing \$5,000\.00 from Roth leaves -\$4,900\.00/);
  });
});
