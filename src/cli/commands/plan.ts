import { planOutcome } from '../../engine/index';
import { planJson } from '../../present/plan-json';
import { planText } from '../../present/plan-table';
import { UsageError, has, switchFlag, type CommandSpec, type ParsedArgs } from '../args';
import { AS_OF, JSON_FLAG, WORKBOOK } from '../common-flags';
import type { CommandResult } from '../io';
import { closest } from '../did-you-mean';
import { loadHousehold, warningLines } from '../load-household';
import { PLAN_OPTION_FLAGS, planOptionsFrom } from '../plan-options';

/** Each trade's details (lots, rates, wash-sale guidance) under its one-sentence reason. */
const VERBOSE = switchFlag('verbose', "each trade's details under its reason: the lots sold, rates, the buying-low note, wash-sale guidance");

export async function planCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const options = planOptionsFrom(args);
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const unknown = Object.keys(options.cashFlows ?? {}).filter((a) => !loaded.household.accounts.some((x) => x.name === a));
  if (unknown.length > 0) throw new UsageError(`--cash: no account named ${unknown.map((a) => `"${a}"`).join(', ')} on the Accounts tab`);
  const missingLots = (options.specificLots ?? []).filter((id) => !loaded.household.lots.some((l) => l.id === id));
  if (missingLots.length > 0) {
    const ids = loaded.household.lots.map((l) => l.id);
    const named = missingLots.map((id) => { const near = closest(id, ids); return `"${id}"${near ? ` (did you mean ${near}?)` : ''}`; });
    throw new UsageError(`--lots: no lot ${named.join(', ')} on the Lots tab; rebalance lots ${path} lists each lot id`);
  }
  const outcome = planOutcome(loaded.household, options);
  // No plan is printed when there is none to act on: the reasons go to stderr and the exit code says so.
  if (!outcome.ok) return { stdout: '', stderr: ['No plan:', ...outcome.errors.map((e) => `  - ${e}`), warningLines(loaded.warnings)].filter(Boolean).join('\n'), exitCode: 1 };
  const plan = outcome.plan;
  if (has(args, JSON_FLAG)) return { stdout: JSON.stringify(planJson(plan), null, 2), exitCode: 0 };
  return { stdout: planText(plan, { verbose: has(args, VERBOSE) }), stderr: warningLines(loaded.warnings), exitCode: 0 };
}

export const command: CommandSpec = {
  name: 'plan',
  summary: 'the trades that bring every class back inside its band at the least tax, each with its reason',
  positionals: [WORKBOOK],
  flags: [JSON_FLAG, VERBOSE, AS_OF, ...PLAN_OPTION_FLAGS],
  notes: ['--json prints the plan apply takes: rebalance plan book.xlsx --json > plan.json (each trade has its reason and details)'],
  run: planCommand,
};
