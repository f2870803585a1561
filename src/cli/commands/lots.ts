import { describeLots } from '../../engine/index';
import { lotsJson, lotsTableCells } from '../../present/lots-table';
import { alignTable } from '../../present/drift-table';
import { UsageError, hasFlag, type ParsedArgs } from '../args';
import type { CommandResult } from '../io';
import { loadHousehold, warningLines } from '../load-household';

export const usage = 'rebalance lots <workbook> [--json] [--as-of YYYY-MM-DD]';

export async function lotsCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  if (!path) throw new UsageError('lots needs a workbook: an .xlsx file or a folder of CSV tabs');
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const lots = describeLots(loaded.household, loaded.household.settings.asOf!);
  if (hasFlag(args, 'json')) return { stdout: JSON.stringify(lotsJson(lots), null, 2), exitCode: 0 };
  const cells = lotsTableCells(lots).map((r) => r.map((c) => String(c)));
  return {
    stdout: `Tax lots as of ${loaded.household.settings.asOf}\n\n${alignTable(cells, cells[0].map((_, i) => i >= 4 && i <= 8))}`,
    stderr: warningLines(loaded.warnings),
    exitCode: 0,
  };
}
