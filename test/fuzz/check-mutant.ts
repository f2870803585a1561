import { Decimal, computeDrift, planOutcome, type Household } from '../../src/engine/index';
import { driftJson } from '../../src/present/drift-table';
import { planJson } from '../../src/present/plan-json';
import { gridSource, readHousehold, tabKey, normalizeHeader } from '../../src/workbook/index';
import type { ColumnSpec } from '../../src/workbook/headers';
import { ACCOUNT_COLUMNS } from '../../src/workbook/read-accounts';
import { TARGET_COLUMNS } from '../../src/workbook/read-targets';
import { SECURITY_COLUMNS } from '../../src/workbook/read-securities';
import { LOT_COLUMNS } from '../../src/workbook/read-lots';
import { SALE_COLUMNS } from '../../src/workbook/read-sales';
import type { Mutant } from './mutate-workbook';

/**
 * The contract every mutant is held to. The reader answers either errors that each name a
 * tab, a row of that tab (>= 1) and a column (empty only when a whole tab is missing or
 * empty), or a household that is whole: every Decimal finite, as many items per tab as the
 * tab has non-blank rows, every cross-reference resolved; and on that household the drift
 * and the plan never hold a NaN or an Infinity. Nothing throws.
 */
export type Verdict = { kind: 'errors' | 'accepted'; failures: string[]; planned: boolean };

const TAB_SPECS: Record<string, readonly ColumnSpec[]> = {
  Accounts: ACCOUNT_COLUMNS,
  Targets: TARGET_COLUMNS,
  Securities: SECURITY_COLUMNS,
  Lots: LOT_COLUMNS,
  Sales: SALE_COLUMNS,
};
const KNOWN_TABS = new Set(['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings']);
const WHOLE_TAB = /^found (no \w+ tab|an empty tab)/;
const NON_FINITE = /NaN|Infinity/;

/** Written here, not imported, so the check does not share the reader's idea of blank. */
function blank(cell: unknown): boolean {
  return cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function gridOf(mutant: Mutant, tab: string): unknown[][] | null {
  const name = Object.keys(mutant.tabs).find((n) => tabKey(n) === tabKey(tab));
  return name === undefined ? null : mutant.tabs[name];
}

/** Rows below the header that hold something in a column the tab's reader knows. */
export function nonBlankRows(grid: readonly unknown[][], specs: readonly ColumnSpec[]): number {
  const headerIndex = grid.findIndex((row) => Array.isArray(row) && row.some((c) => !blank(c)));
  if (headerIndex < 0) return 0;
  const names = new Set(specs.flatMap((s) => [s.header, ...(s.aliases ?? [])]).map(normalizeHeader));
  const known = (grid[headerIndex] ?? [])
    .map((h, i) => ((typeof h === 'string' || typeof h === 'number') && names.has(normalizeHeader(String(h).trim())) ? i : -1))
    .filter((i) => i >= 0);
  let count = 0;
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const row = grid[r];
    if (Array.isArray(row) && known.some((i) => !blank(row[i]))) count++;
  }
  return count;
}

/** Every Decimal (and number) inside a value, with its path, that is not finite. */
export function nonFiniteValues(value: unknown, path = '$', out: string[] = [], depth = 0): string[] {
  if (out.length > 5 || depth > 12) return out;
  if (value instanceof Decimal) {
    if (!value.isFinite()) out.push(`${path}=${value.toString()}`);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}=${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFiniteValues(v, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) nonFiniteValues(v, `${path}.${k}`, out, depth + 1);
  }
  return out;
}

function checkErrors(mutant: Mutant, errors: readonly { tab: string; row: number; column: string; message: string }[]): string[] {
  const failures: string[] = [];
  if (errors.length === 0) failures.push('refused with no error');
  for (const e of errors) {
    const text = `${e.tab}!${e.row}/${e.column}: ${e.message}`;
    if (!KNOWN_TABS.has(e.tab)) failures.push(`error names an unknown tab: ${text}`);
    const grid = gridOf(mutant, e.tab);
    const rows = grid ? Math.max(1, grid.length) : 1;
    if (!Number.isInteger(e.row) || e.row < 1 || e.row > rows) failures.push(`error row outside the tab (1..${rows}): ${text}`);
    if (e.column === '' && !WHOLE_TAB.test(e.message)) failures.push(`error without a column: ${text}`);
    if (!e.message || /undefined|\[object /.test(e.message)) failures.push(`unclear message: ${text}`);
    // Every reader message says what it found and what it expected (README "The workbook").
    if (!WELL_FORMED.test(e.message)) failures.push(`message does not say what was found and what was expected: ${text}`);
    // What the user typed is quoted and may say anything ("NaN"); the reader's own words may not.
    if (LEAKS.test(e.message.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/the non-number (NaN|-?Infinity)/g, ''))) failures.push(`message leaks a JavaScript value: ${text}`);
    if (e.column !== '' && (/^\d+$/.test(e.column) || /[\n\r]/.test(e.column))) failures.push(`error names no real column: ${text}`);
  }
  return failures;
}

/** The reader's message shape: `found <what>; expected <what>` (a setting's name may lead). */
const WELL_FORMED = /(^|: )found .+; expected .+/s;
/** JavaScript leaking into what a user reads: a stringified function, symbol, NaN or invalid date. */
const LEAKS = /=>|function\s*\(|Symbol\(|\bNaN\b|Infinity|Invalid Date/;

/** The error checks alone, for their own tests. */
export const checkErrorsForTest = checkErrors;

function checkHousehold(mutant: Mutant, h: Household): string[] {
  const failures: string[] = [];
  for (const bad of nonFiniteValues(h)) failures.push(`household holds a non-finite value ${bad}`);
  const counts: Record<string, number> = {
    Accounts: h.accounts.length,
    Targets: h.targets.length,
    Securities: h.securities.length,
    Lots: h.lots.length,
    Sales: h.sales.length,
  };
  for (const [tab, specs] of Object.entries(TAB_SPECS)) {
    const grid = gridOf(mutant, tab);
    const expected = grid ? nonBlankRows(grid, specs) : 0;
    if (counts[tab] !== expected) failures.push(`half-read ${tab}: ${expected} non-blank rows, ${counts[tab]} read`);
  }
  const accounts = new Set(h.accounts.map((a) => a.name));
  const tickers = new Set(h.securities.map((s) => s.ticker));
  const classes = new Set(h.targets.map((t) => t.assetClass));
  for (const lot of h.lots) {
    if (!accounts.has(lot.account)) failures.push(`lot ${lot.id} in unknown account ${lot.account}`);
    if (!tickers.has(lot.ticker)) failures.push(`lot ${lot.id} of unknown ticker ${lot.ticker}`);
    if (!lot.shares.greaterThan(0)) failures.push(`lot ${lot.id} with ${lot.shares} shares`);
    if (lot.basis.isNegative()) failures.push(`lot ${lot.id} with basis ${lot.basis}`);
  }
  for (const s of h.securities) {
    if (!classes.has(s.assetClass)) failures.push(`security ${s.ticker} in unknown class ${s.assetClass}`);
    if (!s.price.greaterThan(0)) failures.push(`security ${s.ticker} priced ${s.price}`);
  }
  for (const a of h.accounts) {
    if (a.cash.isNegative() || a.reserve.isNegative() || a.withdraw.isNegative()) failures.push(`account ${a.name} with negative cash`);
  }
  const targets = h.targets.filter((t) => t.target !== null);
  if (targets.length > 0) {
    const total = targets.reduce((acc, t) => acc.plus(t.target!), new Decimal(0));
    if (total.minus(1).abs().greaterThan('0.0001')) failures.push(`targets sum to ${total}`);
  }
  if (h.settings.asOf === null) failures.push('accepted without an as-of date');
  // Date.UTC reads years 0-99 as 1900-1999: a date before 1900 must never reach the engine.
  const dates = [...h.lots.flatMap((l) => [l.acquired, l.holdingFrom]), ...h.sales.flatMap((s) => [s.date, s.acquired]), ...h.securities.map((s) => s.exDividend), h.settings.asOf];
  for (const d of dates) if (d !== null && (d < '1900-01-01' || d > '2199-12-31')) failures.push(`accepted the date ${d}`);
  return failures;
}

/** Drift and (when asked) the plan on an accepted household: no throw, nothing non-finite. */
function checkOutputs(h: Household, plan: boolean): string[] {
  const failures: string[] = [];
  try {
    const report = computeDrift(h);
    for (const bad of nonFiniteValues(report)) failures.push(`drift holds ${bad}`);
    const json = JSON.stringify(driftJson(report));
    if (NON_FINITE.test(json)) failures.push(`drift JSON holds NaN/Infinity: ${json.slice(0, 200)}`);
  } catch (error) {
    failures.push(`computeDrift threw: ${(error as Error).stack ?? error}`);
  }
  if (!plan) return failures;
  try {
    const outcome = planOutcome(h);
    // A request no plan can meet (a hostile Withdraw larger than the account) is a valid answer;
    // a plan that failed its final checks is a planner bug.
    if (!outcome.ok) {
      if (outcome.stage === 'final-check') failures.push(`plan failed its final checks: ${outcome.errors.join(' ')}`);
      return failures;
    }
    const result = outcome.plan;
    // No trade can move more than the whole household is worth (holdings plus cash).
    const worth = computeDrift(h).total.plus(h.accounts.reduce((acc, a) => acc.plus(a.cash), new Decimal(0)));
    for (const t of result.trades) {
      if (t.amount.greaterThan(worth.plus(1))) failures.push(`trade ${t.action} ${t.ticker} of ${t.amount} in a household worth ${worth}`);
    }
    const json = JSON.stringify(planJson(result));
    // Names can hold the letters "NaN"/"Infinity" (a hostile account name): scan values only.
    const values = JSON.stringify(planJson(result), (key, v) =>
      ['account', 'ticker', 'assetClass', 'lot', 'reason', 'warnings', 'id'].includes(key) ? undefined : v,
    );
    if (NON_FINITE.test(values)) failures.push(`plan JSON holds NaN/Infinity: ${json.slice(0, 300)}`);
  } catch (error) {
    failures.push(`planRebalance threw: ${(error as Error).stack ?? error}`);
  }
  return failures;
}

export function checkMutant(mutant: Mutant, options: { plan: boolean }): Verdict {
  let result;
  try {
    result = readHousehold(gridSource(mutant.tabs, mutant.dateCells), { dateCells: mutant.dateCells });
  } catch (error) {
    return { kind: 'errors', failures: [`readHousehold threw: ${(error as Error).stack ?? error}`], planned: false };
  }
  if (!result.ok) return { kind: 'errors', failures: checkErrors(mutant, result.errors), planned: false };
  const failures = checkHousehold(mutant, result.household);
  if (failures.length === 0) failures.push(...checkOutputs(result.household, options.plan));
  return { kind: 'accepted', failures, planned: options.plan };
}
