import { computeDrift, describeLots, parseIsoDate, planRebalance, type Household } from '../engine/index';
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

export function driftFormula(targets: unknown, securities: unknown, lots: unknown, accounts: unknown, settings?: unknown): Cell[][] {
  const tabs: Record<string, Grid> = {
    Targets: rangeArgument('DRIFT', 0, 'Targets', targets)!,
    Securities: rangeArgument('DRIFT', 1, 'Securities', securities)!,
    Lots: rangeArgument('DRIFT', 2, 'Lots', lots)!,
    Accounts: rangeArgument('DRIFT', 3, 'Accounts', accounts)!,
  };
  const settingsGrid = rangeArgument('DRIFT', 4, 'Settings', settings, true);
  if (settingsGrid) tabs.Settings = settingsGrid;
  return driftTableCells(computeDrift(read('DRIFT', tabs, false)));
}

/** The as-of argument of TAXLOTS: a date cell or ISO text; never the clock. */
function asOfArgument(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  const text = String(value).trim();
  if (!parseIsoDate(text)) throw new Error(`TAXLOTS: the 3rd argument should be the as-of date (a date cell or YYYY-MM-DD); found "${text}".`);
  return text;
}

export function taxLotsFormula(lots: unknown, securities: unknown, asOf?: unknown, accounts?: unknown, settings?: unknown): Cell[][] {
  const date = asOfArgument(asOf);
  const lotsGrid = rangeArgument('TAXLOTS', 0, 'Lots', lots)!;
  const tabs: Record<string, Grid> = {
    Lots: lotsGrid,
    Securities: rangeArgument('TAXLOTS', 1, 'Securities', securities)!,
  };
  const accountsGrid = rangeArgument('TAXLOTS', 3, 'Accounts', accounts, true);
  // Without the Accounts range every lot's account is treated as taxable: the accounts the lots
  // name are taken as Taxable so a quick =TAXLOTS(Lots!A:G, Securities!A:G, "2026-11-20") works.
  tabs.Accounts = accountsGrid ?? impliedTaxableAccounts(lotsGrid);
  const settingsGrid = rangeArgument('TAXLOTS', 4, 'Settings', settings, true);
  if (settingsGrid) tabs.Settings = settingsGrid;
  const household = read('TAXLOTS', tabs, true, date, true);
  if (!household.settings.asOf) throw new Error('TAXLOTS: needs an as-of date: pass it as the 3rd argument or the Settings range (As Of).');
  return lotsTableCells(describeLots(household, household.settings.asOf));
}

export function rebalanceFormula(targets: unknown, securities: unknown, lots: unknown, accounts: unknown, settings?: unknown, sales?: unknown): Cell[][] {
  const tabs: Record<string, Grid> = {
    Targets: rangeArgument('REBALANCE', 0, 'Targets', targets)!,
    Securities: rangeArgument('REBALANCE', 1, 'Securities', securities)!,
    Lots: rangeArgument('REBALANCE', 2, 'Lots', lots)!,
    Accounts: rangeArgument('REBALANCE', 3, 'Accounts', accounts)!,
  };
  const settingsGrid = rangeArgument('REBALANCE', 4, 'Settings', settings, true);
  if (settingsGrid) tabs.Settings = settingsGrid;
  const salesGrid = rangeArgument('REBALANCE', 5, 'Sales', sales, true);
  if (salesGrid) tabs.Sales = salesGrid;
  const household = read('REBALANCE', tabs, true);
  return planTableCells(planRebalance(household));
}

/** TAXLOTS without the Accounts range: the accounts its lots name, taken as Taxable. */
function impliedTaxableAccounts(lots: Grid): Grid {
  const col = (lots[0] ?? []).findIndex((h) => normalizeHeader(String(h ?? '')) === 'account');
  const names = [...new Set(lots.slice(1).map((r) => String(r[col] ?? '').trim()).filter(Boolean))];
  return [['Account', 'Type'], ...names.map((n) => [n, 'Taxable'])];
}
