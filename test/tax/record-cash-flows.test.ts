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
      cashFlows: [{ account: 'Roth', amount: dec(20000) }],
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
    const unknown = recordTrades(household(), { id: 'P-3', asOf: isoDate('2026-11-20'), trades, cashFlows: [{ account: 'Nope', amount: dec(1) }] }, { recordedPlanIds: [] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]).toMatch(/"Nope": no account of that name/);
  });
});
