import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { planRebalance } from '../../src/engine/planner';
import { acct, household, lot, sale, sec, target } from './builders';
import { settings } from '../tax/fixtures';
import { AS_OF } from './builders';

const sells = (plan: ReturnType<typeof planRebalance>) => plan.trades.filter((t) => t.action === 'SELL');
const buys = (plan: ReturnType<typeof planRebalance>) => plan.trades.filter((t) => t.action === 'BUY');
const brief = (plan: ReturnType<typeof planRebalance>) => plan.trades.map((t) => `${t.account} ${t.action} ${t.shares.toFixed()} ${t.ticker}`);

describe('planner: cash flows first', () => {
  it('fixes drift with new cash alone, selling nothing', () => {
    // Stocks 70 x $100 = $7,000; bonds 20 x $100 = $2,000; cash $1,000. Total $10,000, target 60/40.
    // Bonds are $2,000 under target ($4,000 - $2,000): the $1,000 of cash buys 10 BND; no sale.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable', 1000)],
      targets: [target('Stocks', '0.6'), target('Bonds', '0.4', '0.05')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('a', 'Brokerage', 'VTI', 70, 3000, '2015-01-05'), lot('b', 'Brokerage', 'BND', 20, 2000, '2015-01-05')],
    }), { mode: 'cash-only' });
    expect(brief(plan)).toEqual(['Brokerage BUY 10 BND']);
    expect(plan.trades[0].reason).toMatch(/Bonds is 20\.0 points under its 40% target; invests cash/);
    expect(plan.summary.estimatedTax.toFixed()).toBe('0');
  });
});

describe('planner: where to sell', () => {
  it('sells inside the IRA instead of the taxable account', () => {
    // Total $20,000: stocks $14,000 (70%) vs 50% target, bonds $6,000. Both accounts hold VTI with
    // a large gain in taxable. The $4,000 excess is sold in the IRA (no tax) and BND bought there.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable'), acct('IRA', 'Traditional IRA')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [
        lot('t1', 'Brokerage', 'VTI', 70, 1000, '2012-03-01'),
        lot('i1', 'IRA', 'VTI', 70, 7000, '2020-03-01'),
        lot('i2', 'IRA', 'BND', 60, 6000, '2020-03-01'),
      ],
    }));
    expect(brief(plan)).toEqual(['IRA SELL 40 VTI', 'IRA BUY 40 BND']);
    expect(plan.summary.estimatedTax.toFixed()).toBe('0');
    expect(sells(plan)[0].reason).toMatch(/selling inside .* costs no tax\.$/);
  });

  it('in a taxable account sells the loss first, then the long-term gain with least tax per dollar', () => {
    // VTI at $100. Lots: L1 10 sh basis $1,200 (loss $200, long-term); L2 30 sh basis $900 (LT gain
    // $2,100, $70/share); L3 30 sh basis $2,400 (LT gain $600, $20/share). Stocks $7,000 of $10,000
    // vs 50% target: sell $2,000 = 20 shares: all of L1 (loss) then 10 of L3 (least gain per dollar).
    // Gains: -200 + 10 x 20 = 0 net long-term -> no tax.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [
        lot('L1', 'Brokerage', 'VTI', 10, 1200, '2020-01-02'),
        lot('L2', 'Brokerage', 'VTI', 30, 900, '2012-01-02'),
        lot('L3', 'Brokerage', 'VTI', 30, 2400, '2019-01-02'),
        lot('B1', 'Brokerage', 'BND', 30, 3000, '2019-01-02'),
      ],
    }));
    const sell = sells(plan)[0];
    expect(sell.lots.map((l) => `${l.lot}:${l.shares.toFixed()}`)).toEqual(['L1:10', 'L3:10']);
    expect(sell.longTermGain.toFixed()).toBe('0');
    expect(sell.tax.toFixed()).toBe('0');
    expect(buys(plan)[0].shares.toFixed()).toBe('20');
  });
});

describe('planner: deferral near long-term', () => {
  it('does not sell a short-term gain lot that turns long-term within the wait window', () => {
    // Lot S bought 2025-12-01 turns long-term 2026-12-02, 12 days after 2026-11-20. Its gain:
    // 40 x ($100 - $50) = $2,000; waiting saves 2,000 x (37% - 20%) = $340.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('S', 'Brokerage', 'VTI', 70, 3500, '2025-12-01'), lot('B', 'Brokerage', 'BND', 30, 3000, '2019-01-02')],
    }));
    expect(plan.trades).toEqual([]);
    expect(plan.deferred).toHaveLength(1);
    expect(plan.deferred[0].longTermOn).toBe('2026-12-02');
    // 70 shares x $50 gain = $3,500 gain; x 17% = $595 saved.
    expect(plan.deferred[0].taxSaved.toFixed()).toBe('595');
  });
});

describe('planner: harvesting', () => {
  it('harvests a loss into a different wash group in the same account', () => {
    // VTI lot at a $1,000 loss (10 sh, basis $2,000, price $100); replacement ITOT (rank 2,
    // another group). Classes are on target, so the harvest is the only trade pair.
    const h = household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('ITOT', 'Stocks', 50, { rank: 2 }), sec('BND', 'Bonds', 100)],
      lots: [lot('V', 'Brokerage', 'VTI', 10, 2000, '2024-01-02'), lot('B', 'Brokerage', 'BND', 10, 1000, '2020-01-02')],
    });
    const plan = planRebalance({ ...h, settings: { ...h.settings, harvestLosses: true } });
    expect(brief(plan)).toEqual(['Brokerage SELL 10 VTI', 'Brokerage BUY 20 ITOT']);
    expect(plan.trades[0].purpose).toBe('harvest');
    // A $1,000 long-term loss with no other gains this year is a net capital loss: it offsets
    // $1,000 of ordinary income (IRC 1211(b), up to $3,000) at the 37% ordinary rate -> saves $370.
    expect(plan.trades[0].tax.toFixed()).toBe('-370');
    expect(plan.summary.lossesHarvested.toFixed()).toBe('1000');
    expect(plan.warnings.filter((w) => /Wash sale/.test(w))).toEqual([]);
  });

  it('never harvests a loss a purchase in the last 30 days (in an IRA) would wash', () => {
    const h = household({
      accounts: [acct('Brokerage', 'Taxable'), acct('IRA', 'Roth IRA')],
      targets: [target('Stocks', '1')],
      securities: [sec('VTI', 'Stocks', 100), sec('ITOT', 'Stocks', 50, { rank: 2 })],
      lots: [lot('V', 'Brokerage', 'VTI', 10, 2000, '2024-01-02'), lot('R', 'IRA', 'VTI', 1, 100, '2026-11-10')],
    });
    const plan = planRebalance({ ...h, settings: { ...h.settings, harvestLosses: true } });
    expect(plan.trades).toEqual([]);
    expect(plan.warnings.join(' ')).toMatch(/would wash it/);
  });
});

describe('planner: wash-sale blocked purchase', () => {
  it('does not buy a fund sold at a loss in the last 30 days; buys the next-ranked one', () => {
    // A loss sale of BND on 2026-11-05 (15 days ago). Bonds are under target; cash buys AGG instead.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable', 2000)],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100), sec('AGG', 'Bonds', 100, { rank: 2 })],
      lots: [lot('V', 'Brokerage', 'VTI', 50, 4000, '2020-01-02'), lot('B', 'Brokerage', 'BND', 30, 3000, '2020-01-02')],
      sales: [sale('Brokerage', 'BND', '2026-11-05', 10, 900, 1000, '2020-01-02')],
    }));
    expect(brief(plan)).toEqual(['Brokerage BUY 20 AGG']);
    expect(plan.trades[0].details.join(' ')).toMatch(/BND is not bought: a loss realized on 2026-11-05 would be washed/);
  });
});

describe('planner: 401(k) menu and whole shares', () => {
  it('buys only what the 401(k) menu allows, in whole shares', () => {
    // 401(k) cash $1,050 may buy only FXNAX (bonds, $10.30). Bonds under target -> floor(1050/10.30) = 101 shares = $1,040.30.
    const h = household({
      accounts: [acct('401k', '401(k)', 1050, { allowed: ['FXAIX', 'FXNAX'] })],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('FXAIX', 'Stocks', 200, { rank: 2 }), sec('BND', 'Bonds', 70), sec('FXNAX', 'Bonds', '10.30', { rank: 2 })],
      lots: [lot('F', '401k', 'FXAIX', 25, 3000, '2020-01-02')],
    });
    const cashOnly = planRebalance(h, { mode: 'cash-only' });
    expect(brief(cashOnly)).toEqual(['401k BUY 101 FXNAX']);
    expect(cashOnly.trades[0].amount.toFixed()).toBe('1040.3');
    // Threshold mode then sells the overweight FXAIX inside the 401(k) (no tax): total $6,050,
    // bonds target $3,025; after the cash buy bonds hold $1,040.30, stocks $5,000 (over its band).
    // Sell 10 FXAIX ($2,000, the nearest whole share to the $1,975 excess). Bonds still need
    // $3,025 - $1,040.30 = $1,984.70, so that much is earmarked (never past target):
    // floor(1,984.70 / 10.30) = 192 FXNAX; 101 + 192 = 293. $32.10 cash is left (< min trade).
    const plan = planRebalance(h);
    expect(brief(plan)).toEqual(['401k SELL 10 FXAIX', '401k BUY 293 FXNAX']);
    expect(plan.trades.every((t) => ['FXAIX', 'FXNAX'].includes(t.ticker))).toBe(true);
  });
});

describe('planner: determinism', () => {
  it('the same workbook and options give the same plan, byte for byte', () => {
    const make = () => planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable', 500), acct('IRA', 'Traditional IRA', 300)],
      targets: [target('Stocks', '0.6'), target('Bonds', '0.4')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('a', 'Brokerage', 'VTI', 80, 4000, '2018-01-05'), lot('b', 'IRA', 'VTI', 20, 2000, '2019-01-05')],
    }), { mode: 'full' });
    expect(JSON.stringify(make())).toBe(JSON.stringify(make()));
    expect(make().id).toMatch(/^P-2026-11-20-[0-9a-f]{10}$/);
  });
});
void dec; void settings; void AS_OF;
