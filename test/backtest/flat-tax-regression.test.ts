import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { dec } from '../../src/engine/money';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { DEFAULT_POLICY_CONFIG, POLICY_BUILDERS, POLICY_NAMES } from '../../src/engine/backtest/policies';
import { constantReturnsScenario } from '../../src/engine/backtest/constant-returns';
import { historicalScenario } from '../../src/engine/backtest/history';
import { estimateReturnModel, monteCarloScenarios } from '../../src/engine/backtest/monte-carlo';
import { parseAnnualReturns } from '../../src/engine/backtest/returns-csv';
import type { BacktestResult, Scenario } from '../../src/engine/backtest/types';
import { mix, options, taxable } from './helpers';

/**
 * Without Filing Status the backtest taxes with the flat rates exactly as before the tables were
 * brought in: every number of these runs (every policy, annual and monthly data, tax paid from
 * the portfolio or from outside, with cash flows) is pinned by a digest recorded on the code
 * before the change (commit df45e9d). The planner policy is left out of those digests: it plans
 * with the planner itself, which became the optimizing planner of issue 16 after them (the rules'
 * own policies are byte for byte as on df45e9d); `plannerDigest` pins it as of that change.
 */
function digest(results: BacktestResult[]): string {
  return digestOf(results.filter((r) => r.policy !== 'planner'));
}

function plannerDigest(results: BacktestResult[]): string {
  return digestOf(results.filter((r) => r.policy === 'planner'));
}

function digestOf(results: BacktestResult[]): string {
  const text = results
    .map((r) => [r.policy, r.endingValue, r.endingValueAfterTax, r.liquidationTax, r.taxesPaid, r.rebalances, r.turnover, ...r.values].map(String).join(','))
    .join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const table = (() => {
  const parsed = parseAnnualReturns(readFileSync('data/us-annual-returns.csv', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.table;
})();
const series = { stocks: 'sp500', bonds: 'tbond' } as const;
const weights = mix({ stocks: '0.7', bonds: '0.3' });

function runAll(scenario: Scenario, tax: ReturnType<typeof taxable>, flows?: string): BacktestResult[] {
  return POLICY_NAMES.map((name) => {
    const cashFlows = flows === undefined ? undefined : scenario.periods.map(() => dec(flows));
    const outcome = runBacktest(scenario, POLICY_BUILDERS[name](DEFAULT_POLICY_CONFIG), options('500000', weights, tax, cashFlows));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    return outcome.result;
  });
}

describe('backtest without Filing Status: flat-rate results unchanged', () => {
  it('constant returns, 12 years, MinTax, tax from the portfolio', () => {
    const scenario = constantReturnsScenario({ stocks: dec('0.09'), bonds: dec('0.03') }, 12);
    const results = runAll(scenario, taxable({ lotMethod: 'MinTax', shortTermRate: dec('0.37'), longTermRate: dec('0.2') }));
    expect(digest(results)).toBe('e92c6e79cc3cef0b');
    expect(plannerDigest(results)).toBe('60a4ae9fa95a7e40');
  });

  it('history 1990-2020, FIFO, tax from outside, a withdrawal every year', () => {
    const scenario = historicalScenario(table, series, 1990, 2020);
    const results = runAll(scenario, taxable({ lotMethod: 'FIFO', payFrom: 'outside' }), '-15000');
    expect(digest(results)).toBe('7761ecae756edbdb');
    expect(plannerDigest(results)).toBe('444f815ea074b2a2');
  });

  it('Monte Carlo monthly paths, HIFO, a deposit every month', () => {
    const model = estimateReturnModel(table, series);
    const generated = monteCarloScenarios({ model, years: 4, paths: 2, seed: 7 });
    if (!generated.ok) throw new Error(generated.errors.join('; '));
    const results = generated.scenarios.map((s) => runAll(s, taxable({ lotMethod: 'HIFO' }), '1000'));
    expect(results.map(digest).join(' ')).toBe('96621726362238ff e031b63c662066eb');
    expect(results.map(plannerDigest).join(' ')).toBe('882b70d37976636f b480131dc0cb2feb');
  });
});
