/**
 * Benchmark: every rolling 10-year window of 1928-2025 (89 windows) for five policies, in a
 * taxable account so lots and taxes are exercised. Run: npx tsx bench/backtest-bench.ts
 * Goal: under 2 seconds in Node. Prints the elapsed time and one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dec, roundCents } from '../src/engine/money';
import { runPolicies, summarize } from '../src/engine/backtest/compare';
import { historicalScenario, rollingWindows } from '../src/engine/backtest/history';
import { DEFAULT_POLICY_CONFIG, POLICY_BUILDERS, type PolicyName } from '../src/engine/backtest/policies';
import { parseAnnualReturns } from '../src/engine/backtest/returns-csv';

const parsed = parseAnnualReturns(readFileSync(new URL('../data/us-annual-returns.csv', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const table = parsed.table;

const started = performance.now();
const windows = rollingWindows(table.rows[0].year, table.rows[table.rows.length - 1].year, 10);
const series = { stocks: 'sp500', bonds: 'tbond' } as const;
const scenarios = windows.map((w) => historicalScenario(table, series, w.from, w.to));
const names: PolicyName[] = ['never', 'annual', 'threshold', 'calendar+threshold', 'cash-flow'];
const outcome = runPolicies(
  scenarios,
  names.map((n) => POLICY_BUILDERS[n](DEFAULT_POLICY_CONFIG)),
  {
    startValue: dec(500000),
    mix: [
      { asset: 'stocks', weight: dec('0.7'), band: null, absBand: null },
      { asset: 'bonds', weight: dec('0.3'), band: null, absBand: null },
    ],
    tax: { taxable: true, shortTermRate: dec('0.37'), longTermRate: dec('0.15'), lotMethod: 'MinTax', payFrom: 'portfolio' },
  },
);
if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
const medians = Object.fromEntries(
  outcome.results.map((row) => [row[0].policy, roundCents(summarize(row).endingValueAfterTax.median).toFixed(2)]),
);
const elapsedMs = Math.round(performance.now() - started);

console.log(`backtest bench: ${windows.length} windows x ${names.length} policies in ${elapsedMs} ms (goal < 2000 ms)`);
console.log(JSON.stringify({ bench: 'backtest-rolling-10y', windows: windows.length, policies: names.length, elapsedMs, medianAfterTax: medians }));

// The planner policy runs the whole planner every period, so it is measured on its own and kept
// out of the five-policy goal above.
const plannerStarted = performance.now();
const plannerOutcome = runPolicies(scenarios, [POLICY_BUILDERS.planner(DEFAULT_POLICY_CONFIG)], {
  startValue: dec(500000),
  mix: [
    { asset: 'stocks', weight: dec('0.7'), band: null, absBand: null },
    { asset: 'bonds', weight: dec('0.3'), band: null, absBand: null },
  ],
  tax: { taxable: true, shortTermRate: dec('0.37'), longTermRate: dec('0.15'), lotMethod: 'MinTax', payFrom: 'portfolio' },
});
if (!plannerOutcome.ok) throw new Error(plannerOutcome.errors.join('\n'));
const plannerMs = Math.round(performance.now() - plannerStarted);
const plannerMedian = roundCents(summarize(plannerOutcome.results[0]).endingValueAfterTax.median).toFixed(2);
console.log(`backtest bench: planner policy alone, ${windows.length} windows in ${plannerMs} ms`);
console.log(JSON.stringify({ bench: 'backtest-rolling-10y-planner', windows: windows.length, elapsedMs: plannerMs, medianAfterTax: plannerMedian }));
