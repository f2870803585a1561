/**
 * The sidebar's Backtest section, without Google: the household's own policy (its Targets and
 * bands, reviewed on its Settings Schedule) against never, annual, threshold and the planner,
 * over every rolling window of the annual history. Returns plain JSON (money and ratios as
 * decimal strings) and the SVG chart as a string, ready for google.script.run.
 */
import { Decimal, ZERO, roundCents, toPlain } from '../engine/money';
import { targetsOn } from '../engine/targets';
import { valueHoldings } from '../engine/valuation';
import type { Household } from '../engine/types';
import { simulatedHouseholdFrom, simulatedTablesNote } from '../engine/tax';
import { runPolicies, summarize, type Distribution } from '../engine/backtest/compare';
import { historicalScenario, rollingWindows } from '../engine/backtest/history';
import { SERIES_NAMES } from '../engine/backtest/backtest-request';
import { neverPolicy, calendarPolicy, thresholdPolicy, overrideCaveat } from '../engine/backtest/policies';
import { plannerPolicy, DEFAULT_PLANNER_OPTIONS } from '../engine/backtest/planner-policy';
import { parseAnnualReturns } from '../engine/backtest/returns-csv';
import { backtestSvg } from '../engine/backtest/svg-chart';
import { BACKTEST_LOT_METHODS, type BacktestLotMethod, type MixEntry, type Policy, type TaxSetup } from '../engine/backtest/types';
import { mixFromWorkbook } from '../engine/backtest/workbook-mix';
import { YOUR_POLICY, yourPolicy } from '../engine/backtest/your-policy';

/** The Backtest form, as text (what the sidebar's inputs hold). */
export interface BacktestSidebarInput {
  /** Window length in years ('10' by default). */
  years: string;
  /** 'taxable' or 'tax-advantaged'. */
  account: string;
  /** Starting value in dollars; '' for the household's current value. */
  start?: string;
}

export interface SpreadJson {
  p10: string;
  median: string;
  p90: string;
}

export interface BacktestRowJson {
  policy: string;
  description: string;
  endingValue: SpreadJson;
  endingValueAfterTax: SpreadJson;
  annualizedReturn: SpreadJson;
  volatility: SpreadJson;
  maxDrawdown: SpreadJson;
  maxDrift: SpreadJson;
  rebalances: SpreadJson;
  turnover: SpreadJson;
  taxesPaid: SpreadJson;
}

export type BacktestSidebarResult =
  | {
      ok: true;
      /** "every 10-year window of 1928-2025 (89 windows)" */
      label: string;
      runs: number;
      years: number;
      start: string;
      taxable: boolean;
      rows: BacktestRowJson[];
      notes: string[];
      chartTitle: string;
      /** A self-contained SVG document (value and drift over the latest window), 280 px wide for the sidebar. */
      svg: string;
      /** The same chart 760 px wide, for the "open larger" dialog. */
      svgLarge: string;
    }
  | { ok: false; errors: string[] };

export { YOUR_POLICY };
const MAX_START = new Decimal('1e12');

const cents = (d: Decimal) => roundCents(d).toFixed(2);
const ratio = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6);
const spread = (d: Distribution, format: (x: Decimal) => string): SpreadJson => ({ p10: format(d.p10), median: format(d.median), p90: format(d.p90) });

function parseInput(input: BacktestSidebarInput, household: Household, maxYears: number): { years: number; taxable: boolean; start: Decimal } | { errors: string[] } {
  const errors: string[] = [];
  const yearsText = String(input.years ?? '').trim() || '10';
  const years = /^\d+$/.test(yearsText) ? Number(yearsText) : NaN;
  if (!(years >= 1 && years <= maxYears)) errors.push(`Window years must be a whole number from 1 to ${maxYears}; got "${yearsText}".`);
  if (input.account !== 'taxable' && input.account !== 'tax-advantaged') errors.push(`Account must be taxable or tax-advantaged; got "${String(input.account)}".`);
  const startText = String(input.start ?? '').replace(/[$,\s]/g, '');
  let start: Decimal;
  if (startText === '') {
    const total = roundCents(valueHoldings(household).total);
    start = total.greaterThan(0) ? total : new Decimal(100000);
  } else if (/^\d+(\.\d+)?$/.test(startText) && new Decimal(startText).greaterThan(0) && new Decimal(startText).lessThanOrEqualTo(MAX_START)) {
    start = new Decimal(startText);
  } else {
    errors.push(`Start must be an amount above zero, e.g. 500000; got "${String(input.start)}".`);
    start = ZERO;
  }
  return errors.length > 0 ? { errors } : { years, taxable: input.account === 'taxable', start };
}

/** The Targets in force on the as-of date (classes with a zero target left out), with their bands. */
function householdMix(household: Household): MixEntry[] {
  const inForce = new Map(targetsOn(household.targets, household.settings.asOf).map((t) => [t.assetClass, t.target]));
  return mixFromWorkbook({
    classes: household.targets
      .filter((t) => (inForce.get(t.assetClass) ?? ZERO).greaterThan(0))
      .map((t) => ({ name: t.assetClass, target: inForce.get(t.assetClass)!, band: t.band, absBand: t.absBand })),
  }).mix;
}

export function backtestForHousehold(household: Household, input: BacktestSidebarInput, returnsCsv: string): BacktestSidebarResult {
  const parsed = parseAnnualReturns(returnsCsv);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const table = parsed.table;
  const first = table.rows[0].year;
  const last = table.rows[table.rows.length - 1].year;
  const read = parseInput(input, household, last - first + 1);
  if ('errors' in read) return { ok: false, errors: read.errors };

  const s = household.settings;
  const mix = householdMix(household);
  if (mix.length === 0) return { ok: false, errors: ['The Targets tab has no class with a target above zero.'] };
  const { series } = mixFromWorkbook({ classes: mix.map((m) => ({ name: m.asset, target: m.weight, band: m.band, absBand: m.absBand })) });
  const lotMethod: BacktestLotMethod = (BACKTEST_LOT_METHODS as readonly string[]).includes(s.lotMethod) ? (s.lotMethod as BacktestLotMethod) : 'MinTax';
  const tax: TaxSetup = {
    taxable: read.taxable,
    // State tax applies to both terms (Settings State Rate), as the planner counts it.
    shortTermRate: s.shortTermRate.plus(s.stateRate),
    longTermRate: s.longTermRate.plus(s.stateRate),
    lotMethod,
    payFrom: 'portfolio',
    // Filing Status set: each simulated year is priced with the tables (the rates above only order lots).
    household: simulatedHouseholdFrom(s),
  };
  const bands = { band: s.band, absBand: s.absBand };
  const yours = yourPolicy(s);
  const alternatives: Policy[] = [
    neverPolicy(),
    calendarPolicy('annual'),
    thresholdPolicy(bands),
    plannerPolicy({ ...DEFAULT_PLANNER_OPTIONS, bands, longTermWaitDays: s.longTermWaitDays, minTrade: s.minTrade }),
  ];
  // On annual data a schedule of a year or less reviews every period and its override never
  // acts: your policy is then annual rebalancing, so its runs are annual's (a fifth of the time saved).
  const override = overrideCaveat(s.schedule, 1);
  const sameAsAnnual = override !== null;
  const policies = sameAsAnnual ? alternatives : [yours, ...alternatives];

  const windows = rollingWindows(first, last, read.years);
  const scenarios = windows.map((w) => historicalScenario(table, series, w.from, w.to));
  const ran = runPolicies(scenarios, policies, { startValue: read.start, mix, tax });
  if (!ran.ok) return { ok: false, errors: ran.errors };
  const compared = sameAsAnnual
    ? { results: [ran.results[1].map((r) => ({ ...r, policy: YOUR_POLICY })), ...ran.results] }
    : ran;
  const allPolicies = [yours, ...alternatives];

  const rows: BacktestRowJson[] = compared.results.map((runs, i) => {
    const sum = summarize(runs);
    return {
      policy: allPolicies[i].name,
      description: allPolicies[i].description,
      endingValue: spread(sum.endingValue, cents),
      endingValueAfterTax: spread(sum.endingValueAfterTax, cents),
      annualizedReturn: spread(sum.annualizedReturn, ratio),
      volatility: spread(sum.volatility, ratio),
      maxDrawdown: spread(sum.maxDrawdown, ratio),
      maxDrift: spread(sum.maxDrift, ratio),
      // A count: whole rebalances (a median of an even number of windows can fall on a half).
      rebalances: spread(sum.rebalances, (d) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)),
      turnover: spread(sum.turnover, ratio),
      taxesPaid: spread(sum.taxesPaid, cents),
    };
  });

  const latest = scenarios[scenarios.length - 1];
  const chartTitle = `Latest window, ${latest.label}: value and drift`;
  const chartInput = {
    title: chartTitle,
    xLabels: ['start', ...latest.periods.map((p) => p.label)],
    value: compared.results.map((runs) => ({ name: runs[runs.length - 1].policy, values: runs[runs.length - 1].values })),
    drift: compared.results.map((runs) => ({ name: runs[runs.length - 1].policy, values: runs[runs.length - 1].drift })),
  };
  // The sidebar's chart is drawn at the sidebar's size; the dialog ("open larger") gets the wide one.
  const svg = backtestSvg(chartInput, 'compact');
  const svgLarge = backtestSvg(chartInput, 'wide');

  const mapping = mix.map((m) => `${m.asset} -> ${SERIES_NAMES[series[m.asset]]}`).join('; ');
  const notes = [
    `Each cell: the median over ${windows.length} overlapping windows, with the 10th to 90th percentile under it.`,
    `History proxies, crude on purpose: ${mapping}.`,
    'Annual data: each policy sees the portfolio only at year ends, so drift and crashes inside a year are invisible.',
  ];
  if (override) notes.push(`${YOUR_POLICY}: ${override}`);
  if (lotMethod !== s.lotMethod) notes.push(`Lot method ${s.lotMethod} is not simulated; MinTax is used.`);
  if (read.taxable && tax.household) {
    notes.push(`Taxable: lot method ${lotMethod}; tax paid out of the portfolio; after-tax values deduct the tax of selling everything at the end. ${simulatedTablesNote(tax.household, read.years)}`);
  } else if (read.taxable) {
    notes.push(
      `Taxable: short-term ${tax.shortTermRate.times(100).toFixed()}%, long-term ${tax.longTermRate.times(100).toFixed()}% (state included), lot method ${lotMethod}; tax paid out of the portfolio; after-tax values deduct the tax of selling everything at the end.`,
    );
  } else notes.push('Tax-advantaged: no tax on any sale.');

  return {
    ok: true,
    label: `every ${read.years}-year window of ${first}-${last} (${windows.length} windows)`,
    runs: windows.length,
    years: read.years,
    start: toPlain(read.start),
    taxable: read.taxable,
    rows,
    notes,
    chartTitle,
    svg,
    svgLarge,
  };
}
