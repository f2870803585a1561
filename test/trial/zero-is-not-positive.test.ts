import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { DEFAULT_POLICY_CONFIG, POLICY_BUILDERS, POLICY_NAMES } from '../../src/engine/backtest/policies';
import type { Scenario } from '../../src/engine/backtest/types';
import { parseBrokerFile } from '../../src/import/index';
import { mix, options } from '../backtest/helpers';

/**
 * decimal.js's `isPositive()` is true for zero (it reads the sign bit), so `if (x.isPositive())`
 * guarding a division let 0/0 through. Found by a user: a withdrawal that empties the portfolio,
 * an import row with 0 shares.
 */
describe('zero is not positive', () => {
  it('a backtest whose withdrawals empty the portfolio reports numbers, not NaN', () => {
    // 100,000 at 50/50, flat returns, withdraw 60,000 a year: empty after year 2.
    const scenario: Scenario = {
      label: 'flat',
      periodsPerYear: 1,
      periods: Array.from({ length: 3 }, (_, i) => ({ label: `year ${i + 1}`, returns: { stocks: dec(0), bonds: dec(0) } })),
    };
    for (const name of POLICY_NAMES) {
      const outcome = runBacktest(scenario, POLICY_BUILDERS[name](DEFAULT_POLICY_CONFIG), options('100000', mix({ stocks: '0.5', bonds: '0.5' }), undefined, [dec(-60000), dec(-60000), dec(-60000)]));
      if (!outcome.ok) throw new Error(outcome.errors.join('; '));
      const r = outcome.result;
      expect(r.values.map((v) => v.toFixed(2))).toEqual(['100000.00', '40000.00', '0.00', '0.00']);
      // Withdrawals are not returns: every period returned 0%.
      expect(r.periodReturns.map((p) => p.toFixed())).toEqual(['0', '0', '0']);
      for (const d of [r.volatility, r.maxDrawdown, r.maxDrift.total, r.maxDrift.maxAsset, r.annualizedReturn, r.turnover]) expect(d.isNaN()).toBe(false);
      expect(r.maxDrawdown.toFixed()).toBe('0');
    }
  });

  it('an import row with 0 shares is refused, naming file, line and column (the Lots tab would refuse it)', () => {
    const r = parseBrokerFile('mine.csv', 'Symbol,Quantity,Cost Basis,Date Acquired\nVTI,10,3000,01/15/2020\nVTI,0,0,01/15/2020\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['mine.csv, line 3, column "Quantity": found 0; expected a number of shares above 0']);
  });
});
