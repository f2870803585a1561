import { Decimal, formatDollars, formatPercent, roundCents } from '../../engine/money';
import { runBacktestRequest, type BacktestReport, type BacktestRequest, type ReturnSource } from '../../engine/backtest/backtest-request';
import type { Distribution } from '../../engine/backtest/compare';
import type { HistorySeries } from '../../engine/backtest/history';
import { DEFAULT_POLICY_CONFIG, POLICY_NAMES, type PolicyName } from '../../engine/backtest/policies';
import { parseAnnualReturns, type ReturnsTable } from '../../engine/backtest/returns-csv';
import { backtestSvg } from '../../engine/backtest/svg-chart';
import { BACKTEST_LOT_METHODS, type BacktestLotMethod, type BacktestResult, type MixEntry } from '../../engine/backtest/types';
import { mixFromWeights, mixFromWorkbook, type BacktestWorkbookInput } from '../../engine/backtest/workbook-mix';
import type { SimulatedHousehold } from '../../engine/tax';
import { UsageError, has, parseArgs, switchFlag, value, valueFlag, wantsHelp, type CommandSpec, type FlagSpec, type ParsedArgs, type PositionalSpec } from '../args';
import { errorLine } from '../error-line';
import { amount, choice, choiceList, count, rate, rateList, text, weights } from '../flag-kinds';
import { helpText } from '../help';
import type { CommandResult } from '../io';
import type { Settings } from '../../engine/types';
import { yourPolicy } from '../../engine/backtest/your-policy';

/**
 * `rebalance backtest`: parses flags, reads the returns file, hands a request to the engine and
 * prints what comes back. All the work is in src/engine/backtest.
 */

/**
 * What a workbook gives the backtest: its Targets, and (from the workbook reader) the household's
 * value, the default start, and the Settings that make its own policy, the "yours" row.
 */
export interface BacktestWorkbook extends BacktestWorkbookInput {
  startValue?: Decimal;
  settings?: Pick<Settings, 'schedule' | 'overrideThreshold'>;
}

export interface BacktestIo {
  readFile(path: string): string;
  /** Reads a workbook's Targets into the backtest's input; absent until the reader is wired in. */
  loadHousehold?(path: string): Promise<BacktestWorkbook>;
  /** Where `data/us-annual-returns.csv` lives, if not in the working directory. */
  dataPath?: string;
}

const POLICY = valueFlag('policy', choiceList(POLICY_NAMES), 'policies to compare, comma-separated (default never,annual,threshold)');
const MIX = valueFlag('mix', weights('70/30', 4), 'stocks/bonds[/cash[/corporate bonds]] in percent, without a workbook (default 60/40)');
const START = valueFlag('start', amount({ above: 0 }), 'starting value (default 500000)');
const YEARS = valueFlag(
  'years',
  count(1),
  'periods: constant returns (default 10), the last N years of history (default all), window length with --windows (default 10), path length with --monte-carlo (default 10)',
);
const CONSTANT = valueFlag('constant', rateList('8%,4%'), 'constant annual returns per asset in mix order (instead of history)');
const WINDOWS = switchFlag('windows', 'every rolling N-year window of 1928-2025; prints 10th percentile, median, 90th');
const MONTE_CARLO = switchFlag('monte-carlo', 'seeded monthly paths from a normal model fitted to history');
const SEED = valueFlag('seed', count(0), 'Monte Carlo seed (default 1)');
const PATHS = valueFlag('paths', count(1), 'Monte Carlo paths (default 200)');
const TAXABLE = switchFlag('taxable', 'a taxable account (default: tax-advantaged, no tax)');
const TAX_RATES = valueFlag('tax-rates', rateList('LT,ST', 2), 'long-term and short-term rates, e.g. 15%,37% (default 20%,37%)');
const LOT_METHOD = valueFlag('lot-method', choice(BACKTEST_LOT_METHODS), 'which lots a sale takes (default MinTax)');
const TAX_OUTSIDE = switchFlag('tax-outside', 'pay taxes from outside the portfolio (default: sold out of it)');
const FLOW = valueFlag('flow', amount(), 'added every period (negative to withdraw)');
const BAND = valueFlag('band', rate(), 'default relative band for threshold (default 10%)');
const ABS_BAND = valueFlag('abs-band', rate(), 'default absolute band in points for threshold (default none)');
const OVERRIDE = valueFlag('override', rate(), 'relative drift that trips calendar+threshold between dates (default 20%)');
const DATA = valueFlag('data', text('PATH', 'a file'), 'the returns file (default data/us-annual-returns.csv)');
const JSON_OUT = switchFlag('json', 'machine output (money as decimal strings, rounded to cents)');
const SVG = switchFlag('svg', 'print an SVG chart (value and drift over time) instead of the table');

const BACKTEST_FLAGS: readonly FlagSpec[] = [
  POLICY, MIX, START, YEARS, CONSTANT, WINDOWS, MONTE_CARLO, SEED, PATHS, TAXABLE, TAX_RATES, LOT_METHOD, TAX_OUTSIDE, FLOW, BAND, ABS_BAND, OVERRIDE, DATA, JSON_OUT, SVG,
];

const WORKBOOK_OPTIONAL: PositionalSpec = {
  metavar: '<workbook>',
  help: "take the mix from this workbook's Targets (an .xlsx file or a folder of CSV tabs) instead of --mix",
  required: false,
  what: 'a workbook',
};

/** The command's table; `io` says where files come from (tests pass their own). */
export function backtestCommandSpec(io: BacktestIo): CommandSpec {
  return {
    name: 'backtest',
    summary: 'rebalancing policies over history, rolling windows, Monte Carlo or constant returns',
    positionals: [WORKBOOK_OPTIONAL],
    flags: BACKTEST_FLAGS,
    run: (args) => runBacktest(args, io),
  };
}

const usage = (message: string) => ({ stdout: '', stderr: `error: ${message}\nRun "rebalance backtest --help" for every option.`, exitCode: 2 });

/** Parses argv against the table, then runs (tests call this with their own io). */
export async function backtestCommand(argv: string[], io: BacktestIo): Promise<CommandResult> {
  const spec = backtestCommandSpec(io);
  if (wantsHelp(argv)) return { stdout: `${helpText(spec)}\n`, exitCode: 0 };
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, spec);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  return runBacktest(args, io);
}

export async function runBacktest(args: ParsedArgs, io: BacktestIo): Promise<CommandResult> {
  const positional = args.positionals;

  // The mix: from the workbook's Targets, or from --mix.
  let mix: MixEntry[];
  let workbookTax: SimulatedHousehold | undefined;
  let series: Record<string, HistorySeries>;
  let workbook: BacktestWorkbook | null = null;
  if (positional.length === 1) {
    if (!io.loadHousehold) return { stdout: '', stderr: 'error: reading a workbook is not available here yet; use --mix.', exitCode: 1 };
    if (has(args, MIX)) return usage('give a workbook or --mix, not both.');
    workbook = await io.loadHousehold(positional[0]);
    ({ mix, series } = mixFromWorkbook(workbook));
    // The workbook's Filing Status prices each simulated year with the tables, unless --tax-rates asks for flat rates.
    if (!has(args, TAX_RATES)) workbookTax = workbook.tax;
  } else {
    const fromWeights = mixFromWeights(value(args, MIX) ?? [new Decimal('0.6'), new Decimal('0.4')]);
    if (!fromWeights) return usage('--mix takes 1 to 4 numbers: stocks/bonds[/cash[/corporate bonds]].');
    ({ mix, series } = fromWeights);
  }

  const policyNames = value(args, POLICY) ?? (['never', 'annual', 'threshold'] as PolicyName[]);
  // With a workbook, as the sidebar does: start from the household's value, and run its own policy.
  const start = value(args, START) ?? (workbook?.startValue?.greaterThan(0) ? workbook.startValue : new Decimal(500000));
  const extraPolicies = workbook?.settings ? [{ policy: yourPolicy(workbook.settings), calendarThreshold: workbook.settings.schedule }] : [];
  const years = value(args, YEARS);
  const taxRates = value(args, TAX_RATES) ?? [new Decimal('0.2'), new Decimal('0.37')];
  const lotMethod = value(args, LOT_METHOD) ?? 'MinTax';
  const flow = value(args, FLOW) ?? null;
  const band = value(args, BAND) ?? new Decimal('0.1');
  const absBand = value(args, ABS_BAND) ?? null;
  const override = value(args, OVERRIDE) ?? new Decimal('0.2');

  // The returns: constant, or history (one run, windows, or Monte Carlo fitted to it).
  let source: ReturnSource;
  const constant = value(args, CONSTANT);
  if (constant !== undefined) {
    if (has(args, WINDOWS) || has(args, MONTE_CARLO)) return usage('--constant runs one scenario: drop --windows and --monte-carlo.');
    if (constant.length !== mix.length) {
      const assets = mix.map((e) => e.asset).join(', ');
      return usage(`--constant: expected one return per asset of the mix, in its order (${assets}); found ${constant.length} for ${mix.length}`);
    }
    source = { kind: 'constant', annualReturns: constant, years: years ?? 10 };
  } else {
    const path = value(args, DATA) ?? io.dataPath ?? 'data/us-annual-returns.csv';
    let table: ReturnsTable;
    try {
      const parsedTable = parseAnnualReturns(io.readFile(path));
      if (!parsedTable.ok) return { stdout: '', stderr: `error: ${path}:\n  ${parsedTable.errors.join('\n  ')}`, exitCode: 1 };
      table = parsedTable.table;
    } catch (error) {
      return { stdout: '', stderr: `error: --data: ${errorLine(error)}`, exitCode: 1 };
    }
    if (has(args, MONTE_CARLO)) {
      source = { kind: 'monte-carlo', table, series, years: years ?? 10, paths: value(args, PATHS) ?? 200, seed: value(args, SEED) ?? 1 };
    } else if (has(args, WINDOWS)) {
      source = { kind: 'windows', table, series, years: years ?? 10 };
    } else {
      source = { kind: 'history', table, series, years: years ?? null };
    }
  }

  const request: BacktestRequest = {
    mix,
    startValue: start,
    policies: policyNames,
    extraPolicies,
    policyConfig: { ...DEFAULT_POLICY_CONFIG, bands: { band, absBand }, overrideBand: override },
    tax: {
      taxable: has(args, TAXABLE),
      longTermRate: taxRates[0],
      shortTermRate: taxRates[1],
      lotMethod: lotMethod as BacktestLotMethod,
      payFrom: has(args, TAX_OUTSIDE) ? 'outside' : 'portfolio',
      household: workbookTax,
    },
    cashFlowPerPeriod: flow,
    source,
  };
  const outcome = runBacktestRequest(request);
  if (!outcome.ok) return { stdout: '', stderr: `error:\n  ${outcome.errors.join('\n  ')}`, exitCode: 1 };
  const report = outcome.report;

  if (has(args, SVG)) {
    if (report.kind !== 'single') return usage('--svg charts one run: drop --windows and --monte-carlo.');
    return { stdout: chartOf(report), exitCode: 0 };
  }
  if (has(args, JSON_OUT)) return { stdout: `${JSON.stringify(jsonOf(request, report), null, 2)}\n`, exitCode: 0 };
  return { stdout: textOf(request, report), exitCode: 0 };
}

// ---- output -------------------------------------------------------------------------------

const cents = (d: Decimal) => roundCents(d).toFixed(2);
const ratio = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6);

function chartOf(report: Extract<BacktestReport, { kind: 'single' }>): string {
  const xLabels = ['start', ...report.scenario.periods.map((p) => p.label)];
  return backtestSvg({
    title: `Backtest: ${report.scenario.label}`,
    xLabels,
    value: report.results.map((r) => ({ name: r.policy, values: r.values })),
    drift: report.results.map((r) => ({ name: r.policy, values: r.drift })),
  });
}

function resultJson(r: BacktestResult) {
  return {
    policy: r.policy,
    endingValue: cents(r.endingValue),
    endingValueAfterTax: cents(r.endingValueAfterTax),
    liquidationTax: cents(r.liquidationTax),
    taxesPaid: cents(r.taxesPaid),
    annualizedReturn: ratio(r.annualizedReturn),
    volatility: ratio(r.volatility),
    maxDrawdown: ratio(r.maxDrawdown),
    maxDrift: ratio(r.maxDrift.total),
    maxAssetDrift: ratio(r.maxDrift.maxAsset),
    rebalances: r.rebalances,
    turnover: ratio(r.turnover),
    values: r.values.map(cents),
  };
}

function distributionJson(d: Distribution, format: (x: Decimal) => string) {
  return { p10: format(d.p10), median: format(d.median), p90: format(d.p90) };
}

function jsonOf(request: BacktestRequest, report: BacktestReport) {
  const header = {
    start: cents(request.startValue),
    mix: request.mix.map((e) => ({ asset: e.asset, target: e.weight.toFixed() })),
    tax: request.tax.taxable
      ? {
          taxable: true,
          ...(request.tax.household ? { filingStatus: request.tax.household.filingStatus, firstTaxYear: request.tax.household.firstYear } : {}),
          longTermRate: request.tax.longTermRate.toFixed(),
          shortTermRate: request.tax.shortTermRate.toFixed(),
          lotMethod: request.tax.lotMethod,
          payFrom: request.tax.payFrom,
        }
      : { taxable: false },
    policies: report.policies,
    notes: report.notes,
  };
  if (report.kind === 'single') {
    return { kind: 'single', scenario: report.scenario.label, ...header, results: report.results.map(resultJson) };
  }
  return {
    kind: 'distribution',
    scenario: report.label,
    runs: report.runs,
    ...header,
    summaries: report.summaries.map((s) => ({
      policy: s.policy,
      endingValue: distributionJson(s.endingValue, cents),
      endingValueAfterTax: distributionJson(s.endingValueAfterTax, cents),
      annualizedReturn: distributionJson(s.annualizedReturn, ratio),
      volatility: distributionJson(s.volatility, ratio),
      maxDrawdown: distributionJson(s.maxDrawdown, ratio),
      maxDrift: distributionJson(s.maxDrift, ratio),
      maxAssetDrift: distributionJson(s.maxAssetDrift, ratio),
      // A count: whole rebalances (a median over an even number of runs can fall on a half).
      rebalances: distributionJson(s.rebalances, (d) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)),
      turnover: distributionJson(s.turnover, ratio),
      taxesPaid: distributionJson(s.taxesPaid, cents),
    })),
  };
}

/** The widest line the text output may print: a 100-column terminal. */
export const TABLE_WIDTH = 100;

/** $1.72M, $245K, $9.50K, $950: dollars in a few characters, for the spread tables. */
function compactMoney(d: Decimal): string {
  const abs = d.abs();
  const sign = d.isNegative() ? '−' : '';
  const sig3 = (x: Decimal) => x.toPrecision(3, Decimal.ROUND_HALF_UP);
  if (abs.gte(1e6)) return `${sign}$${sig3(abs.div(1e6))}M`;
  if (abs.gte(1e3)) return `${sign}$${sig3(abs.div(1e3))}K`;
  return `${sign}$${abs.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)}`;
}

/** Words wrapped to TABLE_WIDTH columns; lines after the first start with `indent`. */
export function wrapText(text: string, first: string, indent: string, width = TABLE_WIDTH): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  out.push(line);
  return out;
}

/** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd())
    .join('\n');
}

function textOf(request: BacktestRequest, report: BacktestReport): string {
  const lines: string[] = [];
  const label = report.kind === 'single' ? report.scenario.label : report.label;
  lines.push(`Backtest: ${label}`);
  lines.push(...wrapText(`${formatDollars(request.startValue)}; mix ${request.mix.map((e) => `${e.asset} ${formatPercent(e.weight)}`).join(' / ')}`, 'Start ', '  '));
  lines.push(
    request.tax.taxable && request.tax.household
      ? `Taxable account: the workbook's Filing Status (${request.tax.household.filingStatus}) and incomes, each simulated year taxed with the federal tables (see the notes), lot method ${request.tax.lotMethod}, tax paid from ${request.tax.payFrom === 'portfolio' ? 'the portfolio' : 'outside'}`
      : request.tax.taxable
      ? `Taxable account: long-term ${formatPercent(request.tax.longTermRate)}, short-term ${formatPercent(request.tax.shortTermRate)}, lot method ${request.tax.lotMethod}, tax paid from ${request.tax.payFrom === 'portfolio' ? 'the portfolio' : 'outside'}`
      : 'Tax-advantaged account: no tax',
  );
  if (request.cashFlowPerPeriod !== null) lines.push(`Cash flow every period: ${formatDollars(request.cashFlowPerPeriod)}`);
  lines.push('');
  // Two tables of a few columns each, so a run fits a 100-column terminal (TABLE_WIDTH).
  const pct = (d: Decimal) => formatPercent(d, 2);
  const whole = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0);
  if (report.kind === 'single') {
    const rs = report.results;
    lines.push(alignTable([['Policy', 'Ending value', 'After tax', 'Taxes paid', 'Ann. return', 'Volatility'], ...rs.map((r) => [r.policy, formatDollars(r.endingValue), formatDollars(r.endingValueAfterTax), formatDollars(r.taxesPaid), pct(r.annualizedReturn), pct(r.volatility)])]));
    lines.push('');
    lines.push(alignTable([['Policy', 'Worst drawdown', 'Max drift', 'Max asset drift', 'Rebalances', 'Turnover'], ...rs.map((r) => [r.policy, pct(r.maxDrawdown), pct(r.maxDrift.total), pct(r.maxDrift.maxAsset), String(r.rebalances), pct(r.turnover)])]));
  } else {
    lines.push(`${report.runs} runs; each cell: median (10th percentile–90th percentile, in the median's unit)`);
    // The range leaves out the unit the median shows ($, %): two characters a cell, so it fits.
    const bare = (text: string) => text.replace(/^(−?)\$/, '$1').replace(/%$/, '');
    const spread = (d: Distribution, f: (x: Decimal) => string) => `${f(d.median)} (${bare(f(d.p10))}–${bare(f(d.p90))})`;
    const pct1 = (d: Decimal) => formatPercent(d, 1);
    const ss = report.summaries;
    lines.push(alignTable([['Policy', 'Ending value', 'After tax', 'Taxes paid', 'Ann. return'], ...ss.map((s) => [s.policy, spread(s.endingValue, compactMoney), spread(s.endingValueAfterTax, compactMoney), spread(s.taxesPaid, compactMoney), spread(s.annualizedReturn, pct1)])]));
    lines.push('');
    lines.push(alignTable([['Policy', 'Volatility', 'Worst drawdown', 'Max drift', 'Rebalances', 'Turnover'], ...ss.map((s) => [s.policy, spread(s.volatility, pct1), spread(s.maxDrawdown, pct1), spread(s.maxDrift, pct1), spread(s.rebalances, whole), spread(s.turnover, (d) => formatPercent(d, 0))])]));
  }
  lines.push('');
  lines.push('Policies:');
  for (const p of report.policies) lines.push(...wrapText(p.description, `  ${p.name}: `, '    '));
  if (report.notes.length > 0) {
    lines.push('Notes:');
    for (const note of report.notes) lines.push(...wrapText(note, '  - ', '    '));
  }
  return `${lines.join('\n')}\n`;
}
