import { Decimal } from '../money';
import { runBacktest } from './simulate';
import { percentile } from './stats';
import type { BacktestOptions, BacktestResult, Policy, Scenario } from './types';

/** The spread of one statistic across many runs (rolling windows or Monte Carlo paths). */
export interface Distribution {
  p10: Decimal;
  median: Decimal;
  p90: Decimal;
}

export interface PolicySummary {
  policy: string;
  runs: number;
  endingValue: Distribution;
  endingValueAfterTax: Distribution;
  annualizedReturn: Distribution;
  volatility: Distribution;
  maxDrawdown: Distribution;
  maxDrift: Distribution;
  maxAssetDrift: Distribution;
  rebalances: Distribution;
  turnover: Distribution;
  taxesPaid: Distribution;
}

export type ComparisonOutcome = { ok: true; results: BacktestResult[][] } | { ok: false; errors: string[] };

/** Runs every policy over every scenario: `results[p][s]` is policy p on scenario s. */
export function runPolicies(scenarios: readonly Scenario[], policies: readonly Policy[], options: BacktestOptions): ComparisonOutcome {
  const results: BacktestResult[][] = [];
  for (const policy of policies) {
    const row: BacktestResult[] = [];
    for (const scenario of scenarios) {
      const outcome = runBacktest(scenario, policy, options);
      if (!outcome.ok) return { ok: false, errors: outcome.errors.map((e) => `${scenario.label}: ${e}`) };
      row.push(outcome.result);
    }
    results.push(row);
  }
  return { ok: true, results };
}

export function distribution(values: readonly Decimal[]): Distribution {
  return { p10: percentile(values, 0.1), median: percentile(values, 0.5), p90: percentile(values, 0.9) };
}

/** 10th percentile, median and 90th percentile of each statistic over one policy's runs. */
export function summarize(results: readonly BacktestResult[]): PolicySummary {
  const of = (pick: (r: BacktestResult) => Decimal) => distribution(results.map(pick));
  return {
    policy: results[0]?.policy ?? '',
    runs: results.length,
    endingValue: of((r) => r.endingValue),
    endingValueAfterTax: of((r) => r.endingValueAfterTax),
    annualizedReturn: of((r) => r.annualizedReturn),
    volatility: of((r) => r.volatility),
    maxDrawdown: of((r) => r.maxDrawdown),
    maxDrift: of((r) => r.maxDrift.total),
    maxAssetDrift: of((r) => r.maxDrift.maxAsset),
    rebalances: of((r) => new Decimal(r.rebalances)),
    turnover: of((r) => r.turnover),
    taxesPaid: of((r) => r.taxesPaid),
  };
}
