import { planOutcome } from '../../engine/index';
import { planJson } from '../../present/plan-json';
import { planText } from '../../present/plan-table';
import { UsageError, hasFlag, type ParsedArgs } from '../args';
import type { CommandResult } from '../io';
import { loadHousehold, warningLines } from '../load-household';
import { PLAN_OPTION_USAGE, planOptionsFrom } from '../plan-options';

export const usage = `rebalance plan <workbook> [--json] [--as-of YYYY-MM-DD] ${PLAN_OPTION_USAGE}`;

export async function planCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  if (!path) throw new UsageError('plan needs a workbook: an .xlsx file or a folder of CSV tabs');
  const options = planOptionsFrom(args);
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const unknown = Object.keys(options.cashFlows ?? {}).filter((a) => !loaded.household.accounts.some((x) => x.name === a));
  if (unknown.length > 0) throw new UsageError(`--cash: no account named ${unknown.map((a) => `"${a}"`).join(', ')} on the Accounts tab`);
  const outcome = planOutcome(loaded.household, options);
  // No plan is printed when there is none to act on: the reasons go to stderr and the exit code says so.
  if (!outcome.ok) return { stdout: '', stderr: ['No plan:', ...outcome.errors.map((e) => `  - ${e}`), warningLines(loaded.warnings)].filter(Boolean).join('\n'), exitCode: 1 };
  const plan = outcome.plan;
  if (hasFlag(args, 'json')) return { stdout: JSON.stringify(planJson(plan), null, 2), exitCode: 0 };
  return { stdout: planText(plan), stderr: warningLines(loaded.warnings), exitCode: 0 };
}
