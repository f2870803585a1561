import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { recordTrades } from '../../src/engine/record-trades';
import { account, d, household, lot, security } from '../tax/fixtures';

describe('recording a sale of more shares than held', () => {
  const h = household({
    accounts: [account('Taxable', 'Taxable', 1000)],
    securities: [security('X', 10)],
    lots: [lot('X1', 'Taxable', 'X', 250, 2500, '2023-01-01')],
  });
  it('names the shares entered and the shares held, even past the plan\'s lots', () => {
    // The plan sold lot X1 (250 shares); the user typed 300 executed.
    const trade = { account: 'Taxable', action: 'SELL' as const, ticker: 'X', shares: dec(300), price: dec(10), planned: dec(250), lots: [{ lot: 'X1', shares: dec(250) }] };
    const result = recordTrades(h, { id: 'P', asOf: d('2025-01-15'), trades: [trade] }, { recordedPlanIds: [] });
    expect(result.ok ? [] : result.errors).toEqual(['SELL 300 X in Taxable: Cannot sell 300 shares of X in Taxable: only 250 held.']);
  });
  it('counts two sales of one position together', () => {
    const sell = (n: number) => ({ account: 'Taxable', action: 'SELL' as const, ticker: 'X', shares: dec(n), price: dec(10) });
    const result = recordTrades(h, { id: 'P', asOf: d('2025-01-15'), trades: [sell(200), sell(100)] }, { recordedPlanIds: [] });
    expect(result.ok ? [] : result.errors).toEqual(['SELL 300 X in Taxable: Cannot sell 300 shares of X in Taxable: only 250 held.']);
  });
});
