/**
 * Rev. Rul. 66-7 on every surface that asks whether a sale is long-term: shares acquired on the
 * last day of a month (2023-02-28) are long-term only from the first day of the thirteenth month
 * after (2024-03-01), so a sale on 2024-02-29 is short-term. TAXLOTS, the planner, recording,
 * this year's Sales and a `Holding From` all ask `longTermOn`, and each is pinned here.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { planRebalance } from '../../src/engine/planner';
import { recordTrades } from '../../src/engine/record-trades';
import { realizedFromSales } from '../../src/engine/tax';
import { describeLots } from '../../src/engine/taxlots';
import { acct, household as plannerHousehold, lot as plannerLot, sec, target } from '../planner/builders';
import { account, d, household, lot, sale, security } from './fixtures';

const LEAP_DAY = d('2024-02-29');

describe('Rev. Rul. 66-7: acquired 2023-02-28, sold 2024-02-29 is short-term', () => {
  it('TAXLOTS: short-term on 2024-02-29, long-term on 2024-03-01, one day to go', () => {
    const h = household({ securities: [security('X', 20)], lots: [lot('A', 'Taxable', 'X', 10, 100, '2023-02-28')] });
    const [view] = describeLots(h, LEAP_DAY);
    expect(view.term).toBe('short');
    expect(view.longTermOn).toBe('2024-03-01');
    expect(view.daysToLongTerm).toBe(1);
    expect(describeLots(h, d('2024-03-01'))[0].term).toBe('long');
  });

  it('Holding From 2023-02-28 (a tacked holding period) follows the same rule', () => {
    const h = household({ securities: [security('X', 20)], lots: [lot('A', 'Taxable', 'X', 10, 100, '2023-06-01', '2023-02-28')] });
    const [view] = describeLots(h, LEAP_DAY);
    expect(view.term).toBe('short');
    expect(view.longTermOn).toBe('2024-03-01');
  });

  it('planner: the lot is a short-term gain one day from long-term, so its sale is deferred', () => {
    // VTI 70 x $100 against a 50/50 target; lot S has a $3,500 gain and turns long-term tomorrow.
    const base = plannerHousehold({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [plannerLot('S', 'Brokerage', 'VTI', 70, 3500, '2023-02-28'), plannerLot('B', 'Brokerage', 'BND', 30, 3000, '2019-01-02')],
    });
    const plan = planRebalance({ ...base, settings: { ...base.settings, asOf: LEAP_DAY } });
    expect(plan.trades).toEqual([]);
    expect(plan.deferred.map((x) => [x.lot, x.longTermOn])).toEqual([['S', '2024-03-01']]);
  });

  it('recording a sale on 2024-02-29 books a short-term gain', () => {
    const h = household({ securities: [security('X', 20)], lots: [lot('A', 'Taxable', 'X', 10, 100, '2023-02-28')] });
    const result = recordTrades(h, { id: 'P', asOf: LEAP_DAY, trades: [{ account: 'Taxable', action: 'SELL', ticker: 'X', shares: dec(10), price: dec(20) }] }, { recordedPlanIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.journal.join(' ')).toContain('short-term gain $100.00');
    expect(result.sales[0].acquired).toBe('2023-02-28');
  });

  it("this year's Sales: a row acquired 2023-02-28 and sold 2024-02-29 is short-term; 2024-03-01 is long-term", () => {
    const sales = [
      sale({ date: '2024-02-29', account: 'Taxable', ticker: 'X', shares: 1, proceeds: 300, basis: 100, acquired: '2023-02-28' }),
      sale({ date: '2024-03-01', account: 'Taxable', ticker: 'X', shares: 1, proceeds: 150, basis: 100, acquired: '2023-02-28' }),
    ];
    const { realized } = realizedFromSales(sales, 2024, [account('Taxable')]);
    expect(realized.shortTerm.toFixed()).toBe('200');
    expect(realized.longTerm.toFixed()).toBe('50');
  });
});
