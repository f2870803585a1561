import { computeDrift } from '../../engine/index';
import { driftJson, driftText } from '../../present/drift-table';
import { has, type CommandSpec, type ParsedArgs } from '../args';
import { AS_OF, JSON_FLAG, WORKBOOK } from '../common-flags';
import type { CommandResult } from '../io';
import { loadHousehold, warningLines } from '../load-household';

export async function driftCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const report = computeDrift(loaded.household);
  if (has(args, JSON_FLAG)) return { stdout: JSON.stringify(driftJson(report), null, 2), exitCode: 0 };
  return { stdout: driftText(report), stderr: warningLines(loaded.warnings), exitCode: 0 };
}

export const command: CommandSpec = {
  name: 'drift',
  summary: 'drift per asset class, household-wide, with bands and status',
  positionals: [WORKBOOK],
  flags: [JSON_FLAG, AS_OF],
  run: driftCommand,
};
