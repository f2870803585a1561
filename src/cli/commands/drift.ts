import { computeDrift } from '../../engine/index';
import { driftJson, driftText } from '../../present/drift-table';
import { UsageError, hasFlag, type ParsedArgs } from '../args';
import type { CommandResult } from '../io';
import { loadHousehold, warningLines } from '../load-household';

export const usage = 'rebalance drift <workbook.xlsx | folder> [--json] [--as-of YYYY-MM-DD]';

export async function driftCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  if (!path) throw new UsageError('drift needs a workbook: an .xlsx file or a folder of CSV tabs');
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const report = computeDrift(loaded.household);
  if (hasFlag(args, 'json')) return { stdout: JSON.stringify(driftJson(report), null, 2), exitCode: 0 };
  return { stdout: driftText(report), stderr: warningLines(loaded.warnings), exitCode: 0 };
}
