import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { DEFAULT_POLICY_CONFIG, POLICY_BUILDERS } from '../../src/engine/backtest/policies';
import { taxForYear, NO_CARRYFORWARD } from '../../src/engine/backtest/capital-gains-tax';
import { isLongTerm } from '../../src/engine/backtest/lot-order';
import { LotBook } from '../../src/engine/backtest/lot-book';
import type { Scenario } from '../../src/engine/backtest/types';
import { cents, mix, options, taxable } from './helpers';

/**
 * $100,000 at 50/50 stocks/bonds, taxable, long-term 15%, short-term 37%, FIFO, rebalanced
 * every year. Prices start at 1, so basis per share starts at $1.
 *
 * Year 1: stocks +20%, bonds 0%. Stocks 60,000, bonds 50,000, total 110,000; target 55,000 each.
 *   Sell 5,000 of stocks = 5,000 / 1.2 = 4,166.67 shares, basis 4,166.67, gain 833.33
 *   (= 5,000 x 0.2 / 1.2). The lot was bought at the start and sold a year later: long-term
 *   under the backtest's assumption. Tax 15% x 833.33 = 125.00. Buy 5,000 of bonds at 1.
 * Year 2: stocks -10%, bonds +10%. Stocks 55,000 x 0.9 = 49,500, bonds 55,000 x 1.1 = 60,500,
 *   total 110,000. Sell 5,500 of bonds at 1.1 = 5,000 shares from the oldest lot (FIFO, basis
 *   5,000), gain 500, long-term; tax 75.00. Buy 5,500 of stocks at 1.08 (5,092.59 shares).
 * Liquidation at the end of year 2:
 *   stocks: the start lot, 45,833.33 shares x 1.08 = 49,500 against basis 45,833.33: gain 3,666.67;
 *           the lot bought this year: 5,500 against 5,500: gain 0 (short-term, but nothing to tax);
 *   bonds:  the start lot, 45,000 shares x 1.1 = 49,500 against 45,000: gain 4,500;
 *           the year-1 lot, 5,000 shares x 1.1 = 5,500 against 5,000: gain 500 (long-term).
 *   Long-term gain 8,666.67 x 15% = 1,300.00. After tax: 110,000 - 1,300 = 108,700.
 */
const twoYears: Scenario = {
  label: 'two hand-worked years',
  periodsPerYear: 1,
  periods: [
    { label: 'year 1', returns: { stocks: dec('0.2'), bonds: dec('0') } },
    { label: 'year 2', returns: { stocks: dec('-0.1'), bonds: dec('0.1') } },
  ],
};
const fiftyFifty = mix({ stocks: '0.5', bonds: '0.5' });
const annual = POLICY_BUILDERS.annual(DEFAULT_POLICY_CONFIG);

describe('a two-year taxable backtest, worked by hand', () => {
  it('taxes paid from outside: 125 + 75 during, 1,300 on liquidation', () => {
    const outcome = runBacktest(twoYears, annual, options('100000', fiftyFifty, taxable({ payFrom: 'outside' })));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    const r = outcome.result;
    expect(r.values.map(cents)).toEqual(['100000.00', '110000.00', '110000.00']);
    expect(cents(r.taxesPaid)).toBe('200.00');
    expect(cents(r.liquidationTax)).toBe('1300.00');
    expect(cents(r.endingValue)).toBe('110000.00');
    expect(cents(r.endingValueAfterTax)).toBe('108700.00');
    // Turnover: (5,000 + 5,000 + 5,500 + 5,500) / average of (100,000, 110,000, 110,000) = 21,000 / 106,666.67
    expect(r.turnover.toFixed(6)).toBe('0.196875');
  });

  it('taxes paid from the portfolio: year 1 ends 125 lower', () => {
    // Year 1 as above, then the 125 bill is raised pro rata: 62.50 from stocks and 62.50 from bonds.
    const outcome = runBacktest(twoYears, annual, options('100000', fiftyFifty, taxable()));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    const r = outcome.result;
    expect(cents(r.values[1])).toBe('109875.00');
    // The year-1 period return counts the tax as a cost: 109,875 / 100,000 - 1 = 9.875%.
    expect(r.periodReturns[0].toFixed(6)).toBe('0.098750');
    // Year 2: the 62.50 of stocks sold for the year-1 bill realized 62.50 x 0.2/1.2 = 10.42 of
    // long-term gain, taxed with year 2: rebalancing 109,875 sells 5,493.75 of bonds at 1.1,
    // gain 5,493.75 x 0.1/1.1 = 499.43; (499.43 + 10.42) x 15% = 76.48.
    expect(cents(r.taxesPaid)).toBe(cents(dec(125).plus(dec('5493.75').times('0.1').div('1.1').plus(dec('62.5').div(6)).times('0.15'))));
    expect(cents(r.taxesPaid)).toBe('201.48');
  });

  it('a tax-advantaged account pays nothing', () => {
    const outcome = runBacktest(twoYears, annual, options('100000', fiftyFifty));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    expect(outcome.result.taxesPaid.isZero()).toBe(true);
    expect(cents(outcome.result.endingValueAfterTax)).toBe('110000.00');
  });
});

describe('holding period and netting', () => {
  it('long-term is 12 months or more of periods (the end-of-period assumption)', () => {
    expect(isLongTerm(0, 1, 12)).toBe(true); // annual: bought end of year 0, sold end of year 1
    expect(isLongTerm(0, 0, 12)).toBe(false);
    expect(isLongTerm(3, 14, 1)).toBe(false); // monthly: 11 months
    expect(isLongTerm(3, 15, 1)).toBe(true); // 12 months
  });

  it('a monthly lot sold within the year realizes a short-term gain', () => {
    const book = new LotBook(['x'], 1);
    book.buy(0, dec(1000), 0);
    book.applyReturns([dec('0.1')]);
    const gains = book.sell(0, dec(550), 1, taxable());
    // 550 / 1.1 = 500 shares, basis 500, gain 50, held one month: short-term.
    expect(gains.shortTerm.toFixed()).toBe('50');
    expect(gains.longTerm.toFixed()).toBe('0');
    expect(cents(book.value(0))).toBe('550.00');
  });

  it('nets a short-term loss against a long-term gain, and carries what is left', () => {
    // ST -3,000, LT +10,000: LT 7,000 x 15% = 1,050.
    const a = taxForYear({ shortTerm: dec(-3000), longTerm: dec(10000) }, NO_CARRYFORWARD, dec('0.37'), dec('0.15'));
    expect(a.tax.toFixed()).toBe('1050');
    // ST +2,000, LT -5,000: no tax; 3,000 of long-term loss carries forward.
    const b = taxForYear({ shortTerm: dec(2000), longTerm: dec(-5000) }, NO_CARRYFORWARD, dec('0.37'), dec('0.15'));
    expect(b.tax.toFixed()).toBe('0');
    expect(b.carryforward.longTerm.toFixed()).toBe('3000');
    // Next year, ST +4,000 less the 3,000 long-term carryforward: 1,000 x 37% = 370.
    const c = taxForYear({ shortTerm: dec(4000), longTerm: dec(0) }, b.carryforward, dec('0.37'), dec('0.15'));
    expect(c.tax.toFixed()).toBe('370');
  });
});
