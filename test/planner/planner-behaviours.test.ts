import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { isoDate } from '../../src/engine/dates';
import { planRebalance } from '../../src/engine/planner';
import { acct, household, lot, sec, target } from './builders';

const brief = (plan: ReturnType<typeof planRebalance>) => plan.trades.map((t) => `${t.account} ${t.action} ${t.shares.toFixed()} ${t.ticker}`);

describe('planner: asset location', () => {
  // Stocks $5,000 in taxable, bonds $5,000 in the IRA, $5,000 of cash in each: total $20,000,
  // and each class is $5,000 under its 50% target.
  const h = () =>
    household({
      accounts: [acct('Brokerage', 'Taxable', 5000), acct('IRA', 'Traditional IRA', 5000)],
      targets: [target('US Stocks', '0.5'), target('US Bonds', '0.5')],
      securities: [sec('VTI', 'US Stocks', 100), sec('BND', 'US Bonds', 100)],
      lots: [lot('a', 'Brokerage', 'VTI', 50, 5000, '2015-01-05'), lot('b', 'IRA', 'BND', 50, 5000, '2015-01-05')],
    });

  it('buys bonds in the tax-deferred account and broad equity in taxable', () => {
    // Bonds go to the tax-deferred IRA, broad equity to taxable: 50 shares each at $100.
    expect(brief(planRebalance(h(), { mode: 'cash-only' }))).toEqual(['Brokerage BUY 50 VTI', 'IRA BUY 50 BND']);
  });

  it("follows a class's own Location column over the default", () => {
    const own = h();
    own.targets[1] = { ...own.targets[1], location: ['taxable'] };
    own.targets[0] = { ...own.targets[0], location: ['deferred'] };
    expect(brief(planRebalance(own, { mode: 'cash-only' }))).toEqual(['Brokerage BUY 50 BND', 'IRA BUY 50 VTI']);
  });
});

describe('planner: dividends', () => {
  it('avoids buying a fund just before its ex-dividend date in a taxable account when another will do', () => {
    // BND goes ex-dividend on 2026-11-25, five days after the as-of date: AGG is bought instead.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable', 3000)],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100, { exDividend: isoDate('2026-11-25') }), sec('AGG', 'Bonds', 100, { rank: 2 })],
      lots: [lot('a', 'Brokerage', 'VTI', 50, 4000, '2015-01-05'), lot('b', 'Brokerage', 'BND', 20, 2000, '2015-01-05')],
    }), { mode: 'cash-only' });
    expect(brief(plan)).toEqual(['Brokerage BUY 30 AGG']);
    expect(plan.trades[0].details.join(' ')).toMatch(/BND goes ex-dividend on 2026-11-25[:;] buying it now in a taxable account would buy a taxable dividend, so AGG is bought instead/);
  });

  it('warns to switch DRIP off where a reinvestment would wash a harvested loss', () => {
    // VTI is harvested in the Brokerage; the Roth IRA reinvests VTI dividends (DRIP), and each
    // reinvestment is a purchase that would wash the loss, in an IRA permanently.
    const h = household({
      accounts: [acct('Brokerage', 'Taxable'), acct('Roth', 'Roth IRA', 0, { drip: true })],
      targets: [target('Stocks', '1')],
      securities: [sec('VTI', 'Stocks', 100), sec('ITOT', 'Stocks', 100, { rank: 2 })],
      lots: [lot('v', 'Brokerage', 'VTI', 10, 2000, '2024-01-02'), lot('r', 'Roth', 'VTI', 10, 500, '2015-01-02')],
    });
    const plan = planRebalance({ ...h, settings: { ...h.settings, harvestLosses: true } });
    expect(brief(plan)).toEqual(['Brokerage SELL 10 VTI', 'Brokerage BUY 10 ITOT']);
    expect(plan.warnings.join(' ')).toMatch(/Switch off dividend reinvestment \(DRIP\) in Roth for VTI .*permanently/);
  });
});

describe('planner: reasons and budgets', () => {
  it('says plainly when it buys a class whose prices fell', () => {
    // Bonds held at $7,000 against $10,000 paid: 30% below cost. Cash buys them back to target.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable', 3000)],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 70)],
      lots: [lot('a', 'Brokerage', 'VTI', 100, 6000, '2015-01-05'), lot('b', 'Brokerage', 'BND', 100, 10000, '2015-01-05')],
    }), { mode: 'cash-only' });
    expect(plan.trades[0].details.join(' ')).toMatch(/holdings are 30\.0% below what was paid: prices fell, and buying now is the policy buying low, as designed/);
  });

  it('keeps realized gains within the gain budget', () => {
    // Stocks $15,000 of $20,000 vs a 50% target: $5,000 to sell, all long-term gain lots at
    // $50 gain a share (basis $50, price $100). A $1,000 budget allows 20 shares ($2,000 sold).
    const h = household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('a', 'Brokerage', 'VTI', 150, 7500, '2015-01-05'), lot('b', 'Brokerage', 'BND', 50, 5000, '2015-01-05')],
    });
    const plan = planRebalance(h, { gainBudget: dec(1000) });
    const sell = plan.trades.find((t) => t.action === 'SELL')!;
    expect(sell.shares.toFixed()).toBe('20');
    expect(sell.longTermGain.toFixed()).toBe('1000');
    expect(planRebalance(h).trades.find((t) => t.action === 'SELL')!.shares.toFixed()).toBe('50');
  });
});
