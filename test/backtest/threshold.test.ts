import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { thresholdPolicy, calendarThresholdPolicy } from '../../src/engine/backtest/policies';
import type { Policy, PolicyDecision, Scenario } from '../../src/engine/backtest/types';
import { cents, mix, options } from './helpers';

/** Wraps a policy to record each decision. */
function recording(policy: Policy): { policy: Policy; decisions: PolicyDecision[] } {
  const decisions: PolicyDecision[] = [];
  return {
    decisions,
    policy: { ...policy, decide: (view) => { const d = policy.decide(view); decisions.push(d); return d; } },
  };
}

const years = (stocks: string[]): Scenario => ({
  label: 'threshold test',
  periodsPerYear: 1,
  periods: stocks.map((s, i) => ({ label: `year ${i + 1}`, returns: { stocks: dec(s), bonds: dec(0) } })),
});

describe('threshold policy', () => {
  // $100,000 at 50/50 with a 10% relative band: stocks may stray 5 points (10% of 50%).
  // Year 1: stocks +10% -> 55,000 / 105,000 = 52.38%: 2.38 points, inside: no trade.
  // Year 2: stocks +20% -> 66,000 / 116,000 = 56.90%: 6.90 points, outside: rebalance to 58,000 each
  //         (sell 8,000 stocks, buy 8,000 bonds).
  // Year 3: nothing moves: 50/50, inside: no trade.
  const scenario = years(['0.1', '0.2', '0']);
  const entries = mix({ stocks: '0.5', bonds: '0.5' });

  it('trades only in the period the relative band is crossed', () => {
    const { policy, decisions } = recording(thresholdPolicy({ band: dec('0.1'), absBand: null }));
    const outcome = runBacktest(scenario, policy, options('100000', entries));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    expect(decisions.map((d) => d.rebalance)).toEqual([false, true, false]);
    expect(decisions.map((d) => cents(d.trades.stocks))).toEqual(['0.00', '-8000.00', '0.00']);
    expect(cents(decisions[1].trades.bonds)).toBe('8000.00');
    expect(outcome.result.rebalances).toBe(1);
    expect(outcome.result.drift.map((d) => d.toFixed(4))).toEqual(['0.0000', '0.0238', '0.0690', '0.0000']);
  });

  it('an absolute band of 2 points is crossed already in year 1 (2.38 points)', () => {
    const { policy, decisions } = recording(thresholdPolicy({ band: null, absBand: dec('0.02') }));
    runBacktest(scenario, policy, options('100000', entries));
    // Year 1: rebalance to 52,500 each. Year 2: stocks 63,000 / 115,500 = 54.55%: crossed again.
    expect(decisions.map((d) => d.rebalance)).toEqual([true, true, false]);
    expect(cents(decisions[0].trades.stocks)).toBe('-2500.00');
  });

  it("an asset's own band overrides the default", () => {
    const wide = mix({ stocks: '0.5', bonds: '0.5' }, { stocks: { band: '0.2' }, bonds: { band: '0.2' } });
    const { policy, decisions } = recording(thresholdPolicy({ band: dec('0.1'), absBand: null }));
    runBacktest(scenario, policy, options('100000', wide));
    // A 20% band allows 10 points; 6.90 stays inside.
    expect(decisions.length).toBe(3);
    expect(decisions.every((d) => !d.rebalance)).toBe(true);
  });

  it('calendar+threshold on monthly periods acts between dates only past the override', () => {
    // Twelve months; stocks +30% in month 2, annual schedule, override 20% of 50% = 10 points.
    // After month 2: 65,000 / 115,000 = 56.52%: 6.5 points, under 10: no trade until month 12.
    const monthly: Scenario = {
      label: 'monthly',
      periodsPerYear: 12,
      periods: Array.from({ length: 12 }, (_, i) => ({
        label: `month ${i + 1}`,
        returns: { stocks: dec(i === 1 ? '0.3' : '0'), bonds: dec(0) },
      })),
    };
    const { policy, decisions } = recording(calendarThresholdPolicy('annual', dec('0.2')));
    runBacktest(monthly, policy, options('100000', entries));
    expect(decisions.map((d, i) => (d.rebalance ? i + 1 : 0)).filter((m) => m > 0)).toEqual([12]);
  });
});
