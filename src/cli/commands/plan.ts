import type { Decimal } from '../../engine/money';
import { planOutcome } from '../../engine/index';
import { nameKey } from '../../workbook/table';
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

/**
 * `--cash` names accounts the way the workbook's tabs do (nameKey: case and runs of spaces do not
 * matter, as on Lots and Sales and in `import --account`), and the plan uses the Accounts tab's
 * spelling. A name no account has is refused with the closest one.
 */
function accountsAsTabSpellsThem(flows: Record<string, Decimal>, names: readonly string[]): Record<string, Decimal> {
  const byKey = new Map(names.map((n) => [nameKey(n), n]));
  const out: Record<string, Decimal> = {};
  const unknown: string[] = [];
  for (const [typed, amount] of Object.entries(flows)) {
    const name = byKey.get(nameKey(typed));
    if (name === undefined) {
      const near = closest(typed, names);
      unknown.push(`"${typed}"${near ? ` (did you mean "${near}"?)` : ''}`);
    } else if (out[name] !== undefined) throw new UsageError(`--cash: ${name} is given twice; give one amount per account`);
    else out[name] = amount;
  }
  if (unknown.length > 0) throw new UsageError(`--cash: no account named ${unknown.join(', ')} on the Accounts tab; it has ${names.join(', ')}`);
  return out;
}

export async function planCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const options = planOptionsFrom(args);
  const loaded = await loadHousehold(path, args);
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  if (options.cashFlows) options.cashFlows = accountsAsTabSpellsThem(options.cashFlows, loaded.household.accounts.map((a) => a.name));
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
