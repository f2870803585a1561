import { readFile } from 'node:fs/promises';
import { recordTrades } from '../../engine/index';
import { parseExecutedPlan } from '../../present/plan-json';
import { matchTabName, recordedTabs } from '../../workbook/index';
import { JOURNAL_HEADERS, journalGrid, journalRow, recordedPlanIds } from '../../workbook/journal';
import { loadWorkbook, writeCsvFolder, writeXlsx } from '../../workbook/node/index';
import { flag, value, valueFlag, withValue, type CommandSpec, type ParsedArgs } from '../args';
import { AS_OF, WORKBOOK } from '../common-flags';
import { errorLine } from '../error-line';
import { outPath, text } from '../flag-kinds';
import type { CommandResult } from '../io';
import { loadHousehold } from '../load-household';

export const PLAN_FILE = valueFlag('plan', text('<plan.json>', 'a file'), 'the plan to record, as written by rebalance plan --json', { required: true });
export const OUT = valueFlag('out', outPath, 'write the updated workbook here: a folder (one CSV per tab) or a file ending in .xlsx; without it nothing is written');

/**
 * Records an executed plan: updated Lots, Sales and Accounts tabs, a Journal row, every other
 * tab copied unchanged. Without --out nothing is written: it prints what would change.
 */
export async function applyCommand(args: ParsedArgs): Promise<CommandResult> {
  const [path] = args.positionals;
  const planPath = value(args, PLAN_FILE)!;
  let planText: string;
  try {
    planText = await readFile(planPath, 'utf8');
  } catch (error) {
    return { stdout: '', stderr: `--plan: ${errorLine(error)}; expected the JSON file rebalance plan --json writes`, exitCode: 1 };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(planText);
  } catch (error) {
    return { stdout: '', stderr: `--plan: ${planPath} is not JSON (${(error as Error).message}); expected the file rebalance plan --json writes`, exitCode: 1 };
  }
  const parsed = parseExecutedPlan(raw);
  if (!parsed.ok) return { stdout: '', stderr: `${planPath}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`, exitCode: 1 };
  const plan = parsed.value;
  // A plan is recorded as of its own date, whatever the clock says.
  const loaded = await loadHousehold(path, withValue(args, AS_OF, plan.asOf, plan.asOf));
  if (!loaded.ok) return { stdout: '', stderr: loaded.message, exitCode: 1 };
  const source = await loadWorkbook(path);
  const journal = journalGrid(source);
  const result = recordTrades(loaded.household, plan, { recordedPlanIds: recordedPlanIds(journal) });
  if (!result.ok) return { stdout: '', stderr: `Nothing was recorded:\n${result.errors.map((e) => `  ${e}`).join('\n')}`, exitCode: 1 };

  const tabs: Record<string, unknown[][]> = {};
  for (const name of source.tabNames()) tabs[name] = source.values(name) ?? [];
  const replace = (wanted: string, rows: unknown[][]) => {
    tabs[matchTabName(Object.keys(tabs), wanted) ?? wanted] = rows;
  };
  const existing = (wanted: string) => {
    const name = matchTabName(Object.keys(tabs), wanted);
    return name ? tabs[name] : null;
  };
  const recorded = recordedTabs({ lots: existing('Lots'), sales: existing('Sales'), accounts: existing('Accounts') }, result, source.dateCells);
  replace('Lots', recorded.lots);
  replace('Sales', recorded.sales);
  replace('Accounts', recorded.accounts);
  replace('Journal', [...(journal && journal.length > 0 ? journal : [[...JOURNAL_HEADERS]]), journalRow(new Date().toISOString(), plan.id, 'recorded', plan.asOf, result.details)]);

  const skipped = result.skipped.length === 0 ? '' : `; ${result.skipped.length} not executed: ${result.skipped.join(', ')}`;
  const summary = [`Recorded plan ${plan.id} (${result.executed} trades${skipped}; as of ${plan.asOf}).`, ...result.journal.map((j) => `  ${j}`)];
  const out = flag(args, OUT.name);
  if (!out) return { stdout: [...summary, '', 'Dry run: nothing written. Add --out <folder | file.xlsx> to write the updated workbook.'].join('\n'), exitCode: 0 };
  if (/\.xlsx$/i.test(out)) await writeXlsx(out, tabs);
  else await writeCsvFolder(out, tabs);
  return { stdout: [...summary, `Wrote ${out}.`].join('\n'), exitCode: 0 };
}

export const command: CommandSpec = {
  name: 'apply',
  summary: 'record an executed plan: updated Lots, Sales and Accounts tabs and a Journal row',
  positionals: [WORKBOOK],
  flags: [PLAN_FILE, OUT],
  notes: ['The plan is recorded as of its own date. Without --out it prints what would change and writes nothing.'],
  run: applyCommand,
};
