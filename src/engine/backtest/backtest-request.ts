import { Decimal } from '../money';
import { simulatedTablesNote } from '../tax';
import { runPolicies, summarize, type PolicySummary } from './compare';
import { constantReturnsScenario } from './constant-returns';
import { HISTORY_SERIES, historicalScenario, rollingWindows, type HistorySeries } from './history';
import { estimateReturnModel, monteCarloScenarios } from './monte-carlo';
import { POLICY_BUILDERS, overrideCaveat, policySchedule, scheduleCaveat, type PolicyConfig, type PolicyName } from './policies';
import type { ReturnsTable } from './returns-csv';
import type { BacktestResult, MixEntry, Policy, Scenario, TaxSetup } from './types';
import type { Schedule } from '../types';

/**
 * One backtest as a surface asks for it (the CLI, later the sidebar): which mix, which
 * policies, which returns. Turns it into scenarios, runs them, and says in words what the
 * reader must know to read the numbers (data frequency, proxies, assumptions).
 */

export type ReturnSource =
  /** Each asset (in mix order) earns its constant annual return for `years` annual periods. */
  | { kind: 'constant'; annualReturns: Decimal[]; years: number }
  /** One run over the last `years` of history (all of it when null). */
  | { kind: 'history'; table: ReturnsTable; series: Record<string, HistorySeries>; years: number | null }
  /** Every run of `years` consecutive years of history. */
  | { kind: 'windows'; table: ReturnsTable; series: Record<string, HistorySeries>; years: number }
  /** Seeded monthly paths from a normal model fitted to the whole history. */
  | { kind: 'monte-carlo'; table: ReturnsTable; series: Record<string, HistorySeries>; years: number; paths: number; seed: number };

export interface BacktestRequest {
  mix: MixEntry[];
  startValue: Decimal;
  policies: PolicyName[];
  /**
   * Policies built elsewhere (the household's own, "yours"), run first, before `policies`; a
   * calendar+threshold one names its schedule so the notes can say when its override never acts.
   */
  extraPolicies?: { policy: Policy; calendarThreshold: Schedule | null }[];
  policyConfig: PolicyConfig;
  tax: TaxSetup;
  /** Added (positive) or withdrawn (negative) at the end of every period; null for none. */
  cashFlowPerPeriod: Decimal | null;
  source: ReturnSource;
}

export interface PolicyInfo {
  name: string;
  description: string;
}

export type BacktestReport =
  | { kind: 'single'; scenario: Scenario; policies: PolicyInfo[]; results: BacktestResult[]; notes: string[] }
  | { kind: 'distribution'; label: string; runs: number; policies: PolicyInfo[]; summaries: PolicySummary[]; notes: string[] };

export type BacktestReportOutcome = { ok: true; report: BacktestReport } | { ok: false; errors: string[] };

export const SERIES_NAMES: Record<HistorySeries, string> = {
  sp500: 'S&P 500 total return',
  tbond: '10-year Treasury bond total return',
  baa: "Moody's Baa corporate bond total return",
  tbill: '3-month Treasury bill',
};

const ANNUAL_DATA_NOTE =
  'Annual data cannot show intra-year drift: the simulation sees each asset only at year ends, so a band crossed and uncrossed within a year, or a crash and recovery inside twelve months, is invisible to every policy.';
const CONSTANT_NOTE =
  'With constant returns, rebalancing can only lower the ending value: it moves money from the asset that earns more to the one that earns less. Rebalancing earns its keep by holding the risk you chose, and with volatile assets its effect on return depends on the path.';
const HOLDING_NOTE =
  'Holding period: trades are assumed at the end of a period and a sale a day past the anniversary, so a lot held 12 months or more of periods is long-term (on annual data, bought at the end of one year and sold at the end of the next counts as held more than one year).';
const TERM_NOTE = `${HOLDING_NOTE} Net losses carry forward; the $3,000 deduction against ordinary income is not modelled.`;

function yearsOf(table: ReturnsTable): { first: number; last: number } {
  return { first: table.rows[0].year, last: table.rows[table.rows.length - 1].year };
}

function scenariosFor(request: BacktestRequest): { ok: true; scenarios: Scenario[]; label: string; notes: string[] } | { ok: false; errors: string[] } {
  const source = request.source;
  if (source.kind === 'constant') {
    if (source.annualReturns.length !== request.mix.length) {
      return { ok: false, errors: [`${source.annualReturns.length} constant returns for ${request.mix.length} assets: give one per asset, in mix order.`] };
    }
    const returns: Record<string, Decimal> = {};
    request.mix.forEach((entry, i) => (returns[entry.asset] = source.annualReturns[i]));
    const scenario = constantReturnsScenario(returns, source.years);
    return { ok: true, scenarios: [scenario], label: scenario.label, notes: [CONSTANT_NOTE] };
  }
  const { first, last } = yearsOf(source.table);
  const mapping = request.mix.map((e) => `${e.asset} -> ${SERIES_NAMES[source.series[e.asset]]} (${HISTORY_SERIES[source.series[e.asset]]})`);
  const mappingNote = `Asset mapping: ${mapping.join('; ')}.`;
  if (source.kind === 'history') {
    const years = source.years ?? last - first + 1;
    if (years < 1 || years > last - first + 1) return { ok: false, errors: [`Years must be between 1 and ${last - first + 1} for ${first}-${last}.`] };
    const scenario = historicalScenario(source.table, source.series, last - years + 1, last);
    return { ok: true, scenarios: [scenario], label: scenario.label, notes: [mappingNote] };
  }
  if (source.kind === 'windows') {
    const windows = rollingWindows(first, last, source.years);
    if (windows.length === 0) return { ok: false, errors: [`No ${source.years}-year window fits in ${first}-${last}.`] };
    const scenarios = windows.map((w) => historicalScenario(source.table, source.series, w.from, w.to));
    return {
      ok: true,
      scenarios,
      label: `every ${source.years}-year window of ${first}-${last} (${windows.length} windows, overlapping, so far from independent)`,
      notes: [mappingNote],
    };
  }
  const model = estimateReturnModel(source.table, source.series);
  const generated = monteCarloScenarios({ model, years: source.years, paths: source.paths, seed: source.seed });
  if (!generated.ok) return generated;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const params = model.assets.map((a, i) => `${a} mean ${pct(model.annualMeans[i])}, volatility ${pct(model.annualVolatilities[i])}`);
  return {
    ok: true,
    scenarios: generated.scenarios,
    label: `${source.paths} Monte Carlo paths of ${source.years} years, monthly, seed ${source.seed}`,
    notes: [
      mappingNote,
      `Monte Carlo model fitted to ${first}-${last}: ${params.join('; ')}; correlations from the same years; independent normal months.`,
    ],
  };
}

export function runBacktestRequest(request: BacktestRequest): BacktestReportOutcome {
  const built = scenariosFor(request);
  if (!built.ok) return built;
  const extra = request.extraPolicies ?? [];
  const policies = [...extra.map((e) => e.policy), ...request.policies.map((name) => POLICY_BUILDERS[name](request.policyConfig))];
  const cashFlows =
    request.cashFlowPerPeriod === null ? undefined : built.scenarios[0].periods.map(() => request.cashFlowPerPeriod as Decimal);
  const compared = runPolicies(built.scenarios, policies, {
    startValue: request.startValue,
    mix: request.mix,
    tax: request.tax,
    cashFlows,
  });
  if (!compared.ok) return compared;

  const periodsPerYear = built.scenarios[0].periodsPerYear;
  const notes = [...built.notes];
  if (periodsPerYear === 1 && request.source.kind !== 'constant') notes.push(ANNUAL_DATA_NOTE);
  for (const e of extra) {
    const override = e.calendarThreshold === null ? null : overrideCaveat(e.calendarThreshold, periodsPerYear);
    if (override) notes.push(`${e.policy.name}: ${override}`);
  }
  for (const name of request.policies) {
    const schedule = policySchedule(name, request.policyConfig);
    const caveat = schedule === null ? null : scheduleCaveat(schedule, periodsPerYear);
    if (caveat) notes.push(`${name}: ${caveat}`);
    const override = name === 'calendar+threshold' && schedule !== null ? overrideCaveat(schedule, periodsPerYear) : null;
    if (override) notes.push(`${name}: ${override}`);
  }
  if (request.tax.taxable && request.tax.household) {
    const years = Math.ceil(built.scenarios[0].periods.length / periodsPerYear);
    notes.push(`${HOLDING_NOTE} ${simulatedTablesNote(request.tax.household, years)}`);
  } else if (request.tax.taxable) notes.push(TERM_NOTE);
  const info = policies.map((p) => ({ name: p.name, description: p.description }));

  if (built.scenarios.length === 1 && request.source.kind !== 'windows' && request.source.kind !== 'monte-carlo') {
    return {
      ok: true,
      report: { kind: 'single', scenario: built.scenarios[0], policies: info, results: compared.results.map((row) => row[0]), notes },
    };
  }
  return {
    ok: true,
    report: {
      kind: 'distribution',
      label: built.label,
      runs: built.scenarios.length,
      policies: info,
      summaries: compared.results.map((row) => summarize(row)),
      notes,
    },
  };
}
