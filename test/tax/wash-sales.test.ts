import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { recordTrades, type ExecutedTrade } from '../../src/engine/record-trades';
import { checkWashSales, washSaleFlag } from '../../src/engine/wash-sales';
import type { Household } from '../../src/engine/types';
import { account, d, household, lot, plain, sale, security } from './fixtures';

/** Records a plan and returns the household after it (fails the test on refusal). */
function record(h: Household, id: string, asOf: string, trades: ExecutedTrade[]): Household {
  const result = recordTrades(h, { id, asOf: d(asOf), trades }, { recordedPlanIds: [] });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { ...h, lots: result.lots, sales: result.sales, accounts: result.accounts };
}
const sell = (ticker: string, shares: number, price: number | string, acct = 'Taxable'): ExecutedTrade =>
  ({ account: acct, action: 'SELL', ticker, shares: dec(shares), price: dec(price) });
const buy = (ticker: string, shares: number, price: number | string, acct = 'Taxable'): ExecutedTrade =>
  ({ account: acct, action: 'BUY', ticker, shares: dec(shares), price: dec(price) });
const lotsOf = (h: Household) => h.lots.map((l) => `${l.id} ${l.account} ${l.ticker} ${l.shares} $${l.basis} ${l.acquired} from ${l.holdingFrom ?? '-'}`);

describe('Publication 550 wash-sale examples', () => {
  it('Example 1: $1,000 of X sold for $750, 100 shares bought back for $800 -> $250 disallowed, basis $1,050', () => {
    let h = household({ lots: [lot('X1', 'Taxable', 'X', 100, 1000, '2024-01-02')] });
    h = record(h, 'P1', '2024-06-03', [sell('X', 100, '7.50')]);
    expect(h.sales[0].disallowed.toFixed()).toBe('0'); // no replacement yet
    h = record(h, 'P2', '2024-06-20', [buy('X', 100, 8)]);
    expect(h.sales[0].disallowed.toFixed()).toBe('250');
    // Held 2024-01-02 -> 2024-06-03: 29 + 29 + 31 + 30 + 31 + 3 = 153 days; 2024-06-20 - 153 days = 2024-01-19.
    expect(lotsOf(h)).toEqual(['P2-1 Taxable X 100 $1050 2024-06-20 from 2024-01-19']);
  });

  it('Example 2: a bonus award of substantially identical stock within 30 days also washes the loss', () => {
    // 10 award shares included in income at $50 (basis $500), sold for $400; a new award of 10
    // shares 15 days later at $45 (an acquisition like a purchase): $100 disallowed, basis 450 + 100.
    let h = household({ lots: [lot('AWARD1', 'Taxable', 'X', 10, 500, '2024-03-01')] });
    h = record(h, 'S', '2024-05-01', [sell('X', 10, 40)]);
    h = record(h, 'AWARD2', '2024-05-16', [buy('X', 10, 45)]);
    expect(h.sales[0].disallowed.toFixed()).toBe('100');
    expect(h.lots[0].basis.toFixed()).toBe('550');
  });

  it('More stock bought than sold: 4 x 50 shares after a 100-share loss; the first two purchases take $500 each', () => {
    // Bought 100 M on 2022-09-24; sold 2023-02-03 at a $1,000 loss ($2,000 -> $1,000); 50 bought each
    // day 2023-02-13..16 at $11 ($550). Held 132 days (6 + 31 + 30 + 31 + 31 + 3), tacked:
    // 2023-02-13 - 132 = 2022-10-04, 2023-02-14 - 132 = 2022-10-05.
    let h = household({ securities: [security('M', 11)], lots: [lot('M0', 'Taxable', 'M', 100, 2000, '2022-09-24')] });
    h = record(h, 'S', '2023-02-03', [sell('M', 100, 10)]);
    for (const day of ['13', '14', '15', '16']) h = record(h, `B${day}`, `2023-02-${day}`, [buy('M', 50, 11)]);
    expect(h.sales[0].disallowed.toFixed()).toBe('1000');
    expect(lotsOf(h)).toEqual([
      'B13-1 Taxable M 50 $1050 2023-02-13 from 2022-10-04',
      'B14-1 Taxable M 50 $1050 2023-02-14 from 2022-10-05',
      'B15-1 Taxable M 50 $550 2023-02-15 from -',
      'B16-1 Taxable M 50 $550 2023-02-16 from -',
    ]);
  });

  it('Less stock bought than sold: 75 shares bought back wash $750 of a $1,000 loss; $250 stays deductible', () => {
    let h = household({ securities: [security('M', 11)], lots: [lot('M0', 'Taxable', 'M', 100, 2000, '2022-09-24')] });
    h = record(h, 'S', '2023-02-03', [sell('M', 100, 10)]);
    h = record(h, 'B', '2023-02-13', [buy('M', 75, 11)]);
    // 1,000 x 75/100 = 750 disallowed; basis 75 x 11 = 825 + 750 = 1,575.
    expect(h.sales[0].disallowed.toFixed()).toBe('750');
    expect(lotsOf(h)).toEqual(['B-1 Taxable M 75 $1575 2023-02-13 from 2022-10-04']);
    // Realized: 1,000 - 2,000 + 750 = -250 deductible.
    expect(h.sales[0].proceeds.minus(h.sales[0].basis).plus(h.sales[0].disallowed).toFixed()).toBe('-250');
  });

  it('a purchase in an IRA washes the loss permanently: no basis change (Rev. Rul. 2008-5)', () => {
    let h = household({
      accounts: [account('Taxable', 'Taxable', 0), account('IRA', 'Roth IRA', 5000)],
      lots: [lot('X1', 'Taxable', 'X', 100, 1000, '2024-01-02')],
    });
    h = record(h, 'S', '2024-06-03', [sell('X', 100, '7.50')]);
    const check = checkWashSales(h, [buy('X', 100, 8, 'IRA')], d('2024-06-10'));
    expect(plain(check.washSales.map((w) => [w.replacementAccount, w.shares, w.loss, w.permanent, w.trigger]))).toEqual([['IRA', '100', '250', true, 'purchase']]);
    h = record(h, 'B', '2024-06-10', [buy('X', 100, 8, 'IRA')]);
    expect(h.sales[0].disallowed.toFixed()).toBe('250');
    expect(lotsOf(h)).toEqual(['B-1 IRA X 100 $800 2024-06-10 from -']);
  });

  // Short sales, options and contracts (Pub. 550 "Options and futures contracts", "Short sales") are
  // not modelled: the workbook holds long positions only.
});

describe('wash-sale windows and matching', () => {
  it('a buy 30 days BEFORE the loss washes it, recorded when the loss is (lot split, each part its own basis)', () => {
    // Old lot: 100 X for $1,500 (2024-01-01). Buy 150 on 2024-05-02 at $12 ($1,800). On 2024-06-01 (30 days
    // later) sell the old lot for $1,000: loss $500, washed by 100 of the 150 new shares.
    let h = household({ lots: [lot('OLD', 'Taxable', 'X', 100, 1500, '2024-01-01'), lot('NEW', 'Taxable', 'X', 150, 1800, '2024-05-02')] });
    h = record(h, 'S', '2024-06-01', [{ ...sell('X', 100, 10), lots: [{ lot: 'OLD', shares: dec(100) }] }]);
    expect(h.sales[0].disallowed.toFixed()).toBe('500');
    // NEW splits: 50 shares keep $600 and no adjustment; 100 shares carry $1,200 + $500 = $1,700.
    // Held 2024-01-01 -> 2024-06-01 = 31 + 29 + 31 + 30 + 31 = 152 days; 2024-05-02 - 152 = 2023-12-02.
    expect(lotsOf(h)).toEqual([
      'NEW Taxable X 50 $600 2024-05-02 from -',
      'NEW-W1 Taxable X 100 $1700 2024-05-02 from 2023-12-02',
    ]);
  });

  it('no wash on day 31, either side', () => {
    const before = household({ lots: [lot('OLD', 'Taxable', 'X', 100, 1500, '2024-01-01'), lot('NEW', 'Taxable', 'X', 10, 120, '2024-05-01')] });
    // 2024-05-01 -> 2024-06-01 is 31 days.
    const h = record(before, 'S', '2024-06-01', [{ ...sell('X', 100, 10), lots: [{ lot: 'OLD', shares: dec(100) }] }]);
    expect(h.sales[0].disallowed.toFixed()).toBe('0');
    expect(checkWashSales(h, [buy('X', 10, 10)], d('2024-07-02')).washSales).toEqual([]); // 31 days after
    expect(checkWashSales(h, [buy('X', 10, 10)], d('2024-07-01')).washSales).toHaveLength(1); // 30 days after
  });

  it('the purchase of the lot being sold is not its own replacement, nor are shares sold in the same sale', () => {
    let h = household({ lots: [lot('L', 'Taxable', 'X', 100, 1500, '2024-06-01')] });
    h = record(h, 'S', '2024-06-10', [sell('X', 50, 10)]);
    expect(h.sales[0].disallowed.toFixed()).toBe('0');
    const two = household({ lots: [lot('A', 'Taxable', 'X', 10, 150, '2024-06-01'), lot('B', 'Taxable', 'X', 10, 150, '2024-06-05')] });
    expect(checkWashSales(two, [sell('X', 20, 10)], d('2024-06-10')).washSales).toEqual([]);
    // Selling only A leaves B (bought 5 days before) as the replacement: $50 loss washed.
    expect(plain(checkWashSales(two, [sell('X', 10, 10)], d('2024-06-10')).washSales.map((w) => [w.replacementLot, w.loss, w.trigger]))).toEqual([['B', '50', 'sale']]);
  });

  it('several loss sales: the earliest sale is matched first, each replacement share washes once', () => {
    // Sale 1 (01-10): 50 shares, loss $500, held since 2023-12-01 (40 days). Sale 2 (01-20): 50 shares
    // of XX (same wash group), loss $300, held since 2023-12-10 (41 days; bought 31 days before sale 1,
    // so it does not wash it). Buy 60 at $10 on 02-01: 50 shares wash sale 1 ($500), 10 shares wash
    // 10/50 of sale 2 = $60.
    let h = household({
      securities: [security('X', 10), security('XX', 10, 'X')],
      lots: [lot('A', 'Taxable', 'X', 50, 1000, '2023-12-01'), lot('B', 'Taxable', 'XX', 50, 800, '2023-12-10')],
    });
    h = record(h, 'S1', '2024-01-10', [sell('X', 50, 10)]);
    h = record(h, 'S2', '2024-01-20', [sell('XX', 50, 10)]);
    h = record(h, 'B', '2024-02-01', [buy('X', 60, 10)]);
    expect(h.sales.map((s) => s.disallowed.toFixed())).toEqual(['500', '60']);
    // 2024-02-01 - 40 days = 2023-12-23; - 41 days = 2023-12-22.
    expect(lotsOf(h)).toEqual([
      'B-1 Taxable X 10 $160 2024-02-01 from 2023-12-22',
      'B-1-W1 Taxable X 50 $1000 2024-02-01 from 2023-12-23',
    ]);
    // A later buy within 30 days of sale 2 washes only what is left: 40 shares, $240.
    h = record(h, 'B2', '2024-02-05', [buy('X', 100, 10)]);
    expect(h.sales.map((s) => s.disallowed.toFixed())).toEqual(['500', '300']);
    expect(h.lots.find((l) => l.id === 'B2-1-W1')?.basis.toFixed()).toBe('640'); // 40 x 10 + 240
  });

  it('loss already Disallowed is not washed twice', () => {
    // Recorded: 100 shares sold 2024-03-01 at a $1,000 loss (held since 2024-01-15, 46 days), $400 already
    // disallowed against R1 (40 shares). A buy of 100 at $11 on 2024-03-10 washes only the other 60
    // shares: $600. The new lot splits: 60 shares $660 + $600 = $1,260, tacked 2024-03-10 - 46 = 2024-01-24;
    // 40 shares keep $440.
    const base = household({
      lots: [lot('R1', 'Taxable', 'X', 40, 840, '2024-03-05', '2024-01-19')],
      sales: [sale({ date: '2024-03-01', account: 'Taxable', ticker: 'X', shares: 100, proceeds: 1000, basis: 2000, acquired: '2024-01-15', lot: 'OLD', disallowed: 400 })],
    });
    const h = record(base, 'P', '2024-03-10', [buy('X', 100, 11)]);
    expect(h.sales[0].disallowed.toFixed()).toBe('1000');
    expect(lotsOf(h)).toEqual([
      'R1 Taxable X 40 $840 2024-03-05 from 2024-01-19',
      'P-1 Taxable X 40 $440 2024-03-10 from -',
      'P-1-W1 Taxable X 60 $1260 2024-03-10 from 2024-01-24',
    ]);
    // Once the whole loss is disallowed, nothing more is washed.
    expect(checkWashSales(h, [buy('X', 10, 11)], d('2024-03-12')).washSales).toEqual([]);
  });

  it('a deferred loss rides along: a replacement sold at a loss carries it into the next wash', () => {
    // A: 50 X for $1,000 (2023-12-01); B: 50 XX (same group) for $800 (2023-12-11). Selling A for $500
    // on 2024-01-10 is washed by B, bought 30 days before: B's basis $1,300, holding from
    // 2023-12-11 - 40 days = 2023-11-01. Selling B for $500 on 01-20 loses $800 (nothing washes it yet);
    // 60 X bought 02-01 wash 50 shares: $800, tacked 02-01 - 80 days (11-01 -> 01-20) = 2023-11-13.
    let h = household({
      securities: [security('X', 10), security('XX', 10, 'X')],
      lots: [lot('A', 'Taxable', 'X', 50, 1000, '2023-12-01'), lot('B', 'Taxable', 'XX', 50, 800, '2023-12-11')],
    });
    h = record(h, 'S1', '2024-01-10', [sell('X', 50, 10)]);
    expect(lotsOf(h)).toEqual(['B Taxable XX 50 $1300 2023-12-11 from 2023-11-01']);
    h = record(h, 'S2', '2024-01-20', [sell('XX', 50, 10)]);
    h = record(h, 'B', '2024-02-01', [buy('X', 60, 10)]);
    expect(h.sales.map((s) => `${s.basis} ${s.disallowed}`)).toEqual(['1000 500', '1300 800']);
    expect(lotsOf(h)).toEqual([
      'B-1 Taxable X 10 $100 2024-02-01 from -',
      'B-1-W1 Taxable X 50 $1300 2024-02-01 from 2023-11-13',
    ]);
  });

  it('checkWashSales reports a proposed loss sale washed by recent buys in several lots and accounts', () => {
    const h = household({
      accounts: [account('Taxable', 'Taxable', 0), account('Roth', 'Roth IRA', 0)],
      securities: [security('X', 10), security('Y', 10, 'X')],
      lots: [
        lot('OLD', 'Taxable', 'X', 100, 2000, '2023-01-01'),
        lot('R1', 'Roth', 'Y', 30, 300, '2024-05-20'),
        lot('R2', 'Taxable', 'X', 50, 500, '2024-05-25'),
      ],
    });
    // Sell OLD (FIFO) for $1,000: loss $1,000 over 100 shares. R1: 30 shares -> $300 permanent; R2: 50
    // shares -> $500 deferred; 20 shares unmatched -> $200 deductible.
    const check = checkWashSales(h, [sell('X', 100, 10)], d('2024-06-01'));
    expect(plain(check.washSales.map((w) => [w.saleLot, w.replacementAccount, w.replacementLot, w.shares, w.loss, w.permanent]))).toEqual([
      ['OLD', 'Roth', 'R1', '30', '300', true],
      ['OLD', 'Taxable', 'R2', '50', '500', false],
    ]);
    expect(checkWashSales(h, [sell('X', 151, 10)], d('2024-06-01')).errors[0]).toContain('only 150 held');
  });

  it('washSaleFlag: the first day a loss sale would no longer be washed', () => {
    const h = household({
      accounts: [account('Taxable'), account('IRA', 'Traditional IRA')],
      securities: [security('X', 10), security('Y', 10, 'X'), security('Z', 10)],
      lots: [
        lot('OLD', 'Taxable', 'X', 10, 200, '2023-01-01'),
        lot('IRA1', 'IRA', 'Y', 1, 10, '2024-05-10'),
        lot('IRA0', 'IRA', 'Y', 1, 10, '2024-05-01'),
        lot('Z1', 'Taxable', 'Z', 1, 10, '2024-05-30'),
      ],
    });
    // Last purchase in the group: 2024-05-10; + 31 days = 2024-06-10.
    expect(washSaleFlag(h.lots[0], h, d('2024-06-01'))).toBe('2024-06-10');
    expect(washSaleFlag(h.lots[0], h, d('2024-06-10'))).toBe(null); // 31 days after 05-10
    expect(washSaleFlag(h.lots[3], h, d('2024-06-01'))).toBe(null); // only its own purchase
  });
});
