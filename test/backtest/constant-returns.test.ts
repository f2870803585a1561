import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import { dec } from '../../src/engine/money';
import { constantReturnsScenario } from '../../src/engine/backtest/constant-returns';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { DEFAULT_POLICY_CONFIG, POLICY_BUILDERS } from '../../src/engine/backtest/policies';
import { backtestCommand } from '../../src/cli/commands/backtest';
import { cents, mix, options } from './helpers';

const scenario = constantReturnsScenario({ stocks: dec('0.08'), bonds: dec('0.04') }, 10);
const seventyThirty = options('500000', mix({ stocks: '0.7', bonds: '0.3' }));

function run(name: 'never' | 'annual' | 'monthly' | 'quarterly' | 'threshold' | 'cash-flow') {
  const outcome = runBacktest(scenario, POLICY_BUILDERS[name](DEFAULT_POLICY_CONFIG), seventyThirty);
  if (!outcome.ok) throw new Error(outcome.errors.join('; '));
  return outcome.result;
}

describe('constant returns: $500,000 at 70/30, stocks 8% and bonds 4% a year, 10 years', () => {
  it('never rebalancing ends at $977,660.39', () => {
    // 350,000 x 1.08^10 = 350,000 x 2.158924997... = 755,623.749...
    // 150,000 x 1.04^10 = 150,000 x 1.480244285... = 222,036.642...
    // sum = 977,660.391... -> $977,660.39
    const r = run('never');
    expect(cents(r.endingValue)).toBe('977660.39');
    expect(cents(r.endingValueAfterTax)).toBe('977660.39');
    expect(r.rebalances).toBe(0);
    expect(r.turnover.isZero()).toBe(true);
    // Drift grows every year; after 10 years stocks are 755,623.75 / 977,660.39 = 77.29%: 7.29 points over.
    expect(r.maxDrift.maxAsset.toFixed(4)).toBe('0.0729');
  });

  it('annual rebalancing ends at $965,344.96, lower than never', () => {
    // Each year the whole portfolio grows by 0.7 x 1.08 + 0.3 x 1.04 = 1.068;
    // 500,000 x 1.068^10 = 500,000 x 1.930689910... = 965,344.955... -> $965,344.96
    const r = run('annual');
    expect(cents(r.endingValue)).toBe('965344.96');
    expect(r.rebalances).toBe(10);
    expect(r.annualizedReturn.toFixed(10)).toBe('0.0680000000');
    expect(r.volatility.isZero()).toBe(true);
    expect(r.endingValue.lessThan(run('never').endingValue)).toBe(true);
  });

  it('monthly and quarterly on annual data rebalance every period, the same as annual', () => {
    expect(cents(run('monthly').endingValue)).toBe('965344.96');
    expect(cents(run('quarterly').endingValue)).toBe('965344.96');
  });

  it('cash-flow without any cash flow never trades, so it is buy and hold', () => {
    expect(cents(run('cash-flow').endingValue)).toBe('977660.39');
  });

  it('never ends at least as high as annual for any constant returns and mix (property)', () => {
    assertProperty(
      fc.property(
        fc.integer({ min: -20, max: 30 }),
        fc.integer({ min: -20, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 15 }),
        (a, b, w, years) => {
          const s = constantReturnsScenario({ x: dec(a).div(100), y: dec(b).div(100) }, years);
          const o = options('100000', mix({ x: dec(w).div(100).toFixed(), y: dec(100 - w).div(100).toFixed() }));
          const never = runBacktest(s, POLICY_BUILDERS.never(DEFAULT_POLICY_CONFIG), o);
          const annual = runBacktest(s, POLICY_BUILDERS.annual(DEFAULT_POLICY_CONFIG), o);
          if (!never.ok || !annual.ok) return false;
          return never.result.endingValue.greaterThanOrEqualTo(annual.result.endingValue.minus('1e-20'));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the CLI example', () => {
  it('prints both ending values as decimal strings rounded to cents', async () => {
    const out = await backtestCommand(
      ['--mix', '70/30', '--constant', '8%,4%', '--years', '10', '--start', '500000', '--policy', 'never,annual', '--json'],
      { readFile: () => { throw new Error('constant returns read no file'); } },
    );
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout) as { results: { policy: string; endingValue: string }[] };
    expect(json.results.map((r) => [r.policy, r.endingValue])).toEqual([
      ['never', '977660.39'],
      ['annual', '965344.96'],
    ]);
  });

  it('prints an aligned table in text mode, and rejects an unknown policy', async () => {
    const io = { readFile: () => '' };
    const out = await backtestCommand(['--mix', '70/30', '--constant', '8%,4%', '--policy', 'never,annual'], io);
    expect(out.stdout).toContain('$977,660.39');
    expect(out.stdout).toContain('$965,344.96');
    // Two tables (value and tax; risk and trading), each aligned, so a run fits 100 columns.
    const tables = out.stdout.split('\n\n').filter((block) => block.startsWith('Policy'));
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      const lines = table.split('\n');
      expect(lines.map((l) => l.split(' ')[0])).toEqual(['Policy', 'never', 'annual']);
      expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    }
    const bad = await backtestCommand(['--policy', 'sometimes'], io);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('found "sometimes"');
  });
});
