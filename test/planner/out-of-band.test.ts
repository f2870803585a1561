import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { planRebalance } from '../../src/engine/planner';
import type { Plan } from '../../src/engine/plan-types';
import { exampleHousehold } from '../schedule/example-household';
import { acct, household, lot, sec, target } from './builders';

const explained = (plan: Plan) => plan.warnings.filter((w) => / ends at .*\(target /.test(w));
const brief = (plan: Plan) => plan.trades.map((t) => `${t.account} ${t.action} ${t.shares.toFixed()} ${t.ticker}`);

describe('a class left outside its band says so, with why', () => {
  it('cash-only mode on the example household: every class left outside its band is named', () => {
    const plan = planRebalance(exampleHousehold(), { mode: 'cash-only' });
    const outside = plan.drift.filter((d) => d.statusAfter !== 'within').map((d) => d.assetClass);
    expect(outside.length).toBeGreaterThan(0);
    expect(explained(plan).map((w) => w.slice(0, w.indexOf(' ends at ')))).toEqual(outside);
    expect(explained(plan)[0]).toBe('US Large Cap ends at 41.6% (target 35.0%), outside its band 31.5% to 38.5%: cash-only mode sells nothing.');
  });

  it('a fund menu without the class: money does not move between accounts', () => {
    const plan = planRebalance(household({
      accounts: [acct('401(k)', '401(k)', 0, { allowed: ['VTI'] }), acct('IRA', 'Traditional IRA')],
      targets: [target('Stocks', '0.5', '0.1'), target('Bonds', '0.5', '0.1')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('k', '401(k)', 'VTI', 80, 8000, '2020-01-02'), lot('i', 'IRA', 'BND', 20, 2000, '2020-01-02')],
    }));
    expect(plan.trades).toEqual([]);
    expect(explained(plan)).toEqual([
      'Stocks ends at 80.0% (target 50.0%), outside its band 45.0% to 55.0%: 401(k) holds it, but none of the classes under target (Bonds) can be bought there, and money does not move between accounts.',
      'Bonds ends at 20.0% (target 50.0%), outside its band 45.0% to 55.0%: 401(k) has no fund of it on the menu; the accounts that can buy it (IRA) hold nothing over target to sell, and money does not move between accounts.',
    ]);
  });

  it('the gain budget', () => {
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5', '0.1'), target('Bonds', '0.5', '0.1')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('s', 'Brokerage', 'VTI', 80, 4000, '2015-01-02'), lot('b', 'Brokerage', 'BND', 20, 2000, '2015-01-02')],
    }), { gainBudget: dec(0) });
    expect(plan.trades).toEqual([]);
    expect(explained(plan)[0]).toBe('Stocks ends at 80.0% (target 50.0%), outside its band 45.0% to 55.0%: the $0 gain budget is used up ($0 of net gain realized).');
  });

  it('a short-term gain held back until it turns long-term', () => {
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5', '0.1'), target('Bonds', '0.5', '0.1')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('s', 'Brokerage', 'VTI', 80, 4000, '2025-12-01'), lot('b', 'Brokerage', 'BND', 20, 2000, '2015-01-02')],
    }));
    expect(plan.trades).toEqual([]);
    expect(plan.deferred.map((d) => d.lot)).toEqual(['s']);
    expect(explained(plan)[0]).toBe('Stocks ends at 80.0% (target 50.0%), outside its band 45.0% to 55.0%: a lot of VTI turning long-term within 30 days is held back (see the deferred sales).');
  });
});

describe('harvesting never buys back into a class over its target', () => {
  it('buys the replacement only up to the target; the rest of the proceeds funds the class under target', () => {
    // Stocks $8,000 of $10,000 (target 50%): the $6,000 VTI lot at a $1,500 loss is harvested,
    // and only $3,000 of VXUS (back to the $5,000 target) is bought; BND gets the rest.
    const plan = planRebalance(household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '0.5', '0.1'), target('Bonds', '0.5', '0.1')],
      securities: [sec('VTI', 'Stocks', 100), sec('VXUS', 'Stocks', 100, { rank: 2 }), sec('BND', 'Bonds', 100)],
      lots: [lot('old', 'Brokerage', 'VTI', 20, 1000, '2015-01-02'), lot('loss', 'Brokerage', 'VTI', 60, 7500, '2024-01-02'), lot('b', 'Brokerage', 'BND', 20, 2000, '2015-01-02')],
      settings: { ...household({ accounts: [], targets: [], securities: [], lots: [] }).settings, harvestLosses: true },
    }));
    expect(brief(plan)).toEqual(['Brokerage SELL 60 VTI', 'Brokerage BUY 30 VXUS', 'Brokerage BUY 30 BND']);
    expect(plan.trades[0].reason).toMatch(/^Stocks is 30\.0 points over its 50% target; the 2024 lot sells at a loss/);
    expect(plan.trades[1].reason).toMatch(/^Buys Stocks back up to its target after the VTI sold for a loss; VXUS is not substantially identical/);
    expect(plan.summary.estimatedTax.toFixed()).toBe('-555');
    expect(plan.drift.map((d) => `${d.assetClass} ${d.statusAfter}`)).toEqual(['Stocks within', 'Bonds within']);
  });
});
