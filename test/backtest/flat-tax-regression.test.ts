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
 * before the change (commit df45e9d). Re-recorded when the optimizer became the planner (merge
 * 46273cf): only the "planner" policy's digests moved (it plans each period with
 * `planRebalance`, now the LP planner); every fixed policy's results, which price trades with
 * the flat rates alone, are unchanged from df45e9d.
 */
function digest(results: BacktestResult[]): string {
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
    expect(digest(runAll(scenario, taxable({ lotMethod: 'MinTax', shortTermRate: dec('0.37'), longTermRate: dec('0.2') })))).toBe('69ad98cbd49c132d');
  });

  it('history 1990-2020, FIFO, tax from outside, a withdrawal every year', () => {
    const scenario = historicalScenario(table, series, 1990, 2020);
    expect(digest(runAll(scenario, taxable({ lotMethod: 'FIFO', payFrom: 'outside' }), '-15000'))).toBe('c83c9dac465fa662');
  });

  it('Monte Carlo monthly paths, HIFO, a deposit every month', () => {
    const model = estimateReturnModel(table, series);
    const generated = monteCarloScenarios({ model, years: 4, paths: 2, seed: 7 });
    if (!generated.ok) throw new Error(generated.errors.join('; '));
    const digests = generated.scenarios.map((s) => digest(runAll(s, taxable({ lotMethod: 'HIFO' }), '1000')));
    expect(digests.join(' ')).toBe('1cb28acaff969352 c203f579425e400a');
  });
});
