import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { DEFAULT_POLICY_CONFIG, POLICY_BUILDERS, POLICY_NAMES, thresholdPolicy } from '../../src/engine/backtest/policies';
import { plannerAsOf, plannerPolicy, DEFAULT_PLANNER_OPTIONS } from '../../src/engine/backtest/planner-policy';
import { constantReturnsScenario } from '../../src/engine/backtest/constant-returns';
import type { Policy, PolicyDecision, Scenario } from '../../src/engine/backtest/types';
import { cents, mix, options, taxable } from './helpers';

function recording(policy: Policy): { policy: Policy; decisions: PolicyDecision[] } {
  const decisions: PolicyDecision[] = [];
  return {
    decisions,
    policy: { ...policy, decide: (view) => { const d = policy.decide(view); decisions.push(d); return d; } },
  };
}

function run(scenario: Scenario, policy: Policy, opts: Parameters<typeof runBacktest>[2]) {
  const outcome = runBacktest(scenario, policy, opts);
  if (!outcome.ok) throw new Error(outcome.errors.join('; '));
  return outcome.result;
}

const TEN_PERCENT = { band: dec('0.1'), absBand: null };

describe('planner policy', () => {
  it('is registered, so --policy planner works', () => {
    expect(POLICY_NAMES).toContain('planner');
    expect(POLICY_BUILDERS.planner(DEFAULT_POLICY_CONFIG).name).toBe('planner');
  });

  it('dates: a period ends on the first of a month; the planner decides the day after', () => {
    expect(plannerAsOf(0, 1)).toBe('2001-01-02');
    expect(plannerAsOf(1, 1)).toBe('2002-01-02');
    expect(plannerAsOf(11, 12)).toBe('2001-12-02');
  });

  describe('constant returns, $500,000 at 70/30, stocks 8%, bonds 4%, 10 years, 10% bands', () => {
    // Bonds may stray 3 points (10% of 30%). Stocks' weight after k years without trading:
    // 0.7 x 1.08^k / (0.7 x 1.08^k + 0.3 x 1.04^k): 70.79%, 71.56%, 72.32%, 73.07% -> year 4 is the
    // first beyond 3 points; after a rebalance the same four years repeat, so years 4 and 8 trade.
    // Year 4: stocks 350,000 x 1.08^4 = 476,171.136; bonds 150,000 x 1.04^4 = 175,478.784;
    // total 651,649.92; target stocks 0.7 x 651,649.92 = 456,154.944 -> sell 20,016.192.
    const scenario = constantReturnsScenario({ stocks: dec('0.08'), bonds: dec('0.04') }, 10);
    const entries = mix({ stocks: '0.7', bonds: '0.3' });

    it('in a tax-advantaged account it trades only when a band is crossed, as threshold does', () => {
      const planner = recording(plannerPolicy({ ...DEFAULT_PLANNER_OPTIONS, bands: TEN_PERCENT }));
      const threshold = recording(thresholdPolicy(TEN_PERCENT));
      const p = run(scenario, planner.policy, options('500000', entries));
      const t = run(scenario, threshold.policy, options('500000', entries));
      const traded = [false, false, false, true, false, false, false, true, false, false];
      expect(planner.decisions.map((d) => d.rebalance)).toEqual(traded);
      expect(threshold.decisions.map((d) => d.rebalance)).toEqual(traded);
      expect(cents(planner.decisions[3].trades.stocks)).toBe('-20016.19');
      expect(cents(planner.decisions[3].trades.bonds)).toBe('20016.19');
      expect(p.rebalances).toBe(2);
      // The planner trades in $100 shares to 6 decimals: within a cent of threshold after 10 years.
      expect(cents(t.endingValue)).toBe('969011.89');
      expect(p.endingValue.minus(t.endingValue).abs().lessThan(dec('0.01'))).toBe(true);
      expect(p.taxesPaid.isZero()).toBe(true);
    });

    it('in a taxable account it pays no more tax than threshold on the same path', () => {
      const tax = taxable({ lotMethod: 'MinTax' });
      const p = run(scenario, plannerPolicy({ ...DEFAULT_PLANNER_OPTIONS, bands: TEN_PERCENT }), options('500000', entries, tax));
      const t = run(scenario, thresholdPolicy(TEN_PERCENT), options('500000', entries, tax));
      // All sales are of long-term lots here, so both pay the same (to a cent).
      expect(p.taxesPaid.lessThanOrEqualTo(t.taxesPaid.plus(dec('0.01')))).toBe(true);
      expect(cents(p.taxesPaid)).toBe(cents(t.taxesPaid));
      expect(p.endingValueAfterTax.minus(t.endingValueAfterTax).abs().lessThan(dec('0.01'))).toBe(true);
    });
  });

  describe('taxable, monthly: a short-term gain one month from long-term', () => {
    // $100,000 at 50/50, 10% bands (5 points), short-term 37%, long-term 15%, MinTax.
    // Months 1-10 flat; month 11 stocks +25%: 62,500 / 112,500 = 55.56%, beyond 55%.
    // The only stocks lot (bought at the start) is 11 months old: a short-term gain of 20% of
    // whatever is sold. Month 12 flat.
    const months = Array.from({ length: 12 }, (_, i) => ({
      label: `month ${i + 1}`,
      returns: { stocks: dec(i === 10 ? '0.25' : '0'), bonds: dec(0) },
    }));
    const scenario: Scenario = { label: 'near long-term', periodsPerYear: 12, periods: months };
    const entries = mix({ stocks: '0.5', bonds: '0.5' });
    const tax = taxable({ lotMethod: 'MinTax', shortTermRate: dec('0.37'), longTermRate: dec('0.15') });
    // A month is up to 31 days: a wait of 45 days holds back a lot one month from long-term.
    const planner = () => recording(plannerPolicy({ ...DEFAULT_PLANNER_OPTIONS, bands: TEN_PERCENT, longTermWaitDays: 45 }));

    it('threshold sells at once and pays short-term tax', () => {
      // Month 11: sell 62,500 - 56,250 = 6,250 of stocks; gain 6,250 x 0.2 = 1,250 short-term;
      // year-end tax 1,250 x 37% = 462.50, paid out of the portfolio: 112,500 - 462.50 = 112,037.50.
      // Liquidation: every stock gain is long-term by then: the rest of the lot's gain,
      // 12,500 - 1,250 = 11,250, x 15% = 1,687.50 -> 110,350.00 after tax.
      const t = run(scenario, thresholdPolicy(TEN_PERCENT), options('100000', entries, tax));
      expect(cents(t.taxesPaid)).toBe('462.50');
      expect(cents(t.endingValue)).toBe('112037.50');
      expect(cents(t.liquidationTax)).toBe('1687.50');
      expect(cents(t.endingValueAfterTax)).toBe('110350.00');
    });

    it('the planner waits one month for the long-term rate and pays 275 less', () => {
      // Month 11: the lot turns long-term within the wait: no trade. Month 12: the lot is 12 months
      // old (long-term), still beyond the band: sell 6,250, gain 1,250 x 15% = 187.50 tax.
      // Ending 112,500 - 187.50 = 112,312.50; liquidation again 11,250 x 15% = 1,687.50
      // -> 110,625.00 after tax: 275.00 more than threshold (462.50 - 187.50).
      const { policy, decisions } = planner();
      const p = run(scenario, policy, options('100000', entries, tax));
      expect(decisions.map((d) => d.rebalance)).toEqual([...Array(11).fill(false), true]);
      expect(cents(decisions[10].trades.stocks)).toBe('0.00');
      expect(cents(decisions[11].trades.stocks)).toBe('-6250.00');
      expect(decisions[11].lotsToSell?.stocks?.map((l) => l.acquired)).toEqual([0]);
      expect(cents(p.taxesPaid)).toBe('187.50');
      expect(cents(p.endingValue)).toBe('112312.50');
      expect(cents(p.liquidationTax)).toBe('1687.50');
      expect(cents(p.endingValueAfterTax)).toBe('110625.00');
    });
  });

  it('places a deposit and keeps trades equal to the cash flow', () => {
    // $100,000 at 50/50, flat returns, $10,000 added each year: within the bands, so the
    // planner buys 5,000 of each (its cash goes to the most underweight class, both at target).
    const scenario = constantReturnsScenario({ stocks: dec(0), bonds: dec(0) }, 2);
    const { policy, decisions } = recording(plannerPolicy({ ...DEFAULT_PLANNER_OPTIONS, bands: TEN_PERCENT }));
    const r = run(scenario, policy, options('100000', mix({ stocks: '0.5', bonds: '0.5' }), undefined, [dec(10000), dec(10000)]));
    expect(cents(r.endingValue)).toBe('120000.00');
    for (const d of decisions) expect(cents(d.trades.stocks.plus(d.trades.bonds))).toBe('10000.00');
    expect(r.rebalances).toBe(0);
    expect(cents(r.values[2])).toBe('120000.00');
  });
});
