import { Decimal, formatDollars, formatPercent, roundCents } from '../../engine/money';
import { runBacktestRequest, type BacktestReport, type BacktestRequest, type ReturnSource } from '../../engine/backtest/backtest-request';
import type { Distribution } from '../../engine/backtest/compare';
import type { HistorySeries } from '../../engine/backtest/history';
import { DEFAULT_POLICY_CONFIG, isPolicyName, POLICY_NAMES, type PolicyName } from '../../engine/backtest/policies';
import { parseAnnualReturns, type ReturnsTable } from '../../engine/backtest/returns-csv';
import { backtestSvg } from '../../engine/backtest/svg-chart';
import { BACKTEST_LOT_METHODS, type BacktestLotMethod, type BacktestResult, type MixEntry } from '../../engine/backtest/types';
import { mixFromWeights, mixFromWorkbook, type BacktestWorkbookInput } from '../../engine/backtest/workbook-mix';

/**
 * `rebalance backtest`: parses flags, reads the returns file, hands a request to the engine and
 * prints what comes back. All the work is in src/engine/backtest.
 */

export interface BacktestIo {
  readFile(path: string): string;
  /** Reads a workbook's Targets into the backtest's input; absent until the reader is wired in. */
  loadHousehold?(path: string): Promise<BacktestWorkbookInput>;
  /** Where `data/us-annual-returns.csv` lives, if not in the working directory. */
  dataPath?: string;
}

export const BACKTEST_USAGE = `Usage: rebalance backtest [<workbook>] [options]
  --policy LIST        policies, comma-separated: ${POLICY_NAMES.join(', ')} (default never,annual,threshold)
  --mix 70/30          stocks/bonds[/cash[/corporate bonds]] in percent, without a workbook (default 60/40)
  --start AMOUNT       starting value (default 500000)
  --years N            periods: constant returns (default 10), the last N years of history (default all),
                       window length with --windows (default 10), path length with --monte-carlo (default 10)
  --constant LIST      constant annual returns per asset in mix order, e.g. 8%,4% (instead of history)
  --windows            every rolling N-year window of 1928-2025; prints 10th percentile, median, 90th
  --monte-carlo        seeded monthly paths from a normal model fitted to history
  --seed N             Monte Carlo seed (default 1)
  --paths N            Monte Carlo paths (default 200)
  --taxable            a taxable account (default: tax-advantaged, no tax)
  --tax-rates LT,ST    long-term and short-term rates, e.g. 15%,37% (default 20%,37%)
  --lot-method M       ${BACKTEST_LOT_METHODS.join(', ')} (default MinTax)
  --tax-outside        pay taxes from outside the portfolio (default: sold out of it)
  --flow AMOUNT        added every period (negative to withdraw)
  --band P             default relative band for threshold (default 10%)
  --abs-band P         default absolute band in points for threshold (default none)
  --override P         relative drift that trips calendar+threshold between dates (default 20%)
  --data PATH          the returns file (default data/us-annual-returns.csv)
  --json               machine output (money as decimal strings, rounded to cents)
  --svg                print an SVG chart (value and drift over time) instead of the table`;

const BOOLEAN_FLAGS = new Set(['json', 'windows', 'monte-carlo', 'taxable', 'tax-outside', 'svg', 'help']);

type Parsed = { positional: string[]; flags: Map<string, string | true> };

function parseArgs(args: readonly string[]): Parsed | string {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (BOOLEAN_FLAGS.has(name)) flags.set(name, true);
    else if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < args.length) flags.set(name, args[(i += 1)]);
    else return `--${name} needs a value.`;
  }
  return { positional, flags };
}

/** "8%" is 0.08; a bare number is a percent when above 1 in size ("8"), else a fraction ("0.08"). */
function parseRate(text: string): Decimal | null {
  const t = text.trim();
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1) : t;
  if (!/^-?\d+(\.\d+)?$/.test(body)) return null;
  const value = new Decimal(body);
  return percent || value.abs().greaterThan(1) ? value.div(100) : value;
}

function parseRates(text: string): Decimal[] | null {
  const rates = text.split(',').map(parseRate);
  return rates.every((r): r is Decimal => r !== null) ? rates : null;
}

function parseMoney(text: string): Decimal | null {
  const t = text.replace(/[$,_]/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? new Decimal(t) : null;
}

function parseCount(text: string | true | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === true || !/^\d+$/.test(text)) return null;
  return Number(text);
}

const usage = (message: string) => ({ stdout: `error: ${message}\n\n${BACKTEST_USAGE}\n`, exitCode: 2 });

export async function backtestCommand(
  args: string[],
  io: BacktestIo,
): Promise<{ stdout: string; exitCode: number }> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return usage(parsed);
  const { positional, flags } = parsed;
  if (flags.has('help')) return { stdout: `${BACKTEST_USAGE}\n`, exitCode: 0 };
  const text = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const known = new Set([...BOOLEAN_FLAGS, 'policy', 'mix', 'start', 'years', 'constant', 'seed', 'paths', 'tax-rates', 'lot-method', 'flow', 'band', 'abs-band', 'override', 'data']);
  for (const name of flags.keys()) if (!known.has(name)) return usage(`unknown option --${name}.`);
  if (positional.length > 1) return usage(`one workbook at most; got ${positional.join(', ')}.`);

  // The mix: from the workbook's Targets, or from --mix.
  let mix: MixEntry[];
  let series: Record<string, HistorySeries>;
  if (positional.length === 1) {
    if (!io.loadHousehold) return { stdout: 'error: reading a workbook is not available here yet; use --mix.\n', exitCode: 1 };
    if (flags.has('mix')) return usage('give a workbook or --mix, not both.');
    ({ mix, series } = mixFromWorkbook(await io.loadHousehold(positional[0])));
  } else {
    const weights = (text('mix') ?? '60/40').split('/').map((w) => parseMoney(w.replace('%', '')));
    if (weights.some((w) => w === null)) return usage(`--mix takes percents like 70/30; got "${text('mix')}".`);
    const fromWeights = mixFromWeights((weights as Decimal[]).map((w) => w.div(100)));
    if (!fromWeights) return usage('--mix takes 1 to 4 numbers: stocks/bonds[/cash[/corporate bonds]].');
    ({ mix, series } = fromWeights);
  }

  const policyNames = (text('policy') ?? 'never,annual,threshold').split(',').map((p) => p.trim());
  const badPolicy = policyNames.find((p) => !isPolicyName(p));
  if (badPolicy !== undefined) return usage(`unknown policy "${badPolicy}".`);

  const start = parseMoney(text('start') ?? '500000');
  if (start === null || !start.isPositive()) return usage('--start takes an amount above zero, e.g. 500000.');
  const years = parseCount(flags.get('years'));
  if (years === null || years === 0) return usage('--years takes a whole number of at least 1.');
  const taxRates = parseRates(text('tax-rates') ?? '20%,37%');
  if (taxRates === null || taxRates.length !== 2) return usage('--tax-rates takes long-term,short-term, e.g. 15%,37%.');
  const lotMethod = text('lot-method') ?? 'MinTax';
  if (!(BACKTEST_LOT_METHODS as readonly string[]).includes(lotMethod)) return usage(`--lot-method is one of ${BACKTEST_LOT_METHODS.join(', ')}.`);
  const flow = text('flow') === undefined ? null : parseMoney(text('flow') as string);
  if (flags.has('flow') && flow === null) return usage('--flow takes an amount, e.g. 12000 or -20000.');
  const band = parseRate(text('band') ?? '10%');
  const absBand = text('abs-band') === undefined ? null : parseRate(text('abs-band') as string);
  const override = parseRate(text('override') ?? '20%');
  if (band === null || override === null || (flags.has('abs-band') && absBand === null)) return usage('bands take percents, e.g. --band 10%.');

  // The returns: constant, or history (one run, windows, or Monte Carlo fitted to it).
  let source: ReturnSource;
  const constant = text('constant');
  if (constant !== undefined) {
    const returns = parseRates(constant);
    if (returns === null) return usage(`--constant takes returns like 8%,4%; got "${constant}".`);
    if (flags.has('windows') || flags.has('monte-carlo')) return usage('--constant runs one scenario: drop --windows and --monte-carlo.');
    source = { kind: 'constant', annualReturns: returns, years: years ?? 10 };
  } else {
    const path = text('data') ?? io.dataPath ?? 'data/us-annual-returns.csv';
    let table: ReturnsTable;
    try {
      const parsedTable = parseAnnualReturns(io.readFile(path));
      if (!parsedTable.ok) return { stdout: `error: ${path}:\n  ${parsedTable.errors.join('\n  ')}\n`, exitCode: 1 };
      table = parsedTable.table;
    } catch (error) {
      return { stdout: `error: cannot read ${path}: ${(error as Error).message}\n`, exitCode: 1 };
    }
    if (flags.has('monte-carlo')) {
      const seed = parseCount(flags.get('seed')) ?? 1;
      const paths = parseCount(flags.get('paths')) ?? 200;
      if (seed === null || paths === null || paths === 0) return usage('--seed and --paths take whole numbers (paths at least 1).');
      source = { kind: 'monte-carlo', table, series, years: years ?? 10, paths, seed };
    } else if (flags.has('windows')) {
      source = { kind: 'windows', table, series, years: years ?? 10 };
    } else {
      source = { kind: 'history', table, series, years: years ?? null };
    }
  }

  const request: BacktestRequest = {
    mix,
    startValue: start,
    policies: policyNames as PolicyName[],
    policyConfig: { ...DEFAULT_POLICY_CONFIG, bands: { band, absBand }, overrideBand: override },
    tax: {
      taxable: flags.has('taxable'),
      longTermRate: taxRates[0],
      shortTermRate: taxRates[1],
      lotMethod: lotMethod as BacktestLotMethod,
      payFrom: flags.has('tax-outside') ? 'outside' : 'portfolio',
    },
    cashFlowPerPeriod: flow,
    source,
  };
  const outcome = runBacktestRequest(request);
  if (!outcome.ok) return { stdout: `error:\n  ${outcome.errors.join('\n  ')}\n`, exitCode: 1 };
  const report = outcome.report;

  if (flags.has('svg')) {
    if (report.kind !== 'single') return usage('--svg charts one run: drop --windows and --monte-carlo.');
    return { stdout: chartOf(report), exitCode: 0 };
  }
  if (flags.has('json')) return { stdout: `${JSON.stringify(jsonOf(request, report), null, 2)}\n`, exitCode: 0 };
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
      rebalances: distributionJson(s.rebalances, (d) => d.toFixed(1)),
      turnover: distributionJson(s.turnover, ratio),
      taxesPaid: distributionJson(s.taxesPaid, cents),
    })),
  };
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
  lines.push(
    `Start ${formatDollars(request.startValue)}; mix ${request.mix.map((e) => `${e.asset} ${formatPercent(e.weight)}`).join(' / ')}`,
  );
  lines.push(
    request.tax.taxable
      ? `Taxable account: long-term ${formatPercent(request.tax.longTermRate)}, short-term ${formatPercent(request.tax.shortTermRate)}, lot method ${request.tax.lotMethod}, tax paid from ${request.tax.payFrom === 'portfolio' ? 'the portfolio' : 'outside'}`
      : 'Tax-advantaged account: no tax',
  );
  if (request.cashFlowPerPeriod !== null) lines.push(`Cash flow every period: ${formatDollars(request.cashFlowPerPeriod)}`);
  lines.push('');
  const pct = (d: Decimal) => formatPercent(d, 2);
  if (report.kind === 'single') {
    const rows = [
      ['Policy', 'Ending value', 'After tax', 'Ann. return', 'Volatility', 'Worst DD', 'Max drift', 'Max asset', 'Rebalances', 'Turnover', 'Taxes paid'],
      ...report.results.map((r) => [
        r.policy,
        formatDollars(r.endingValue),
        formatDollars(r.endingValueAfterTax),
        pct(r.annualizedReturn),
        pct(r.volatility),
        pct(r.maxDrawdown),
        pct(r.maxDrift.total),
        pct(r.maxDrift.maxAsset),
        String(r.rebalances),
        pct(r.turnover),
        formatDollars(r.taxesPaid),
      ]),
    ];
    lines.push(alignTable(rows));
  } else {
    lines.push(`${report.runs} runs; each cell: median (10th percentile to 90th percentile)`);
    const spread = (d: Distribution, f: (x: Decimal) => string) => `${f(d.median)} (${f(d.p10)} to ${f(d.p90)})`;
    const dollars0 = (d: Decimal) => formatDollars(d, 0);
    const rows = [
      ['Policy', 'Ending value', 'After tax', 'Ann. return', 'Volatility', 'Worst DD', 'Max drift', 'Rebalances', 'Turnover', 'Taxes paid'],
      ...report.summaries.map((s) => [
        s.policy,
        spread(s.endingValue, dollars0),
        spread(s.endingValueAfterTax, dollars0),
        spread(s.annualizedReturn, pct),
        spread(s.volatility, pct),
        spread(s.maxDrawdown, pct),
        spread(s.maxDrift, pct),
        s.rebalances.median.toFixed(1),
        spread(s.turnover, pct),
        spread(s.taxesPaid, dollars0),
      ]),
    ];
    lines.push(alignTable(rows));
  }
  lines.push('');
  lines.push('Policies:');
  for (const p of report.policies) lines.push(`  ${p.name}: ${p.description}`);
  if (report.notes.length > 0) {
    lines.push('Notes:');
    for (const note of report.notes) lines.push(`  - ${note}`);
  }
  return `${lines.join('\n')}\n`;
}
