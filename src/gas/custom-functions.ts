import { computeDrift, describeLots, impossibleDateReason, parseIsoDate, planOutcome, type Household } from '../engine/index';
import { driftTableCells, type Cell } from '../present/drift-table';
import { lotsTableCells } from '../present/lots-table';
import { planTableCells } from '../present/plan-table';
import { formatIssue, gridSource, normalizeHeader, readHousehold, type WorkbookIssue } from '../workbook/index';
import { rangeArgument, type Grid } from './range-arguments';
import { dateCellsToIso } from './date-cells';

/**
 * Custom functions: no authorization, no clock (APPS_SCRIPT.md). Each reads only its range
 * arguments; the as-of date comes from the Settings range (or TAXLOTS's asOf argument).
 * Failures throw an Error whose message Sheets shows on the cell: short, naming tab, row, column.
 */
function fail(fn: string, errors: readonly WorkbookIssue[]): never {
  const shown = errors.slice(0, 4).map(formatIssue).join(' | ');
  const more = errors.length > 4 ? ` (and ${errors.length - 4} more)` : '';
  throw new Error(`${fn}: ${shown}${more}`);
}

/** The spreadsheet's time zone, which custom functions may read (read-only access is allowed). */
function spreadsheetZone(): string | null {
  try {
    return SpreadsheetApp.getActive()?.getSpreadsheetTimeZone() ?? null;
  } catch {
    return null;
  }
}

function read(fn: string, tabs: Record<string, Grid>, requireAsOf: boolean, asOf?: string, withoutTargets = false): Household {
  const parsed = asOf ? parseIsoDate(asOf) : undefined;
  const names = Object.keys(tabs);
  const converted = dateCellsToIso(names.map((n) => tabs[n]), spreadsheetZone);
  const isoTabs = Object.fromEntries(names.map((n, i) => [n, converted[i]]));
  const result = readHousehold(gridSource(isoTabs, 'local'), { dateCells: 'local', requireAsOf, withoutTargets, ...(parsed ? { asOf: parsed } : {}) });
  if (!result.ok) fail(fn, result.errors);
  return result.household;
}

/**
 * The tab grids from a custom function's range arguments, in argument order; `null` marks an
 * argument that is not a range (TAXLOTS's as-of date), `?` an optional one.
 */
function rangeTabs(fn: string, args: readonly (readonly [tab: string | null, value: unknown, optional?: boolean])[]): Record<string, Grid> {
  const tabs: Record<string, Grid> = {};
  args.forEach(([tab, value, optional], position) => {
    if (tab === null) return;
    const grid = rangeArgument(fn, position, tab, value, optional === true);
    if (grid) tabs[tab] = grid;
  });
  return tabs;
}

export function driftFormula(targets: unknown, securities: unknown, lots: unknown, accounts: unknown, settings?: unknown): Cell[][] {
  const tabs = rangeTabs('DRIFT', [['Targets', targets], ['Securities', securities], ['Lots', lots], ['Accounts', accounts], ['Settings', settings, true]]);
  return driftTableCells(computeDrift(read('DRIFT', tabs, false)));
}

/** The as-of argument of TAXLOTS: a date cell (read in the spreadsheet's zone) or ISO text; never the clock. */
function asOfArgument(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(dateCellsToIso([[[value]]], spreadsheetZone)[0][0][0]).trim();
  const impossible = impossibleDateReason(text);
  if (impossible) throw new Error(`TAXLOTS: the 3rd argument (the as-of date) "${text}" is not a real date (${impossible}).`);
  if (!parseIsoDate(text)) throw new Error(`TAXLOTS: the 3rd argument should be the as-of date (a date cell or YYYY-MM-DD); found "${text}".`);
  return text;
}

export function taxLotsFormula(lots: unknown, securities: unknown, asOf?: unknown, accounts?: unknown, settings?: unknown, sales?: unknown): Cell[][] {
  const date = asOfArgument(asOf);
  const tabs = rangeTabs('TAXLOTS', [['Lots', lots], ['Securities', securities], [null, asOf], ['Accounts', accounts, true], ['Settings', settings, true], ['Sales', sales, true]]);
  // Without the Accounts range every lot's account is treated as taxable: the accounts the lots
  // name are taken as Taxable so a quick =TAXLOTS(Lots!A:G, Securities!A:G, "2026-11-20") works.
  tabs.Accounts ??= impliedTaxableAccounts(tabs.Lots);
  const household = read('TAXLOTS', tabs, true, date, true);
  if (!household.settings.asOf) throw new Error('TAXLOTS: needs an as-of date: pass it as the 3rd argument or the Settings range (As Of).');
  return lotsTableCells(describeLots(household, household.settings.asOf));
}

export function rebalanceFormula(targets: unknown, securities: unknown, lots: unknown, accounts: unknown, settings?: unknown, sales?: unknown): Cell[][] {
  const tabs = rangeTabs('REBALANCE', [['Targets', targets], ['Securities', securities], ['Lots', lots], ['Accounts', accounts], ['Settings', settings, true], ['Sales', sales, true]]);
  const outcome = planOutcome(read('REBALANCE', tabs, true));
  // No plan to show: the cell shows #ERROR! with the reasons (the account and the amounts) on hover.
  if (!outcome.ok) throw new Error(`REBALANCE: no plan. ${outcome.errors.join(' ')}`);
  return planTableCells(outcome.plan);
}

/** TAXLOTS without the Accounts range: the accounts its lots name, taken as Taxable. */
function impliedTaxableAccounts(lots: Grid): Grid {
  const col = (lots[0] ?? []).findIndex((h) => normalizeHeader(String(h ?? '')) === 'account');
  const names = [...new Set(lots.slice(1).map((r) => String(r[col] ?? '').trim()).filter(Boolean))];
  return [['Account', 'Type'], ...names.map((n) => [n, 'Taxable'])];
}
