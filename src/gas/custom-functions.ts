import { computeDrift } from '../engine/index';
import { driftTableCells, type Cell } from '../present/drift-table';
import { formatIssue, gridSource, readHousehold } from '../workbook/index';
import { rangeArgument, type Grid } from './range-arguments';

/** A custom function's failure: Sheets shows the message on the cell's #ERROR! hover. */
function fail(fn: string, errors: readonly { tab: string; row: number; column: string; message: string }[]): never {
  const shown = errors.slice(0, 5).map(formatIssue).join(' | ');
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  throw new Error(`${fn}: ${shown}${more}`);
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
  // Custom functions may not read the clock: the as-of date comes from Settings or is absent.
  const result = readHousehold(gridSource(tabs), { dateCells: 'local', requireAsOf: false });
  if (!result.ok) fail('DRIFT', result.errors);
  return driftTableCells(computeDrift(result.household));
}
