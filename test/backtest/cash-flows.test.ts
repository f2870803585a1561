import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import { dec, maxDec, ZERO } from '../../src/engine/money';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { DEFAULT_POLICY_CONFIG, POLICY_BUILDERS, POLICY_NAMES } from '../../src/engine/backtest/policies';
import type { Scenario } from '../../src/engine/backtest/types';
import { cents, mix, options, taxable } from './helpers';

const flat = (n: number, stocks = '0'): Scenario => ({
  label: 'flat',
  periodsPerYear: 1,
  periods: Array.from({ length: n }, (_, i) => ({ label: `year ${i + 1}`, returns: { stocks: dec(i === 0 ? stocks : '0'), bonds: dec(0) } })),
});

describe('cash flows', () => {
  it('cash-flow steers a contribution to the underweight asset and never sells', () => {
    // 100,000 at 50/50; year 1 stocks +20%: 60,000 / 50,000. Contribution 10,000:
    // target of 120,000 is 60,000 each, so all 10,000 goes to bonds and the mix is back on target.
    const outcome = runBacktest(flat(1, '0.2'), POLICY_BUILDERS['cash-flow'](DEFAULT_POLICY_CONFIG), options('100000', mix({ stocks: '0.5', bonds: '0.5' }), undefined, [dec(10000)]));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    expect(cents(outcome.result.values[1])).toBe('120000.00');
    // Turnover: 10,000 bought / average(100,000, 120,000) = 0.0909...
    expect(outcome.result.turnover.toFixed(4)).toBe('0.0909');
    expect(outcome.result.rebalances).toBe(0);
  });

  it('a withdrawal comes out of the overweight asset; the period return ignores the flow', () => {
    // 60,000 / 50,000 after year 1; withdraw 10,000: target of 100,000 is 50,000 each: sell 10,000 stocks.
    const outcome = runBacktest(flat(1, '0.2'), POLICY_BUILDERS['cash-flow'](DEFAULT_POLICY_CONFIG), options('100000', mix({ stocks: '0.5', bonds: '0.5' }), undefined, [dec(-10000)]));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    expect(cents(outcome.result.values[1])).toBe('100000.00');
    // (100,000 - (-10,000)) / 100,000 - 1 = 10%
    expect(outcome.result.periodReturns[0].toFixed()).toBe('0.1');
  });

  it('conserves money: with zero returns every policy ends at start + flows, taxable or not (property)', () => {
    assertProperty(
      fc.property(
        fc.constantFrom(...POLICY_NAMES),
        fc.array(fc.integer({ min: -30000, max: 30000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 99 }),
        fc.boolean(),
        (name, flows, w, isTaxable) => {
          const flowsDec = flows.map((f) => dec(f));
          const o = options('100000', mix({ stocks: dec(w).div(100).toFixed(), bonds: dec(100 - w).div(100).toFixed() }), isTaxable ? taxable() : undefined, flowsDec);
          const outcome = runBacktest(flat(flows.length), POLICY_BUILDERS[name](DEFAULT_POLICY_CONFIG), o);
          if (!outcome.ok) return false;
          // Expected: running balance, a withdrawal never taking more than is there.
          let expected = dec(100000);
          for (const f of flowsDec) expected = maxDec(expected.plus(f), ZERO);
          return cents(outcome.result.endingValue) === cents(expected) && outcome.result.taxesPaid.isZero();
        },
      ),
      { numRuns: 80 },
    );
  });

  it('rejects a mix that does not sum to 100%', () => {
    const outcome = runBacktest(flat(1), POLICY_BUILDERS.never(DEFAULT_POLICY_CONFIG), options('100000', mix({ stocks: '0.6', bonds: '0.3' })));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors).toEqual(['Targets sum to 90%, not 100%.']);
  });
});
